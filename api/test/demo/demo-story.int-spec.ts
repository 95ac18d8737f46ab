import { call, type Session } from '../support/auth';
import { type TestApp } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';

async function signInDemo(t: TestApp, email: string): Promise<Session> {
  const res = await call(t, null, 'POST', '/api/auth/login', {
    email,
    password: 'waypoint-demo-2026',
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const user = (await res.json()) as { id: string; email: string; role: 'executive' };
  return {
    user: { id: user.id, email, role: user.role, departmentId: '', password: 'waypoint-demo-2026' },
    headers: { Cookie: cookie, Origin: t.baseUrl },
  };
}

const json = async <T>(res: Response): Promise<T> => {
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

describe('the demo organisation tells its story through the API', () => {
  const t = useTestApp({ env: { WAYPOINT_DEMO: 'true' }, valueCheck: true });
  let executive: Session;

  beforeAll(async () => {
    executive = await signInDemo(t, 'executive@waypoint.test');
  });

  it('has initiatives at different gates and statuses', async () => {
    const page = await json<{ items: Array<{ title: string; status: string }> }>(
      await call(t, executive, 'GET', '/api/initiatives?limit=50'),
    );
    const status = Object.fromEntries(page.items.map((i) => [i.title, i.status]));
    expect(status).toEqual({
      'Call-backs instead of queueing': 'active',
      'Self-service for occasional buyers': 'active',
      'Know our best small-business customers': 'proposed',
      'Brand promise in every branch': 'on_hold',
      'Guided onboarding for digital customers': 'stopped',
    });
  });

  it('has a gate waiting for the executive, with its evidence', async () => {
    const approvals = await json<{
      items: Array<{ initiative: { title: string }; milestone: { title: string } }>;
    }>(await call(t, executive, 'GET', '/api/approvals'));
    expect(approvals.items.map((a) => `${a.initiative.title} / ${a.milestone.title}`)).toEqual([
      'Call-backs instead of queueing / Measure',
    ]);
  });

  it('has decisions with rationales, and conditions still open', async () => {
    const decisions = await t.sql.query<{ outcome: string; rationale: string }>(
      `SELECT outcome, rationale FROM gate_decisions ORDER BY decided_at`,
    );
    expect(decisions.rows.map((d) => d.outcome).sort()).toEqual([
      'go',
      'go_with_conditions',
      'on_hold',
      'rejected',
    ]);
    for (const d of decisions.rows.filter((r) => r.outcome !== 'go'))
      expect(d.rationale.length).toBeGreaterThan(10);
    const open = await t.sql.query(`SELECT 1 FROM decision_conditions WHERE closed_at IS NULL`);
    expect(open.rowCount).toBe(2);
  });

  it('spans three cycles with reviews, and departments and customer groups of several kinds', async () => {
    const cycles = await json<{ items: Array<{ name: string }> }>(
      await call(t, executive, 'GET', '/api/cycles'),
    );
    expect(cycles.items).toHaveLength(3);
    const reviews = await t.sql.query<{ decision: string }>(`SELECT decision FROM cycle_reviews`);
    expect(reviews.rows.map((r) => r.decision).sort()).toEqual(['adapt', 'adapt', 'adopt']);
    const groups = await json<{ items: Array<{ intent: string; protected: boolean }> }>(
      await call(t, executive, 'GET', '/api/customer-groups'),
    );
    expect(new Set(groups.items.map((g) => g.intent)).size).toBe(4);
    expect(groups.items.filter((g) => g.protected)).toHaveLength(1);
    const departments = await json<{ total: number }>(
      await call(t, executive, 'GET', '/api/departments'),
    );
    expect(departments.total).toBeGreaterThanOrEqual(5);
  });

  it('raises the tension: cost to serve falls while the protected loyal families are less satisfied', async () => {
    const alerts = await json<{
      items: Array<{ kind: string; explanation: string; readingIds: string[] }>;
    }>(await call(t, executive, 'GET', '/api/portfolio/alerts'));
    const kinds = alerts.items.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['protected_group_worsens']));
    const protectedAlert = alerts.items.find((a) => a.kind === 'protected_group_worsens');
    expect(protectedAlert?.explanation).toMatch(/Loyal families/);
    expect(protectedAlert?.readingIds.length).toBeGreaterThanOrEqual(2);
  });
});
