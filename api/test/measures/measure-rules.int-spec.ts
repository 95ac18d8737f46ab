import { randomUUID } from 'node:crypto';
import type { MeasureResponse } from '@waypoint/contracts';
import { createCustomerGroup, createInitiative, createMeasure } from '../factories/domain';
import { detailOf, send } from '../support/http';
import { measureBody, initiativeAround } from '../factories/measures';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('measure rules: counter-measures, scale, baseline freeze, links, conditional writes', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  const c = t.people;
  let initiative: string;

  beforeAll(async () => {
    initiative = await initiativeAround(t, c);
  });

  const measuresPath = (): string => `/api/initiatives/${initiative}/measures`;
  const create = async (overrides: Record<string, unknown> = {}): Promise<MeasureResponse> => {
    const res = await send<MeasureResponse>(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody(overrides),
    );
    if (res.status !== 201) throw new Error(`create measure: ${res.status} ${res.text}`);
    return res.body;
  };
  const patch = (id: string, body: unknown, etag: string) =>
    send<MeasureResponse>(t, c.owner, 'PATCH', `/api/measures/${id}`, body, { 'If-Match': etag });

  it('pairs a customer measure only with a business measure of the same initiative (422 otherwise)', async () => {
    const cost = await create({
      name: 'Cost per contact',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 8,
      target: 6,
      kpiClass: 'neutral',
    });
    const customer = await create({ name: 'Wait', counterMeasureId: cost.id });
    expect(customer.counterMeasure).toEqual({
      id: cost.id,
      name: 'Cost per contact',
      perspective: 'business',
    });

    const otherInitiative = await createInitiative(t.sql, { ownerId: c.owner.user.id });
    const foreign = await createMeasure(t.sql, otherInitiative, { perspective: 'business' });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { counterMeasureId: customer.id },
        /must be a business measure; "Wait" is a customer measure/,
      ],
      [{ counterMeasureId: foreign }, /not a measure of this initiative/],
      [{ counterMeasureId: randomUUID() }, /not a measure of this initiative/],
      [
        { perspective: 'business', counterMeasureId: cost.id },
        /Only a customer measure can have a counter-measure/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await send(t, c.owner, 'POST', measuresPath(), measureBody(body));
      expect(res.status).toBe(422);
      expect(detailOf(res)).toMatch(message);
    }

    // The business measure guards "Wait", so it must stay a business measure.
    const read = await send<MeasureResponse>(t, c.owner, 'GET', `/api/measures/${cost.id}`);
    const flip = await patch(cost.id, { perspective: 'customer' }, read.headers.get('etag') ?? '');
    expect(flip.status).toBe(422);
    expect(detailOf(flip)).toMatch(/counter-measure of "Wait"/);
    // A measure cannot name itself.
    const self = await patch(customer.id, { counterMeasureId: customer.id }, '"1"');
    expect(self.status).toBe(422);
    expect(detailOf(self)).toMatch(/its own counter-measure/);
    // Clearing the pairing with null works.
    const cleared = await patch(customer.id, { counterMeasureId: null }, '"1"');
    expect(cleared.status).toBe(200);
    expect(cleared.body.counterMeasure).toBeNull();
  });

  it('refuses an inconsistent scale (libs/domain measureScaleProblem) on create and update', async () => {
    const bad = await send(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody({ direction: 'higher_is_better', baseline: 50, target: 10 }),
    );
    expect(bad.status).toBe(422);
    expect(detailOf(bad)).toMatch(/higher-is-better measure needs a target \(10\) at or above/);
    const m = await create({ name: 'Scale' });
    const flip = await patch(m.id, { direction: 'higher_is_better' }, '"1"');
    expect(flip.status).toBe(422);
    const both = await patch(
      m.id,
      { direction: 'higher_is_better', baseline: 20, target: 40 },
      '"1"',
    );
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ direction: 'higher_is_better', baseline: 20, version: 2 });
  });

  it('freezes the baseline once baseline_frozen_at is set: changing it is 422, other fields still change', async () => {
    const m = await create({ name: 'Frozen' });
    await t.sql.query(`UPDATE measures SET baseline_frozen_at = now() WHERE id = $1`, [m.id]);
    const read = await send<MeasureResponse>(t, c.owner, 'GET', `/api/measures/${m.id}`);
    expect(read.body.baselineFrozenAt).not.toBeNull();
    const etag = read.headers.get('etag') ?? '';
    const changed = await patch(m.id, { baseline: 45 }, etag);
    expect(changed.status).toBe(422);
    expect(detailOf(changed)).toMatch(/baseline \(40\) was frozen on .* cannot change/);
    const same = await patch(m.id, { baseline: 40, target: 25 }, etag);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ baseline: 40, target: 25 });
    const after = await t.sql.query<{ baseline: number }>(
      `SELECT baseline FROM measures WHERE id = $1`,
      [m.id],
    );
    expect(after.rows[0]?.baseline).toBe(40);
  });

  it('writes with If-Match only: 428 without, 412 when stale, and audits before and after', async () => {
    const m = await create({ name: 'Versioned' });
    const path = `/api/measures/${m.id}`;
    expect((await send(t, c.owner, 'PATCH', path, { name: 'X' })).status).toBe(428);
    expect((await patch(m.id, { name: 'X' }, 'W/"1"')).status).toBe(400);
    const ok = await patch(m.id, { name: 'Renamed' }, '"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect((await patch(m.id, { name: 'Again' }, '"1"')).status).toBe(412);
    const audit = await t.sql.query<{ before: { name: string }; after: { name: string } }>(
      `SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'update'`,
      [m.id],
    );
    expect(audit.rows).toEqual([
      {
        before: expect.objectContaining({ name: 'Versioned' }),
        after: expect.objectContaining({ name: 'Renamed' }),
      },
    ]);
  });

  it('checks links: the customer group must exist; the recorder must be the owner or on the team', async () => {
    const group = await createCustomerGroup(t.sql, { name: 'Loyal families' });
    const withLinks = await create({
      name: 'Linked',
      customerGroupId: group,
      recorderId: c.team.user.id,
    });
    expect(withLinks.customerGroup).toMatchObject({ id: group, name: 'Loyal families' });
    expect(withLinks.recorder).toEqual({ id: c.team.user.id, displayName: 'Test member' });
    const outsider = await send(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody({ recorderId: c.outsider.user.id }),
    );
    expect(outsider.status).toBe(422);
    expect(detailOf(outsider)).toMatch(/recorder .* owner or on the team/);
    const noGroup = await send(
      t,
      c.owner,
      'POST',
      measuresPath(),
      measureBody({ customerGroupId: randomUUID() }),
    );
    expect(noGroup.status).toBe(422);
    expect(detailOf(noGroup)).toMatch(/no customer group/);
  });
});
