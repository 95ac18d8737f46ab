import { randomUUID } from 'node:crypto';
import type {
  AlertResponse,
  Page,
  PortfolioAlertRecordsResponse,
  ReadingResponse,
} from '@waypoint/contracts';
import { type QuarterlyTension, seedQuarterlyTension } from '../factories/alerts';
import { inboxOf } from '../factories/notifications';
import type { Session } from '../support/auth';
import { auditCount, detailOf, fieldErrors, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('alert records: raised on write, acknowledged, dismissed, resolved (issue 13)', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE });
  const c = t.people;
  let w: QuarterlyTension;
  let satisfactionQ4: string;

  beforeAll(async () => {
    w = await seedQuarterlyTension(t, c);
  });

  const record = (measureId: string, value: number, extra: Record<string, unknown> = {}) =>
    send<ReadingResponse>(t, c.team, 'POST', `/api/measures/${measureId}/readings`, {
      value,
      observedAt: w.inQ4().toISOString(),
      ...extra,
    });
  const alerts = (query: string, session: Session = c.owner) =>
    send<Page<AlertResponse>>(t, session, 'GET', `/api/alerts${query}`);
  const ofInitiative = async (status = 'live'): Promise<AlertResponse[]> => {
    const res = await alerts(`?initiativeId=${w.initiativeId}&status=${status}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const byKind = async (kind: string, status = 'live'): Promise<AlertResponse> => {
    const found = (await ofInitiative(status)).find((alert) => alert.kind === kind);
    if (!found) throw new Error(`no ${status} ${kind} alert`);
    return found;
  };
  const act = (session: Session, id: string, action: string, body: unknown) =>
    send<AlertResponse>(t, session, 'POST', `/api/alerts/${id}/${action}`, body);

  it('raises nothing while only cost to serve has moved in Q4', async () => {
    expect((await record(w.costId, 85)).status).toBe(201);
    expect(await ofInitiative()).toEqual([]);
  });

  it("raises the alerts when the protected group's Q4 reading is written, keeping what raised them", async () => {
    const reading = await record(w.satisfactionId, 52);
    expect(reading.status).toBe(201);
    satisfactionQ4 = reading.body.id;
    const live = await ofInitiative();
    expect(live.map((a) => [a.kind, a.severity, a.status])).toEqual(
      expect.arrayContaining([
        ['customer_worsens_as_business_improves', 'critical', 'open'],
        ['protected_group_worsens', 'critical', 'open'],
      ]),
    );
    expect(live).toHaveLength(2);
    const divergence = await byKind('customer_worsens_as_business_improves');
    expect(divergence.cycle.id).toBe(w.q4);
    expect(divergence.initiative.id).toBe(w.initiativeId);
    // The indices of the initiative (0% at the baseline, 100% at the target), not one measure.
    expect(divergence.indices.customer.opening).toBeCloseTo(0);
    expect(divergence.indices.customer.closing).toBeCloseTo(-0.4);
    expect(divergence.indices.business.opening).toBeCloseTo(5 / 30);
    expect(divergence.indices.business.closing).toBeCloseTo(0.5);
    expect(divergence.explanation).toContain('Customer value fell from 0% to -40% (-40 points)');
    const satisfactionMove = divergence.moves.find((m) => m.measureId === w.satisfactionId);
    expect(satisfactionMove).toMatchObject({
      measureName: 'Satisfaction of loyal families',
      opening: { value: 60 },
      closing: { readingId: satisfactionQ4, value: 52 },
      improvement: -8,
    });
    expect(divergence.readings.map((r) => r.value).sort()).toEqual([52, 60, 85, 95]);
    expect(divergence.history).toEqual([
      { action: 'raised', at: expect.any(String), actor: null, note: null },
    ]);
    expect(await auditCount(t, divergence.id, 'raise')).toBe(1);
    expect(divergence.can).toEqual({ acknowledge: true, dismiss: false });
  });

  it('notifies the owner and the sponsor once per alert, not the team', async () => {
    const owner = await inboxOf(t, c.owner, w.initiativeId, 'alert_raised');
    const sponsor = await inboxOf(t, c.executive, w.initiativeId, 'alert_raised');
    expect(owner).toHaveLength(2);
    expect(sponsor).toHaveLength(2);
    expect(owner.map((n) => n.title)).toContain(
      'Critical tension alert: ' + (await byKind('protected_group_worsens')).initiative.title,
    );
    expect(owner[0]?.link).toBe(`/initiatives/${w.initiativeId}`);
    expect(await inboxOf(t, c.team, w.initiativeId, 'alert_raised')).toEqual([]);
  });

  it('does not raise the same alert twice while it is live', async () => {
    expect((await record(w.satisfactionId, 51)).status).toBe(201);
    expect(await ofInitiative()).toHaveLength(2);
    expect(await inboxOf(t, c.owner, w.initiativeId, 'alert_raised')).toHaveLength(2);
  });

  it('lists by permission: a member on the team sees them, an outsider does not', async () => {
    expect((await alerts(`?initiativeId=${w.initiativeId}`, c.team)).body.total).toBe(2);
    expect((await alerts(`?initiativeId=${w.initiativeId}`, c.outsider)).body.total).toBe(0);
    expect((await alerts(`?initiativeId=${w.initiativeId}`, c.manager)).body.total).toBe(2);
    const one = await byKind('protected_group_worsens');
    expect((await send(t, c.outsider, 'GET', `/api/alerts/${one.id}`)).status).toBe(403);
    const got = await send<AlertResponse>(t, c.team, 'GET', `/api/alerts/${one.id}`);
    expect(got.status).toBe(200);
    expect(got.body.can).toEqual({ acknowledge: false, dismiss: false });
    expect((await alerts(`?cycleId=${w.q3}`)).body.total).toBe(0);
    expect((await alerts(`?cycleId=${w.q4}&status=open&limit=1`)).body).toMatchObject({
      total: 2,
      limit: 1,
      offset: 0,
    });
  });

  it('refuses bad input with 400 and unknown alerts with 404', async () => {
    const one = await byKind('protected_group_worsens');
    for (const query of ['?status=bogus', '?cycleId=nope', '?limit=0', '?limit=1000', '?x=1']) {
      expect([query, (await alerts(query)).status]).toEqual([query, 400]);
    }
    const missing = await act(c.owner, one.id, 'acknowledge', {});
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing)).toEqual(['note']);
    for (const note of ['', '  ', 'ok', 42, 'x'.repeat(2001)]) {
      const res = await act(c.owner, one.id, 'acknowledge', { note });
      expect([note, res.status]).toEqual([note, 400]);
    }
    expect((await act(c.owner, one.id, 'acknowledge', { note: 'We will look', x: 1 })).status).toBe(
      400,
    );
    expect((await act(c.executive, one.id, 'dismiss', { note: 'wrong field' })).status).toBe(400);
    expect((await act(c.owner, randomUUID(), 'acknowledge', { note: 'We will' })).status).toBe(404);
    expect((await send(t, c.owner, 'GET', '/api/alerts/not-a-uuid')).status).toBe(400);
  });

  it('lets only the owner or the sponsor acknowledge, with a note, once', async () => {
    const one = await byKind('protected_group_worsens');
    const note = 'Call the ten loyal families who scored lowest; pause the self-service push.';
    expect((await act(c.team, one.id, 'acknowledge', { note })).status).toBe(403);
    expect((await act(c.manager, one.id, 'acknowledge', { note })).status).toBe(403);
    expect((await act(c.admin, one.id, 'acknowledge', { note })).status).toBe(403);
    const res = await act(c.owner, one.id, 'acknowledge', { note: `  ${note}  ` });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('acknowledged');
    expect(res.body.acknowledgement).toMatchObject({ by: { id: c.owner.user.id }, note });
    expect(res.body.history.map((h) => [h.action, h.actor?.id ?? null, h.note])).toEqual([
      ['raised', null, null],
      ['acknowledged', c.owner.user.id, note],
    ]);
    expect(await auditCount(t, one.id, 'acknowledge')).toBe(1);
    const again = await act(c.executive, one.id, 'acknowledge', { note: 'Me too' });
    expect(again.status).toBe(422);
    expect((again.body as unknown as { code: string }).code).toBe('alert_closed');
    expect(detailOf(again)).toContain('only an open alert can be acknowledged');
    // The sponsor acknowledges the other one.
    const other = await byKind('customer_worsens_as_business_improves');
    expect(
      (await act(c.executive, other.id, 'acknowledge', { note: 'Review at the gate' })).status,
    ).toBe(200);
  });

  it('shows the live records with their notes on the portfolio', async () => {
    const res = await send<PortfolioAlertRecordsResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/alerts',
    );
    expect(res.status).toBe(200);
    expect(res.body.cycle?.id).toBe(w.q4);
    expect(res.body.total).toBe(2);
    const protectedOne = res.body.items.find((a) => a.kind === 'protected_group_worsens');
    expect(protectedOne?.status).toBe('acknowledged');
    expect(protectedOne?.acknowledgement?.note).toMatch(/Call the ten loyal families/);
    const strict = await send<PortfolioAlertRecordsResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/alerts?threshold=0.9',
    );
    expect(strict.body.items.map((a) => a.kind)).toEqual(['protected_group_worsens']);
    const first = await send<PortfolioAlertRecordsResponse>(
      t,
      c.executive,
      'GET',
      '/api/portfolio/alerts?limit=1',
    );
    expect(first.body.total).toBe(2);
    expect(first.body.items).toEqual(res.body.items.slice(0, 1));
    for (const query of ['limit=0', 'limit=1001', 'limit=x', 'threshold=2', 'cycleId=x']) {
      const bad = await send(t, c.executive, 'GET', `/api/portfolio/alerts?${query}`);
      expect([query, bad.status]).toEqual([query, 400]);
    }
    const previous = await send<PortfolioAlertRecordsResponse>(
      t,
      c.executive,
      'GET',
      `/api/portfolio/alerts?cycleId=${w.q3}`,
    );
    expect(previous.body).toMatchObject({ cycle: { id: w.q3 }, total: 0, items: [] });
    const unknown = await send(
      t,
      c.executive,
      'GET',
      `/api/portfolio/alerts?cycleId=${randomUUID()}`,
    );
    expect(unknown.status).toBe(422);
    expect((await send(t, c.team, 'GET', '/api/portfolio/alerts')).status).toBe(403);
  });

  it('lets an executive dismiss with a reason, and does not raise it again in the cycle', async () => {
    const one = await byKind('customer_worsens_as_business_improves');
    const reason = 'The fall is the known price of the pilot; reviewed at the gate.';
    expect((await act(c.owner, one.id, 'dismiss', { reason })).status).toBe(403);
    const res = await act(c.executive, one.id, 'dismiss', { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'dismissed', dismissal: { note: reason } });
    expect(res.body.can).toEqual({ acknowledge: false, dismiss: false });
    expect(await auditCount(t, one.id, 'dismiss')).toBe(1);
    expect((await act(c.admin, one.id, 'dismiss', { reason })).status).toBe(422);
    // The divergence still holds after another reading: it stays dismissed, no new record.
    expect((await record(w.satisfactionId, 50)).status).toBe(201);
    const divergences = (await ofInitiative('dismissed')).filter(
      (a) => a.kind === 'customer_worsens_as_business_improves',
    );
    expect(divergences).toHaveLength(1);
    expect((await ofInitiative()).map((a) => a.kind)).toEqual(['protected_group_worsens']);
  });

  it('resolves a live alert when a correction ends the worsening', async () => {
    const latest = await send<Page<ReadingResponse>>(
      t,
      c.owner,
      'GET',
      `/api/measures/${w.satisfactionId}/readings?effective=true&limit=1`,
    );
    const last = latest.body.items[0];
    if (!last) throw new Error('no reading');
    const corrected = await record(w.satisfactionId, 64, {
      supersedesId: last.id,
      observedAt: last.observedAt,
      note: 'Survey re-weighted',
    });
    expect(corrected.status).toBe(201);
    // 52 and 51 still count in Q4, but the cycle closes at its latest reading: 64 now.
    expect(await ofInitiative()).toEqual([]);
    const resolved = await byKind('protected_group_worsens', 'resolved');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.acknowledgement?.note).toMatch(/Call the ten loyal families/);
    expect(resolved.history.map((h) => h.action)).toEqual(['raised', 'acknowledged', 'resolved']);
    expect(await auditCount(t, resolved.id, 'resolve')).toBe(1);
    expect((await act(c.owner, resolved.id, 'acknowledge', { note: 'Too late now' })).status).toBe(
      422,
    );
    expect(satisfactionQ4).toBeDefined();
  });
});
