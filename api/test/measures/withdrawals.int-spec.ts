import type {
  InitiativeValueResponse,
  MeasureResponse,
  Page,
  ProblemDetails,
  ReadingResponse,
} from '@waypoint/contracts';
import { createMeasure, createReading } from '../factories/domain';
import { initiativeAround } from '../factories/measures';
import { csvRecords } from '../support/csv';
import { daysAgo } from '../support/time';
import { NO_SUCH_ID, auditCount, detailOf, fieldErrors, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('readings: withdrawn with a reason, kept in the history, no longer counted', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE });
  const c = t.people;
  let initiative: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
  });

  const readingsPath = (measureId: string): string => `/api/measures/${measureId}/readings`;
  const withdrawalPath = (measureId: string, readingId: string): string =>
    `${readingsPath(measureId)}/${readingId}/withdrawal`;
  const withdraw = (measureId: string, readingId: string, body: unknown, session = c.team) =>
    send<ReadingResponse>(t, session, 'POST', withdrawalPath(measureId, readingId), body);
  const codeOf = (answer: { body: unknown }): string | undefined =>
    (answer.body as ProblemDetails & { code?: string }).code;
  const measureOf = async (id: string): Promise<MeasureResponse> =>
    (await send<MeasureResponse>(t, c.team, 'GET', `/api/measures/${id}`)).body;

  it('withdraws a reading: audited, kept in the list with its reason, out of latest, progress and the index', async () => {
    const measure = await createMeasure(t.sql, initiative, {
      name: 'Cost per contact',
      perspective: 'business',
      baseline: 6.4,
      target: 6,
    });
    const good = await createReading(t.sql, measure, {
      value: 6.2,
      observedAt: daysAgo(3),
      recordedBy: c.team.user.id,
    });
    const wrong = await createReading(t.sql, measure, {
      value: -3,
      observedAt: daysAgo(1),
      recordedBy: c.team.user.id,
    });
    expect((await measureOf(measure)).latestReading?.id).toBe(wrong);

    const res = await withdraw(measure, wrong, { reason: '  Typed in the wrong measure  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: wrong,
      value: -3,
      superseded: false,
      withdrawal: {
        reason: 'Typed in the wrong measure',
        withdrawnBy: { id: c.team.user.id },
      },
    });
    expect(await auditCount(t, wrong, 'withdraw')).toBe(1);

    const after = await measureOf(measure);
    expect(after.latestReading?.id).toBe(good);
    expect(after.progress).toBeCloseTo(0.5);

    const all = await send<Page<ReadingResponse>>(t, c.team, 'GET', readingsPath(measure));
    expect(all.body.items.map((r) => [r.id, r.withdrawal?.reason ?? null])).toEqual([
      [wrong, 'Typed in the wrong measure'],
      [good, null],
    ]);
    const effective = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${readingsPath(measure)}?effective=true`,
    );
    expect(effective.body.items.map((r) => r.id)).toEqual([good]);
    const others = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${readingsPath(measure)}?effective=false`,
    );
    expect(others.body.items.map((r) => r.id)).toEqual([wrong]);

    const value = await send<InitiativeValueResponse>(
      t,
      c.team,
      'GET',
      `/api/initiatives/${initiative}/value`,
    );
    const standing = value.body.measures.find((m) => m.measureId === measure);
    expect(standing).toMatchObject({ readingId: good, value: 6.2 });

    const csv = await send(t, c.manager, 'GET', '/api/exports/measures.csv');
    const exported = csvRecords(csv.text).filter((r) => r['measure_id'] === measure);
    expect(exported.map((r) => [r['reading_id'], r['withdrawal_reason']])).toEqual([
      [good, ''],
      [wrong, 'Typed in the wrong measure'],
    ]);

    // The row itself is never changed: a withdrawal is a record of its own, also append-only.
    const stored = await t.sql.query<{ value: number }>(
      `SELECT value FROM readings WHERE id = $1`,
      [wrong],
    );
    expect(stored.rows[0]?.value).toBe(-3);
    await expect(
      t.sql.query(`UPDATE reading_withdrawals SET reason = 'x' WHERE reading_id = $1`, [wrong]),
    ).rejects.toThrow(/append-only/);
  });

  it('is final: no second withdrawal, no correction of a withdrawn reading, no withdrawal of a corrected one', async () => {
    const measure = await createMeasure(t.sql, initiative, { name: 'Final' });
    const reading = await createReading(t.sql, measure, {
      value: 30,
      observedAt: daysAgo(2),
      recordedBy: c.team.user.id,
    });
    expect((await withdraw(measure, reading, { reason: 'Duplicate' })).status).toBe(201);
    const again = await withdraw(measure, reading, { reason: 'Duplicate again' });
    expect(again.status).toBe(422);
    expect(codeOf(again)).toBe('reading_withdrawn');
    expect(detailOf(again)).toMatch('already withdrawn');

    const correction = await send(t, c.team, 'POST', readingsPath(measure), {
      value: 31,
      observedAt: daysAgo(2).toISOString(),
      supersedesId: reading,
    });
    expect(correction.status).toBe(422);
    expect(codeOf(correction)).toBe('reading_withdrawn');

    const original = await createReading(t.sql, measure, {
      value: 35,
      observedAt: daysAgo(1),
      recordedBy: c.team.user.id,
    });
    const fixed = await createReading(t.sql, measure, {
      value: 25,
      observedAt: daysAgo(1),
      recordedBy: c.team.user.id,
      supersedesId: original,
    });
    const corrected = await withdraw(measure, original, { reason: 'Wrong' });
    expect(corrected.status).toBe(422);
    expect(detailOf(corrected)).toMatch('withdraw the correction instead');

    // Withdrawing the correction does not bring the corrected value back.
    expect((await withdraw(measure, fixed, { reason: 'Also wrong' })).status).toBe(201);
    expect((await measureOf(measure)).latestReading).toBeNull();
  });

  it("lets the recorder, the owner, the sponsor and an admin withdraw; not a colleague's, an outsider or an unrelated manager", async () => {
    const measure = await createMeasure(t.sql, initiative, { name: 'Who' });
    const colleague = await t.signIn('member', { displayName: 'Cory Colleague' });
    await t.sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
      initiative,
      colleague.user.id,
    ]);
    const mine = () =>
      createReading(t.sql, measure, {
        value: 30,
        observedAt: daysAgo(1),
        recordedBy: c.team.user.id,
      });
    for (const [who, session, status] of [
      ['a colleague on the team', colleague, 403],
      ['an outsider', c.outsider, 403],
      ['an unrelated manager', c.manager, 403],
      ['the recorder', c.team, 201],
      ['the owner', c.owner, 201],
      ['the sponsor', c.executive, 201],
      ['an admin', c.admin, 201],
    ] as const) {
      const res = await withdraw(measure, await mine(), { reason: 'Checked' }, session);
      expect([who, res.status]).toEqual([who, status]);
    }
  });

  it('refuses bad input with 400 per field, and unknown readings with 404', async () => {
    const measure = await createMeasure(t.sql, initiative, { name: 'Bad input' });
    const reading = await createReading(t.sql, measure, {
      value: 30,
      observedAt: daysAgo(1),
      recordedBy: c.team.user.id,
    });
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 42 },
      { reason: null },
      { reason: 'x'.repeat(501) },
      { reason: 'ok', extra: true },
    ]) {
      const res = await withdraw(measure, reading, body);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
      ]);
      expect(fieldErrors(res).length).toBeGreaterThan(0);
    }
    const notUuid = await withdraw(measure, 'not-a-uuid', { reason: 'x' });
    expect(notUuid.status).toBe(400);
    expect(fieldErrors(notUuid)).toEqual(['readingId']);

    const other = await createMeasure(t.sql, initiative, { name: 'Other measure' });
    for (const [measureId, readingId] of [
      [measure, NO_SUCH_ID],
      [other, reading],
    ]) {
      const res = await withdraw(measureId, readingId, { reason: 'x' });
      expect(res.status).toBe(404);
    }
    const noMeasure = await withdraw(NO_SUCH_ID, reading, { reason: 'x' });
    expect(noMeasure.status).toBe(404);
    expect(await auditCount(t, reading, 'withdraw')).toBe(0);
  });
});
