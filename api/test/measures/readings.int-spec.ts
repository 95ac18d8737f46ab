import { randomUUID } from 'node:crypto';
import type { MeasureResponse, Page, ReadingResponse } from '@waypoint/contracts';
import { createInitiative, createMeasure, createReading } from '../factories/domain';
import { DAY_MS, daysAgo } from '../support/time';
import { detailOf, fieldErrors, idempotencyKey, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { initiativeAround } from '../factories/measures';
import { useTestApp } from '../support/use-test-app';

describe('readings: append-only, corrections supersede, evidence and observation rules', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;
  let measureId: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
    measureId = await createMeasure(t.sql, initiative, { baseline: 40, target: 20 });
  });

  const path = (id = measureId): string => `/api/measures/${id}/readings`;
  const record = (body: Record<string, unknown>, session = c.team, headers = {}) =>
    send<ReadingResponse>(t, session, 'POST', path(), body, headers);

  it('records a reading with evidence for a team member, audited with the initiative', async () => {
    const observedAt = daysAgo(3).toISOString();
    const res = await record({
      value: 31.5,
      observedAt,
      note: 'From the March call log',
      evidenceUrl: 'https://reports.example.com/march',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      measureId,
      value: 31.5,
      observedAt,
      recordedBy: { id: c.team.user.id, displayName: 'Test member' },
      note: 'From the March call log',
      evidenceUrl: 'https://reports.example.com/march',
      supersedesId: null,
      supersededById: null,
      superseded: false,
    });
    const audit = await t.sql.query<{ action: string; initiative_id: string }>(
      `SELECT action, initiative_id FROM audit_events WHERE entity_type = 'reading' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([{ action: 'record', initiative_id: initiative }]);
    const measure = await send<MeasureResponse>(t, c.team, 'GET', `/api/measures/${measureId}`);
    expect(measure.body.latestReading?.id).toBe(res.body.id);
    expect(measure.body.progress).toBeCloseTo(0.425);
  });

  it('sends its live events with the recomputation: no NOTIFY statement of their own', async () => {
    const res = await record({ value: 32, observedAt: daysAgo(1).toISOString() });
    expect(res.status).toBe(201);
    // Counted from the handler on (the route's access check runs before it): the reading with
    // its audit event; the recomputation: BEGIN, the lock, the load, the write that also
    // NOTIFYs the reading's and the rows' live events, COMMIT. Before, a NOTIFY followed each
    // of the two commits (8).
    expect(Number(res.headers.get('x-sql-statements'))).toBe(6);
  });

  it('refuses an observation in the future (422); accepts now, and reads offsets as instants', async () => {
    const future = await record({
      value: 30,
      observedAt: new Date(Date.now() + DAY_MS).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(detailOf(future)).toMatch(/observedAt .* is in the future/);
    expect((await record({ value: 30, observedAt: new Date().toISOString() })).status).toBe(201);
    const offset = await record({ value: 30, observedAt: '2026-01-15T09:30:00+02:00' });
    expect(offset.status).toBe(201);
    expect(offset.body.observedAt).toBe('2026-01-15T07:30:00.000Z');
  });

  it('accepts only http and https evidence links (400 otherwise)', async () => {
    for (const evidenceUrl of [
      'javascript:alert(1)',
      'ftp://files.example.com/x',
      'file:///etc/passwd',
      'reports.example.com/no-scheme',
      `https://example.com/${'a'.repeat(2000)}`,
      42,
    ]) {
      const res = await record({ value: 1, observedAt: daysAgo(1).toISOString(), evidenceUrl });
      expect([String(evidenceUrl).slice(0, 30), res.status]).toEqual([
        String(evidenceUrl).slice(0, 30),
        400,
      ]);
      expect(fieldErrors(res)).toEqual(['evidenceUrl']);
    }
    const http = await record({
      value: 1,
      observedAt: daysAgo(1).toISOString(),
      evidenceUrl: 'http://intranet:8080/kpi',
    });
    expect(http.status).toBe(201);
  });

  it('lets only the recorder, the owner or an admin correct a reading, not another member', async () => {
    // (The rule also admits the sponsor, who does not hold readings.record: see permissions.md.)
    const own = await createMeasure(t.sql, initiative, { name: 'Corrections' });
    const on = (body: Record<string, unknown>, session = c.team) =>
      send<ReadingResponse>(t, session, 'POST', path(own), body);
    const colleague = await t.signIn('member', { displayName: 'Cory Colleague' });
    await t.sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
      initiative,
      colleague.user.id,
    ]);
    const original = await on({ value: 30, observedAt: daysAgo(4).toISOString() });
    const correction = {
      value: 29,
      observedAt: daysAgo(4).toISOString(),
      note: 'Counted twice',
      supersedesId: original.body.id,
    };
    const byColleague = await on(correction, colleague);
    expect(byColleague.status).toBe(403);
    expect(detailOf(byColleague)).toMatch("Only the reading's recorder");
    // The colleague still records readings of their own.
    expect((await on({ value: 28, observedAt: daysAgo(4).toISOString() }, colleague)).status).toBe(
      201,
    );

    const byRecorder = await on(correction);
    expect(byRecorder.status).toBe(201);
    expect(byRecorder.body).toMatchObject({
      recordedBy: { id: c.team.user.id },
      note: 'Counted twice',
      supersedesId: original.body.id,
    });
    for (const session of [c.owner, c.admin]) {
      const theirs = await on({ value: 27, observedAt: daysAgo(5).toISOString() });
      const corrected = await on(
        { value: 26, observedAt: daysAgo(5).toISOString(), supersedesId: theirs.body.id },
        session,
      );
      expect({ who: session.user.role, status: corrected.status }).toEqual({
        who: session.user.role,
        status: 201,
      });
    }
  });

  it('corrects by superseding: once only, same measure only, never the original rewritten', async () => {
    const original = await record({ value: 33, observedAt: daysAgo(2).toISOString() });
    const correction = await record({
      value: 34,
      observedAt: daysAgo(2).toISOString(),
      note: 'Typo in the first one',
      supersedesId: original.body.id,
    });
    expect(correction.status).toBe(201);
    expect(correction.body.supersedesId).toBe(original.body.id);
    const audit = await t.sql.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1`,
      [correction.body.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['correct']);

    const twice = await record({
      value: 35,
      observedAt: daysAgo(2).toISOString(),
      supersedesId: original.body.id,
    });
    expect(twice.status).toBe(422);
    expect(detailOf(twice)).toMatch(`already superseded by ${correction.body.id}`);

    const otherMeasure = await createMeasure(t.sql, initiative, { name: 'Other' });
    const foreign = await createReading(t.sql, otherMeasure, {
      value: 1,
      observedAt: daysAgo(1),
      recordedBy: c.team.user.id,
    });
    for (const supersedesId of [foreign, randomUUID()]) {
      const res = await record({ value: 1, observedAt: daysAgo(1).toISOString(), supersedesId });
      expect(res.status).toBe(422);
      expect(detailOf(res)).toMatch('is not a reading of this measure');
    }

    const stored = await t.sql.query<{ value: number }>(
      `SELECT value FROM readings WHERE id = $1`,
      [original.body.id],
    );
    expect(stored.rows[0]?.value).toBe(33);
  });

  it('is append-only: the database itself refuses UPDATE, and there is no PATCH or DELETE', async () => {
    const reading = await record({ value: 29, observedAt: daysAgo(1).toISOString() });
    await expect(
      t.sql.query(`UPDATE readings SET value = 1 WHERE id = $1`, [reading.body.id]),
    ).rejects.toThrow(/append-only/);
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await send(
        t,
        c.admin,
        method,
        `${path()}/${reading.body.id}`,
        method === 'DELETE' ? undefined : { value: 1 },
      );
      expect([method, res.status]).toEqual([method, 404]);
    }
  });

  it('lists newest observation first, paged, marking superseded readings; filters and sorts', async () => {
    const measure = await createMeasure(t.sql, initiative, { name: 'Listed' });
    const a = await createReading(t.sql, measure, {
      value: 1,
      observedAt: daysAgo(30),
      recordedBy: c.team.user.id,
    });
    const b = await createReading(t.sql, measure, {
      value: 2,
      observedAt: daysAgo(20),
      recordedBy: c.owner.user.id,
    });
    const fix = await createReading(t.sql, measure, {
      value: 3,
      observedAt: daysAgo(20),
      recordedBy: c.owner.user.id,
      supersedesId: b,
    });
    const list = await send<Page<ReadingResponse>>(t, c.team, 'GET', path(measure));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((r) => r.id)).toEqual([fix, b, a]);
    expect(list.body.items.map((r) => [r.superseded, r.supersededById])).toEqual([
      [false, null],
      [true, fix],
      [false, null],
    ]);
    expect(list.body.items[0]?.recordedBy.displayName).toBe('Test manager');
    const effective = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${path(measure)}?effective=true`,
    );
    expect(effective.body.items.map((r) => r.id)).toEqual([fix, a]);
    const superseded = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${path(measure)}?effective=false`,
    );
    expect(superseded.body.items.map((r) => r.id)).toEqual([b]);
    const oldestFirst = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${path(measure)}?sort=observedAt&limit=1&offset=0`,
    );
    expect(oldestFirst.body).toMatchObject({ total: 3, limit: 1 });
    expect(oldestFirst.body.items.map((r) => r.id)).toEqual([a]);
    const windowed = await send<Page<ReadingResponse>>(
      t,
      c.team,
      'GET',
      `${path(measure)}?from=${encodeURIComponent(daysAgo(25).toISOString())}`,
    );
    expect(windowed.body.total).toBe(2);
    const inverted = await send(
      t,
      c.team,
      'GET',
      `${path(measure)}?from=${encodeURIComponent(daysAgo(1).toISOString())}&to=${encodeURIComponent(daysAgo(9).toISOString())}`,
    );
    expect(inverted.status).toBe(422);
  });

  it('replays an idempotent reading and refuses the key for another body', async () => {
    const key = idempotencyKey();
    const body = { value: 27, observedAt: daysAgo(1).toISOString() };
    const first = await record(body, c.team, key);
    const again = await record(body, c.team, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const count = await t.sql.query(`SELECT 1 FROM readings WHERE measure_id = $1 AND value = 27`, [
      measureId,
    ]);
    expect(count.rowCount).toBe(1);
    expect((await record({ ...body, value: 28 }, c.team, key)).status).toBe(422);
  });

  it('refuses bad input: unknown field, wrong types, over-long note, bad dates, bad ids', async () => {
    const wrong = await record({
      value: '31',
      observedAt: '31/03/2026',
      note: 'n'.repeat(2001),
      supersedesId: 'nope',
      mood: 'happy',
    });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong)).toEqual(['mood', 'note', 'observedAt', 'supersedesId', 'value']);
    const noZone = await record({ value: 1, observedAt: '2026-01-15T09:30:00' });
    expect(fieldErrors(noZone)).toEqual(['observedAt']);
    const missing = await record({});
    expect(fieldErrors(missing)).toEqual(['observedAt', 'value']);
    const huge = await record({ value: 1e300, observedAt: daysAgo(1).toISOString() });
    expect(fieldErrors(huge)).toEqual(['value']);
    expect((await send(t, c.admin, 'GET', '/api/measures/nope/readings')).status).toBe(400);
    expect((await send(t, c.admin, 'GET', `${path(randomUUID())}`)).status).toBe(404);
    expect(
      (
        await send(t, c.admin, 'POST', path(randomUUID()), {
          value: 1,
          observedAt: daysAgo(1).toISOString(),
        })
      ).status,
    ).toBe(404);
    for (const query of ['sort=value', 'limit=500', 'from=yesterday', 'effective=maybe', 'x=1']) {
      expect([query, (await send(t, c.team, 'GET', `${path()}?${query}`)).status]).toEqual([
        query,
        400,
      ]);
    }
  });

  it('lets the owner, the team and admins record; a member elsewhere gets 403, the sponsor reads only', async () => {
    const body = { value: 30, observedAt: daysAgo(1).toISOString() };
    expect((await record(body, c.owner)).status).toBe(201);
    expect((await record(body, c.admin)).status).toBe(201);
    expect((await record(body, c.outsider)).status).toBe(403);
    expect((await send(t, c.outsider, 'GET', path())).status).toBe(403);
    expect((await record(body, c.executive)).status).toBe(403);
    expect((await send(t, c.executive, 'GET', path())).status).toBe(200);
    expect((await record(body, c.manager)).status).toBe(403);
    // The outsider joins the team: now they get in.
    const other = await createInitiative(t.sql, {
      ownerId: c.owner.user.id,
      teamIds: [c.outsider.user.id],
    });
    const theirs = await createMeasure(t.sql, other);
    expect((await send(t, c.outsider, 'POST', path(theirs), body)).status).toBe(201);
    expect((await send(t, null, 'GET', path())).status).toBe(401);
  });
});
