import { decide, submittedGate } from '../factories/gates';
import { etag, fieldErrors, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface ListedCondition {
  id: string;
  text: string;
  status: 'open' | 'closed';
  initiative: { id: string; title: string };
  milestone: { id: string; title: string; position: number };
  decidedAt: string;
  decidedBy: { id: string; displayName: string };
  closedAt: string | null;
  closeNote: string | null;
}

interface ConditionPage {
  items: ListedCondition[];
  total: number;
  limit: number;
  offset: number;
}

describe('GET /api/conditions: the conditions across initiatives', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  it('lists open conditions with their initiative and gate, oldest decision first, paged', async () => {
    const older = await submittedGate(t, cast);
    const newer = await submittedGate(t, cast);
    const olderGate = older.milestoneIds[0] ?? '';
    const newerGate = newer.milestoneIds[0] ?? '';
    const first = await decide(t, cast.sponsor, olderGate, {
      outcome: 'go_with_conditions',
      rationale: 'Go, with two things to watch.',
      conditions: ['Weekly churn check', 'Budget review in March'],
    });
    expect(first.status).toBe(201);
    const second = await decide(t, cast.executive, newerGate, {
      outcome: 'go_with_conditions',
      rationale: 'Go.',
      conditions: ['Hire a second analyst'],
    });
    expect(second.status).toBe(201);
    const [churnId = '', budgetId = ''] = first.body.conditions.map((c) => c.id);

    const all = await send<ConditionPage>(t, cast.manager, 'GET', '/api/conditions?status=open');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((c) => c.text).slice(2)).toEqual(['Hire a second analyst']);
    expect(new Set(all.body.items.slice(0, 2).map((c) => c.id))).toEqual(
      new Set([churnId, budgetId]),
    );
    const [listed] = all.body.items as [ListedCondition];
    const names = await t.sql.query<{ initiative: string; milestone: string }>(
      `SELECT i.title AS initiative, m.title AS milestone
         FROM milestones m JOIN initiatives i ON i.id = m.initiative_id WHERE m.id = $1`,
      [olderGate],
    );
    const { initiative: title, milestone } = names.rows[0] ?? { initiative: '', milestone: '' };
    expect(listed).toMatchObject({
      status: 'open',
      initiative: { id: older.initiativeId, title },
      milestone: { id: olderGate, title: milestone, position: 1 },
      decidedAt: (first.body as unknown as { decidedAt: string }).decidedAt,
      decidedBy: { id: cast.sponsor.user.id, displayName: 'Sam Sponsor' },
      closedAt: null,
      closeNote: null,
    });

    // One number, one definition: the list's total is the summary's open conditions.
    const summary = await send<{ openConditions: number }>(
      t,
      cast.executive,
      'GET',
      '/api/portfolio/summary',
    );
    expect(summary.body.openConditions).toBe(all.body.total);

    const page = await send<ConditionPage>(
      t,
      cast.admin,
      'GET',
      '/api/conditions?status=open&limit=2&offset=2',
    );
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.body.items.map((c) => c.text)).toEqual(['Hire a second analyst']);

    // Closed ones leave the open list and show under closed, with their note.
    const close = await send(
      t,
      cast.owner,
      'POST',
      `/api/conditions/${churnId}/close`,
      { note: 'Churn is on the weekly ops agenda.' },
      etag(1),
    );
    expect(close.status).toBe(200);
    const open = await send<ConditionPage>(t, cast.executive, 'GET', '/api/conditions?status=open');
    expect(open.body.total).toBe(2);
    expect(open.body.items.map((c) => c.id)).not.toContain(churnId);
    const after = await send<{ openConditions: number }>(
      t,
      cast.executive,
      'GET',
      '/api/portfolio/summary',
    );
    expect(after.body.openConditions).toBe(open.body.total);
    const closed = await send<ConditionPage>(
      t,
      cast.executive,
      'GET',
      '/api/conditions?status=closed',
    );
    expect(closed.body.total).toBe(1);
    expect(closed.body.items[0]).toMatchObject({
      id: churnId,
      status: 'closed',
      closeNote: 'Churn is on the weekly ops agenda.',
    });
    expect(closed.body.items[0]?.closedAt).toEqual(expect.any(String));
    const both = await send<ConditionPage>(t, cast.executive, 'GET', '/api/conditions');
    expect(both.body.total).toBe(3);
  });

  it('refuses bad queries, members and strangers', async () => {
    const cases: Array<[string, string]> = [
      ['status=pending', 'status'],
      ['limit=0', 'limit'],
      ['limit=x', 'limit'],
      ['offset=-1', 'offset'],
      ['initiativeId=1', 'initiativeId'],
    ];
    for (const [query, field] of cases) {
      const res = await send(t, cast.admin, 'GET', `/api/conditions?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(fieldErrors(res)).toContain(field);
    }
    expect((await send(t, cast.member, 'GET', '/api/conditions')).status).toBe(403);
    expect((await send(t, null, 'GET', '/api/conditions')).status).toBe(401);
  });
});
