import type { QueryRunner } from 'typeorm';
import { CheaperWriteTriggers1764000004200 } from '../../src/migrations/1764000004200-CheaperWriteTriggers';
import { refreshValue } from '../factories/domain';
import { useTestApp } from '../support/use-test-app';

/**
 * Migration 1764000004200: the portfolio rows' refresh functions in PL/pgSQL (their plans kept,
 * an empty call returning at once) and the first reading's baseline set only when a measure
 * still lacks one. What the triggers keep must be what it was: the baseline of a first reading,
 * the portfolio row of a measure whose latest reading moved.
 */
describe('the triggers of a recorded reading (migration 1764000004200)', () => {
  const t = useTestApp();
  let owner: string;
  let initiative: string;
  const start = Date.now();
  const daysAgo = (days: number) => new Date(start - days * 86_400_000);

  beforeAll(async () => {
    owner = (await t.make.user({ role: 'manager' })).id;
    initiative = await t.make.initiative({ ownerId: owner });
  });

  const measureRow = async (id: string) =>
    (
      await t.sql.query<{ baseline: number | null; version: number }>(
        `SELECT baseline, version FROM measures WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const staleAfter = async (id: string) =>
    (
      await t.sql.query<{ stale_after: Date }>(
        `SELECT stale_after FROM portfolio_measures WHERE measure_id = $1`,
        [id],
      )
    ).rows[0]?.stale_after;
  const languages = async () =>
    (
      await t.sql.query<{ proname: string; lanname: string }>(
        `SELECT p.proname, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
          WHERE p.proname IN ('portfolio_measures_refresh', 'portfolio_initiatives_refresh')
          ORDER BY 1`,
      )
    ).rows;

  it('refreshes the portfolio rows in PL/pgSQL, and does nothing for no id', async () => {
    expect(await languages()).toEqual([
      { proname: 'portfolio_initiatives_refresh', lanname: 'plpgsql' },
      { proname: 'portfolio_measures_refresh', lanname: 'plpgsql' },
    ]);
    const before = await t.sql.query(`SELECT count(*)::int AS n FROM portfolio_measures`);
    await t.sql.query(`SELECT portfolio_measures_refresh('{}'), portfolio_measures_refresh(NULL)`);
    await t.sql.query(`SELECT portfolio_initiatives_refresh('{}')`);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM portfolio_measures`)).rows).toEqual(
      before.rows,
    );
  });

  it('leaves a measure that has its baseline alone, and still moves its portfolio row', async () => {
    const measure = await t.make.measure(initiative, { baseline: 40, cadence: 'monthly' });
    const planned = await measureRow(measure);
    const first = await t.make.reading(measure, {
      value: 35,
      observedAt: daysAgo(20),
      recordedBy: owner,
    });
    await refreshValue(t.sql, 'readings', first);
    const staleThen = await staleAfter(measure);

    const later = await t.make.reading(measure, {
      value: 30,
      observedAt: daysAgo(2),
      recordedBy: owner,
    });
    await refreshValue(t.sql, 'readings', later);

    expect(await measureRow(measure)).toEqual(planned);
    const staleNow = await staleAfter(measure);
    expect(staleThen).toBeInstanceOf(Date);
    expect(staleNow).toBeInstanceOf(Date);
    // Monthly: 38 days after the latest reading, which moved 18 days on.
    expect((staleNow as Date).getTime() - (staleThen as Date).getTime()).toBe(18 * 86_400_000);
  });

  it('still takes a baseline from the first reading, from the earliest of one insert', async () => {
    const measure = await t.make.measure(initiative);
    await t.sql.query(`UPDATE measures SET baseline = NULL WHERE id = $1`, [measure]);
    const waiting = await measureRow(measure);
    await t.sql.query(
      `INSERT INTO readings (measure_id, value, observed_at, recorded_by, note)
       VALUES ($1, 12, $3, $2, ''), ($1, 9, $4, $2, '')`,
      [measure, owner, daysAgo(3), daysAgo(5)],
    );
    expect(await measureRow(measure)).toEqual({
      baseline: 9,
      version: (waiting?.version ?? 0) + 1,
    });
  });

  it('reverts to the SQL functions and applies again, the same source both ways', async () => {
    const client = await t.sql.connect();
    const runner = {
      query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows,
    } as unknown as QueryRunner;
    const sources = async () =>
      (
        await client.query<{ proname: string; lanname: string; prosrc: string }>(
          `SELECT p.proname, l.lanname, p.prosrc FROM pg_proc p
             JOIN pg_language l ON l.oid = p.prolang
            WHERE p.proname IN ('portfolio_measures_refresh', 'portfolio_initiatives_refresh',
                                'measures_baseline_from_first_reading')
            ORDER BY 1`,
        )
      ).rows;
    const migration = new CheaperWriteTriggers1764000004200();
    try {
      await client.query('BEGIN');
      const applied = await sources();
      await migration.down(runner);
      const reverted = await sources();
      expect(reverted.map((r) => r.lanname)).toEqual(['plpgsql', 'sql', 'sql']);
      expect(reverted.every((r) => !r.prosrc.includes('cardinality'))).toBe(true);
      expect(reverted[0]?.prosrc).not.toContain('IF EXISTS');
      await migration.up(runner);
      expect(await sources()).toEqual(applied);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
