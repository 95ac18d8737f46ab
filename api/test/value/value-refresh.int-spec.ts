import type { ReadingResponse } from '@waypoint/contracts';
import { Pool } from 'pg';
import { createInitiative, createMeasure, refreshValue } from '../factories/domain';
import { createUser } from '../factories/users';
import { send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { createServerTestDatabase, type ServerTestDatabase } from '../support/test-database';
import { daysAgo, eventually } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/** Initiatives still waiting for their value rows to be recomputed. */
async function pendingOf(sql: Pool, initiativeId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM value_refresh_pending WHERE initiative_id = $1`,
    [initiativeId],
  );
  return rows[0]?.n ?? -1;
}

/** The reading the stored rows take as the measure's latest (value_measure_now). */
async function storedLatestOf(sql: Pool, measureId: string): Promise<string | null> {
  const { rows } = await sql.query<{ reading_id: string | null }>(
    `SELECT reading_id FROM value_measure_now WHERE measure_id = $1`,
    [measureId],
  );
  return rows[0]?.reading_id ?? null;
}

/**
 * Issue 18: a reading commits in a transaction of its own and the initiative's value rows are
 * recomputed right after, before the answer, once for all the readings of the initiative
 * committed meanwhile (ValueEngine.readingsCommitted). The rows must be as right as when each
 * reading recomputed them in its own transaction: `valueCheck` recomputes every stored row after
 * the file and compares.
 */
describe('value rows recomputed after a reading commits', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;
  let measures: string[];

  beforeAll(async () => {
    initiative = await createInitiative(t.sql, {
      ownerId: c.owner.user.id,
      teamIds: [c.team.user.id],
    });
    measures = [
      await createMeasure(t.sql, initiative, { baseline: 40, target: 20 }),
      await createMeasure(t.sql, initiative, {
        name: 'Satisfaction',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 50,
        target: 80,
      }),
    ];
    await refreshValue(t.sql, 'measures', measures[0] ?? '');
  });

  const storedLatest = (measureId: string) => storedLatestOf(t.sql, measureId);

  it('answers every reading of a burst on one initiative with its rows already recomputed', async () => {
    const start = Date.now();
    // Each observed at its own minute, the newest first: the latest of a measure is one reading.
    const burst = Array.from({ length: 24 }, (_u, n) => ({
      measureId: measures[n % 2] ?? '',
      value: 30 + n,
      observedAt: new Date(start - (n + 1) * 60_000).toISOString(),
    }));
    const answers = await Promise.all(
      burst.map((r, n) =>
        send<ReadingResponse>(
          t,
          n % 3 === 0 ? c.owner : c.team,
          'POST',
          `/api/measures/${r.measureId}/readings`,
          { value: r.value, observedAt: r.observedAt },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(burst.map(() => 201));
    expect(await pendingOf(t.sql, initiative)).toBe(0);
    expect(await storedLatest(measures[0] ?? '')).toBe(answers[0]?.body.id);
    expect(await storedLatest(measures[1] ?? '')).toBe(answers[1]?.body.id);
  });

  it('recomputes after a withdrawal too, and leaves nothing pending', async () => {
    const recorded = await send<ReadingResponse>(
      t,
      c.team,
      'POST',
      `/api/measures/${measures[0] ?? ''}/readings`,
      { value: 5, observedAt: new Date(Date.now() - 1_000).toISOString() },
    );
    expect(recorded.status).toBe(201);
    expect(await storedLatest(measures[0] ?? '')).toBe(recorded.body.id);

    const withdrawn = await send(
      t,
      c.team,
      'POST',
      `/api/measures/${measures[0] ?? ''}/readings/${recorded.body.id}/withdrawal`,
      { reason: 'Typed into the wrong measure.' },
    );
    expect(withdrawn.status).toBe(201);
    const latest = await storedLatest(measures[0] ?? '');
    expect(latest).not.toBeNull();
    expect(latest).not.toBe(recorded.body.id);
    expect(await pendingOf(t.sql, initiative)).toBe(0);
  });
});

const serverUrl = process.env['DATABASE_URL'];

if (serverUrl) {
  /**
   * A reading that commits while its initiative's recomputation still waits for its connection
   * or lock is in that recomputation's load (a later snapshot): its request shares it instead of
   * waiting for it and then for one of its own (CoalescingLanes' seal). Here the lock is held
   * from outside, by two sessions one after the other, so that a second recomputation would have
   * to wait for the second one.
   */
  describe('a reading committed while the recomputation waits for its lock', () => {
    const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
    const c = t.people;

    it('is answered by that recomputation, with its rows stored', async () => {
      const initiative = await createInitiative(t.sql, {
        ownerId: c.owner.user.id,
        teamIds: [c.team.user.id],
      });
      const [first, second] = [
        await createMeasure(t.sql, initiative, { baseline: 40, target: 20 }),
        await createMeasure(t.sql, initiative, { name: 'Waiting time', baseline: 30, target: 10 }),
      ];
      await refreshValue(t.sql, 'measures', first ?? '');
      // Sessions of their own (t.sql has two connections, for the checks below).
      const sessions = new Pool({ connectionString: t.sql.options.connectionString, max: 2 });
      const holders = [await sessions.connect(), await sessions.connect()];
      const [holder, next] = holders;
      if (!holder || !next) throw new Error('no connection');
      const lock = `SELECT pg_advisory_xact_lock(1764000410, hashtext($1::uuid::text))`;
      const waiters = async () =>
        (
          await t.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE locktype = 'advisory' AND classid = 1764000410 AND NOT granted
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )
        ).rows[0]?.n ?? 0;
      const readingOf = async (measureId: string) =>
        (
          await t.sql.query<{ id: string }>(`SELECT id FROM readings WHERE measure_id = $1`, [
            measureId,
          ])
        ).rows[0]?.id;
      const storedLatest = (measureId: string) => storedLatestOf(t.sql, measureId);
      try {
        await holder.query('BEGIN');
        await holder.query(lock, [initiative]);
        const observedAt = new Date(Date.now() - 60_000).toISOString();
        const a = send<ReadingResponse>(t, c.team, 'POST', `/api/measures/${first}/readings`, {
          value: 35,
          observedAt,
        });
        await eventually(async () => (await waiters()) === 1);
        let bAnswered = false;
        const b = send<ReadingResponse>(t, c.owner, 'POST', `/api/measures/${second}/readings`, {
          value: 25,
          observedAt,
        }).then((answer) => {
          bAnswered = true;
          return answer;
        });
        // B's reading is committed while A's recomputation still waits for the lock.
        const bReading = await eventually(() => readingOf(second ?? ''));
        // The next session queues for the lock behind A's recomputation: one that B would start
        // after A's would wait for it.
        await next.query('BEGIN');
        const nextLocked = next.query(lock, [initiative]);
        await eventually(async () => (await waiters()) === 2);
        await holder.query('COMMIT');
        const answerA = await a;
        await nextLocked;
        expect(answerA.status).toBe(201);
        // A's recomputation loaded after B's commit: B is answered while the lock is still held.
        await eventually(async () => bAnswered, 10_000);
        const answerB = await b;
        expect(answerB.status).toBe(201);
        expect(answerB.body.id).toBe(bReading);
        expect(await storedLatest(first ?? '')).toBe(answerA.body.id);
        expect(await storedLatest(second ?? '')).toBe(bReading);
        expect(await pendingOf(t.sql, initiative)).toBe(0);
      } finally {
        await Promise.all(holders.map((h) => h.query('ROLLBACK').catch(() => undefined)));
        holders.forEach((h) => h.release());
        await sessions.end();
      }
    });
  });

  describe('a recomputation the process never did', () => {
    let database: ServerTestDatabase;
    let app: TestApp | null = null;

    beforeAll(async () => {
      database = await createServerTestDatabase(serverUrl);
    });
    afterAll(async () => {
      await app?.close();
      await database.drop();
    });

    it('is done by the next start, from value_refresh_pending', async () => {
      // A first start migrates the database; then a reading goes in behind its back, as if the
      // process had stopped between the reading's commit and the recomputation.
      const first = await startTestApp({ databaseUrl: database.url });
      const owner = await createUser(first.sql, { role: 'manager' });
      const initiative = await createInitiative(first.sql, { ownerId: owner.id });
      const measure = await createMeasure(first.sql, initiative, { baseline: 40, target: 20 });
      await refreshValue(first.sql, 'measures', measure);
      await first.close();

      // Straight SQL, not the factory (which recomputes the rows itself).
      const behind = new Pool({ connectionString: database.url, max: 1 });
      const inserted = await behind.query<{ id: string }>(
        `INSERT INTO readings (measure_id, value, observed_at, recorded_by, note)
         VALUES ($1, 30, $2, $3, '') RETURNING id`,
        [measure, daysAgo(1), owner.id],
      );
      const reading = inserted.rows[0]?.id;
      expect(await pendingOf(behind, initiative)).toBe(1);
      await behind.end();

      app = await startTestApp({ databaseUrl: database.url });
      const sql = app.sql;
      const latest = async () =>
        (
          await sql.query<{ reading_id: string | null }>(
            `SELECT reading_id FROM value_measure_now WHERE measure_id = $1`,
            [measure],
          )
        ).rows[0]?.reading_id ?? null;
      const deadline = Date.now() + 20_000;
      while (
        ((await latest()) !== reading || (await pendingOf(sql, initiative)) !== 0) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await latest()).toBe(reading);
      expect(await pendingOf(sql, initiative)).toBe(0);
    });
  });
}
