import { randomUUID } from 'node:crypto';
import type { ReadingResponse } from '@waypoint/contracts';
import { createInitiative, createMeasure } from '../factories/domain';
import { type Answer, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { daysAgo } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/** One recording as the web client sends it: its own Idempotency-Key, kept for every retry. */
interface Recording {
  measureId: string;
  note: string;
  key: string;
  /** When it was observed: fixed once, so that a retry sends the same body. */
  observedAt: string;
}

function recordings(prefix: string, measures: string[], count: number): Recording[] {
  return Array.from({ length: count }, (_unused, n) => ({
    measureId: measures[n % measures.length] ?? '',
    note: `${prefix} ${randomUUID()}`,
    key: randomUUID(),
    observedAt: daysAgo(1 + (n % 20)).toISOString(),
  }));
}

/** Attempts a recording may take: a 503 busy answer is retried after its Retry-After. */
const ATTEMPTS = 40;

describe('readings recorded at the same time, by many people on one initiative and on several', () => {
  // A pool of 3 connections: a burst of 60 writes queues for them, as 50 bench connections do
  // for the bench's 10.
  const t = useTestApp({
    people: INITIATIVE_PEOPLE,
    valueCheck: true,
    env: { DATABASE_POOL_SIZE: '3' },
  });
  const c = t.people;
  const initiatives: string[] = [];
  const measuresOf = new Map<string, string[]>();

  beforeAll(async () => {
    for (let i = 0; i < 4; i += 1) {
      const id = await createInitiative(t.sql, {
        ownerId: c.owner.user.id,
        sponsorId: c.executive.user.id,
        teamIds: [c.team.user.id],
      });
      initiatives.push(id);
      measuresOf.set(id, [
        await createMeasure(t.sql, id, { baseline: 40, target: 20 }),
        await createMeasure(t.sql, id, {
          name: 'Satisfaction',
          perspective: 'business',
          direction: 'higher_is_better',
          baseline: 50,
          target: 80,
        }),
      ]);
    }
  });

  const attempt = (r: Recording, n: number): Promise<Answer<ReadingResponse>> =>
    send<ReadingResponse>(
      t,
      n % 2 === 0 ? c.team : c.owner,
      'POST',
      `/api/measures/${r.measureId}/readings`,
      { value: 20 + (n % 30), observedAt: r.observedAt, note: r.note },
      { 'Idempotency-Key': r.key },
    );

  /** Sends it, retrying a busy answer (503, or 409 while its own earlier try is in flight). */
  async function record(
    r: Recording,
    n: number,
  ): Promise<{ answer: Answer<ReadingResponse>; retries: number }> {
    for (let retries = 0; ; retries += 1) {
      const answer = await attempt(r, n);
      const retryable = answer.status === 503 || answer.status === 409;
      if (!retryable || retries + 1 >= ATTEMPTS) return { answer, retries };
      // Busy answers say when to come back; nothing was written.
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function burst(measures: string[], count: number): Promise<Recording[]> {
    const sent = recordings('burst', measures, count);
    const outcomes = await Promise.all(sent.map((r, n) => record(r, n)));
    // Every recording is answered 201 (none needed a retry here: waiting is the server's job).
    expect(outcomes.map((o) => o.answer.status)).toEqual(sent.map(() => 201));
    expect(outcomes.filter((o) => o.retries > 0)).toEqual([]);
    return sent;
  }

  /** Each recording is stored exactly once, with its audit event. */
  async function expectStoredOnce(sent: Recording[]): Promise<void> {
    const rows = await t.sql.query<{ note: string; measure_id: string; n: string; audits: string }>(
      `SELECT r.note, r.measure_id, count(*)::text AS n,
              (SELECT count(*) FROM audit_events a
                WHERE a.entity_type = 'reading' AND a.entity_id = ANY(array_agg(r.id::text)))::text AS audits
         FROM readings r WHERE r.note = ANY($1::text[]) GROUP BY r.note, r.measure_id`,
      [sent.map((r) => r.note)],
    );
    const stored = new Map(rows.rows.map((row) => [row.note, row]));
    for (const r of sent) {
      expect(stored.get(r.note)).toEqual({
        note: r.note,
        measure_id: r.measureId,
        n: '1',
        audits: '1',
      });
    }
  }

  it('60 recordings at once on ONE initiative all succeed and are stored once', async () => {
    const one = initiatives[0] ?? '';
    await expectStoredOnce(await burst(measuresOf.get(one) ?? [], 60));
  });

  it('60 recordings at once over four initiatives all succeed and are stored once', async () => {
    await expectStoredOnce(await burst([...measuresOf.values()].flat(), 60));
  });

  it('a retry with the same Idempotency-Key while the first is in the burst stores it once', async () => {
    const measures = [...measuresOf.values()].flat();
    const sent = recordings('twice', measures, 20);
    // Each one sent twice at once (a client that retried before the first answer came).
    const outcomes = await Promise.all(sent.flatMap((r, n) => [record(r, n), record(r, n)]));
    for (const { answer } of outcomes) expect(answer.status).toBe(201);
    const ids = outcomes.map((o) => o.answer.body.id);
    // Both answers of a pair name the same reading.
    for (let i = 0; i < ids.length; i += 2) expect(ids[i]).toBe(ids[i + 1]);
    await expectStoredOnce(sent);
  });
});
