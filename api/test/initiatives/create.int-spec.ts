import type { InitiativeResponse, InitiativeTemplate, Page } from '@waypoint/contracts';
import { TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { createCustomerGroup } from '../factories/domain';
import { createDepartment, createUser } from '../factories/users';
import type { Session } from '../support/auth';
import { auditRows, detailOf, fieldErrors as fieldsOf, nothing, send } from '../support/http';
import { person } from '../factories/initiatives';
import { useTestApp } from '../support/use-test-app';

describe('initiatives: planning a new one, from scratch or from a template', () => {
  const t = useTestApp();
  let manager: Session;
  let admin: Session;
  let executive: Session;
  let member: Session;
  let memberDept: string;
  let groupId: string;

  beforeAll(async () => {
    manager = await person(t, 'manager', 'Mona Manager');
    admin = await person(t, 'admin', 'Ada Admin');
    executive = await person(t, 'executive', 'Eve Executive');
    memberDept = await createDepartment(t.sql, 'Customer Service');
    member = await person(t, 'member', 'Max Member', memberDept);
    groupId = await createCustomerGroup(t.sql, { name: 'Loyal families', protected: true });
  });

  const post = (session: Session, body: unknown, headers: Record<string, string> = {}) =>
    send<InitiativeResponse>(t, session, 'POST', '/api/initiatives', body, headers);

  it('creates a draft owned by the caller, with sponsor, team, groups, estimates and readiness', async () => {
    const res = await post(manager, {
      title: '  Shorter waits at the call centre ',
      problem: 'Callers wait 40 minutes.',
      hypothesis: 'Call-backs cut waiting.',
      approach: 'competing_values',
      sponsorId: executive.user.id,
      teamIds: [member.user.id],
      customerGroupIds: [groupId],
      estimatedCustomerValue: 8,
      estimatedBusinessValue: 0,
      readiness: { score: 3, notes: 'Ops is sceptical.' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      title: 'Shorter waits at the call centre',
      status: 'draft',
      nextStatuses: ['proposed', 'stopped'],
      approach: 'competing_values',
      template: null,
      owner: { id: manager.user.id, displayName: 'Mona Manager' },
      sponsor: { id: executive.user.id, displayName: 'Eve Executive' },
      team: [
        {
          user: { id: member.user.id, displayName: 'Max Member' },
          department: { id: memberDept, name: 'Customer Service' },
        },
      ],
      customerGroups: [{ id: groupId, name: 'Loyal families', intent: 'retain', protected: true }],
      milestones: [],
      measures: [],
      openConditions: 0,
      estimatedCustomerValue: 8,
      estimatedBusinessValue: 0,
      readiness: { score: 3, notes: 'Ops is sceptical.' },
      version: 1,
    });
    const audit = await auditRows(t, res.body.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        entity_type: 'initiative',
        before: null,
        after: expect.objectContaining({ teamIds: [member.user.id], status: 'draft' }),
      }),
    ]);
  });

  it('needs only a title and an approach; admins may create too, managers and admins only', async () => {
    const res = await post(admin, { title: 'Minimal', approach: 'engineering' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      problem: '',
      sponsor: null,
      team: [],
      estimatedCustomerValue: null,
      readiness: { score: null, notes: '' },
    });
    expect(
      (await post(member, { title: 'Not mine to plan', approach: 'engineering' })).status,
    ).toBe(403);
    expect((await post(executive, { title: 'Nor mine', approach: 'engineering' })).status).toBe(
      403,
    );
  });

  it.each(TEMPLATE_ID_VALUES.map((id) => [id]))(
    'fills in milestones and measures from the %s template',
    async (templateId) => {
      const list = await send<Page<InitiativeTemplate>>(t, manager, 'GET', '/api/templates');
      const template = list.body.items.find((candidate) => candidate.id === templateId);
      if (!template) throw new Error(`template ${templateId} not listed`);
      const res = await post(manager, { title: `From ${templateId}`, template: templateId });
      expect(res.status).toBe(201);
      expect(res.body.approach).toBe(template.approach);
      expect(res.body.template).toBe(templateId);
      expect(
        res.body.milestones.map((m) => [m.position, m.title, m.state, m.criteria.checked]),
      ).toEqual(template.milestones.map((m, i) => [i + 1, m.title, 'planned', 0]));
      expect(res.body.milestones.map((m) => m.criteria.total)).toEqual(
        template.milestones.map((m) => m.criteria.length),
      );
      const stored = await t.sql.query<{
        name: string;
        perspective: string;
        direction: string;
        baseline: number;
        target: number;
        cadence: string;
        kpi_class: string;
        counter: string | null;
      }>(
        `SELECT m.name, m.perspective, m.direction, m.baseline, m.target, m.cadence, m.kpi_class,
                c.name AS counter
           FROM measures m LEFT JOIN measures c ON c.id = m.counter_measure_id
          WHERE m.initiative_id = $1`,
        [res.body.id],
      );
      const byName = new Map(stored.rows.map((row) => [row.name, row]));
      expect(byName.size).toBe(template.measures.length);
      for (const measure of template.measures) {
        expect(byName.get(measure.name)).toMatchObject({
          perspective: measure.perspective,
          direction: measure.direction,
          baseline: measure.baseline,
          target: measure.target,
          cadence: measure.cadence,
          kpi_class: measure.kpiClass,
        });
      }
      // Each counter-measure pair is linked: the customer measure points at its guard.
      const pairs = template.measures
        .filter((m) => m.counterMeasureOf !== undefined)
        .map((m) => [m.counterMeasureOf, m.name]);
      const linked = stored.rows.filter((r) => r.counter !== null).map((r) => [r.name, r.counter]);
      expect(linked.sort()).toEqual(pairs.sort());
      if (templateId === 'competing_values') expect(linked.length).toBeGreaterThan(0);
      const criteria = await t.sql.query<{ exit_criteria: Array<{ id: string; label: string }> }>(
        `SELECT exit_criteria FROM milestones WHERE initiative_id = $1 ORDER BY position`,
        [res.body.id],
      );
      expect(criteria.rows.map((r) => r.exit_criteria.map((c) => c.label))).toEqual(
        template.milestones.map((m) => m.criteria),
      );
      const audit = await auditRows(t, res.body.id);
      expect(audit.filter((a) => a.entity_type === 'milestone')).toHaveLength(
        template.milestones.length,
      );
      expect(audit.filter((a) => a.entity_type === 'measure')).toHaveLength(
        template.measures.length,
      );
    },
  );

  it('saves the baselines and targets the manager confirmed with the initiative, in one transaction', async () => {
    const res = await post(manager, {
      title: 'A3 with confirmed baselines',
      template: 'a3',
      measures: [{ name: 'Order lead time', baseline: 9.5, target: 4 }],
    });
    expect(res.status).toBe(201);
    const stored = await t.sql.query<{ name: string; baseline: number; target: number }>(
      `SELECT name, baseline, target FROM measures WHERE initiative_id = $1 ORDER BY name`,
      [res.body.id],
    );
    expect(stored.rows).toEqual([
      { name: 'Order lead time', baseline: 9.5, target: 4 },
      { name: 'Rework rate', baseline: 12, target: 6 },
    ]);
    expect(res.body.milestones).toHaveLength(5);
  });

  it('refuses confirmed measures that cannot be taken, and creates nothing', async () => {
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [
        { template: 'a3', measures: [{ name: 'Churn', baseline: 1, target: 2 }] },
        422,
        /no measure "Churn"/,
      ],
      [
        { template: 'a3', measures: [{ name: 'Order lead time', baseline: 5, target: 10 }] },
        422,
        /Order lead time: A lower-is-better measure needs a target \(10\) at or below its baseline \(5\)/,
      ],
      [
        {
          approach: 'engineering',
          measures: [{ name: 'Order lead time', baseline: 9, target: 4 }],
        },
        422,
        /only a plan from a template/,
      ],
      [
        { template: 'a3', measures: [{ name: 'Order lead time', baseline: 'nine', target: 4 }] },
        400,
        /baseline/,
      ],
      [{ template: 'a3', measures: [{ name: '', baseline: 9, target: 4 }] }, 400, /name/],
      [{ template: 'a3', measures: 'Order lead time' }, 400, /measures/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(manager, { title: 'Refused confirmation', ...body });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res)).toEqual([expect.stringMatching(/^measures/)]);
      expect(`${detailOf(res)} ${fieldsOf(res).join(' ')}`).toMatch(message);
    }
    const count = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM initiatives WHERE title = 'Refused confirmation'`,
    );
    expect(count.rows[0]?.n).toBe(0);
  });

  it('keeps an explicit approach over the template’s', async () => {
    const res = await post(manager, {
      title: 'A3, best customers',
      template: 'a3',
      approach: 'best_customer',
    });
    expect(res.status).toBe(201);
    expect(res.body.approach).toBe('best_customer');
    expect(res.body.milestones).toHaveLength(5);
  });

  it('replays an Idempotency-Key with the first answer and creates once', async () => {
    const key = { 'Idempotency-Key': `create-${nothing()}` };
    const body = { title: 'Once only', approach: 'engineering', template: 'dmaic' };
    const first = await post(manager, body, key);
    const again = await post(manager, body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const count = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM initiatives WHERE title = 'Once only'`,
    );
    expect(count.rows[0]?.n).toBe(1);
    const other = await post(manager, { ...body, title: 'Another' }, key);
    expect(other.status).toBe(422);
  });

  it('refuses a sponsor who is not an active executive, unknown or deactivated team, unknown groups', async () => {
    const retired = await createUser(t.sql, { role: 'executive', active: false });
    const inactive = await createUser(t.sql, { role: 'member', active: false });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { sponsorId: manager.user.id },
        /sponsorId: the sponsor must be an executive; .* is a manager/,
      ],
      [{ sponsorId: retired.id }, /sponsorId: the sponsor .* is deactivated/],
      [{ sponsorId: nothing() }, /sponsorId: no user has the id/],
      [{ teamIds: [member.user.id, inactive.id] }, new RegExp(`deactivated: ${inactive.id}`)],
      [{ teamIds: [nothing()] }, /teamIds: no user has the id/],
      [
        { customerGroupIds: [groupId, nothing()] },
        /customerGroupIds: no customer group has the id/,
      ],
    ];
    for (const [extra, detail] of cases) {
      const res = await post(manager, { title: 'Refused', approach: 'engineering', ...extra });
      expect(res.status).toBe(422);
      expect(detailOf(res)).toMatch(detail);
    }
    const count = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM initiatives WHERE title = 'Refused'`,
    );
    expect(count.rows[0]?.n).toBe(0);
  });

  it('validates the body: unknown fields, wrong types, ranges, lengths, enums, uuids', async () => {
    const res = await post(manager, {
      title: 'x'.repeat(201),
      problem: 42,
      approach: 'sideways',
      sponsorId: 'not-a-uuid',
      teamIds: ['nope', 'nope'],
      customerGroupIds: 'all',
      estimatedCustomerValue: 11,
      estimatedBusinessValue: 2.5,
      readiness: { score: 0, mood: 'good' },
      template: 'kaizen',
      ownerId: manager.user.id,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'approach',
      'customerGroupIds',
      'estimatedBusinessValue',
      'estimatedCustomerValue',
      'ownerId',
      'problem',
      'readiness.mood',
      'readiness.score',
      'sponsorId',
      'teamIds',
      'template',
      'title',
    ]);
    const noApproach = await post(manager, { title: 'Which road?' });
    expect(noApproach.status).toBe(400);
    expect(fieldsOf(noApproach)).toEqual(['approach']);
    const blank = await post(manager, { title: '   ', approach: 'engineering', hypothesis: null });
    expect(fieldsOf(blank)).toEqual(['hypothesis', 'title']);
    const tooMany = await post(manager, {
      title: 'Big team',
      approach: 'engineering',
      teamIds: Array.from({ length: 51 }, () => nothing()),
    });
    expect(fieldsOf(tooMany)).toEqual(['teamIds']);
  });

  it('lists the templates to everyone, paged and filtered by approach', async () => {
    const all = await send<Page<InitiativeTemplate>>(t, member, 'GET', '/api/templates');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.id)).toEqual([...TEMPLATE_ID_VALUES]);
    expect(all.body.total).toBe(TEMPLATE_ID_VALUES.length);
    const best = all.body.items.find((i) => i.id === 'best_customer');
    expect(best?.milestones.some((m) => m.title.includes('RFM'))).toBe(true);
    const page = await send<Page<InitiativeTemplate>>(
      t,
      executive,
      'GET',
      '/api/templates?approach=engineering&limit=2&offset=1',
    );
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((i) => i.id)).toEqual(['a3', 'engineering']);
    const bad = await send(t, member, 'GET', '/api/templates?approach=x&limit=0&extra=1');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['approach', 'extra', 'limit']);
    expect((await send(t, null, 'GET', '/api/templates')).status).toBe(401);
  });
});
