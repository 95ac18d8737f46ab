import type {
  CycleReviewResponse,
  InitiativeBriefResponse,
  InitiativeValueResponse,
  Page,
  PortfolioAlertsResponse,
  PortfolioBriefResponse,
  PortfolioSeriesResponse,
  PortfolioTensionResponse,
  ValuePair,
} from '@waypoint/contracts';
import { call, type Session } from '../support/auth';
import { csvRecords } from '../support/csv';
import { send } from '../support/http';
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

  it('raises the alert between two quarters for a measure read once a quarter', async () => {
    const alerts = await send<PortfolioAlertsResponse>(
      t,
      executive,
      'GET',
      '/api/portfolio/alerts',
    );
    const brand = alerts.body.items.filter(
      (a) => a.initiative.title === 'Brand promise in every branch',
    );
    expect(brand.map((a) => a.kind)).toEqual([
      'customer_worsens_as_business_improves',
      'protected_group_worsens',
    ]);
    const protectedAlert = brand[1];
    expect(protectedAlert?.explanation).toMatch(/"Branch recommend score".*Loyal families.*21/);
    // It opens at last quarter's only reading (before this cycle) and closes at this quarter's.
    const cycleStart = new Date(`${alerts.body.cycle?.startsOn ?? ''}T00:00:00Z`).getTime();
    const [opening, closing] = protectedAlert?.readings ?? [];
    expect(opening?.value).toBe(21);
    expect(new Date(opening?.observedAt ?? '').getTime()).toBeLessThan(cycleStart);
    expect(closing?.value).toBe(19);
    expect(new Date(closing?.observedAt ?? '').getTime()).toBeGreaterThanOrEqual(cycleStart);
  });

  it('shows the same indices through every endpoint that shows one (one picture)', async () => {
    const get = async <T>(path: string): Promise<T> => {
      const res = await send<T>(t, executive, 'GET', path);
      expect([path, res.status]).toEqual([path, 200]);
      return res.body;
    };
    const pair = (p: { customer: number | null; business: number | null }): ValuePair => ({
      customer: p.customer,
      business: p.business,
    });
    const tension = await get<PortfolioTensionResponse>('/api/portfolio/tension?limit=1000');
    const series = await get<PortfolioSeriesResponse>('/api/portfolio/series');
    const portfolioBrief = await get<PortfolioBriefResponse>('/api/briefs/portfolio');
    const csv = await call(t, executive, 'GET', '/api/exports/initiatives.csv');
    const rows = csvRecords(await csv.text());
    const cell = (text: string | undefined): number | null =>
      text === undefined || text === '' ? null : Number(text);
    expect(series.cycles).toHaveLength(3);
    let compared = 0;
    for (const point of tension.points) {
      const value = await get<InitiativeValueResponse>(`/api/initiatives/${point.id}/value`);
      const now = pair(value.now);
      // Now: the tension chart, the portfolio brief's chart, the export, the initiative's brief.
      expect([point.id, { customer: point.customerIndex, business: point.businessIndex }]).toEqual([
        point.id,
        now,
      ]);
      const briefPoint = portfolioBrief.tension.points.find((p) => p.id === point.id);
      expect(
        briefPoint && { customer: briefPoint.customerIndex, business: briefPoint.businessIndex },
      ).toEqual(now);
      const row = rows.find((r) => r['id'] === point.id);
      expect(
        row && { customer: cell(row['customer_index']), business: cell(row['business_index']) },
      ).toEqual(now);
      const brief = await get<InitiativeBriefResponse>(`/api/briefs/initiatives/${point.id}`);
      expect(pair(brief.indices.now)).toEqual(now);
      // Per cycle: the initiative's value, the series, the tension chart over the cycle, the brief.
      for (const cycleValue of value.cycles) {
        const closing = pair(cycleValue);
        const inSeries = series.cycles
          .find((c) => c.cycle.id === cycleValue.cycle.id)
          ?.initiatives.find((i) => i.id === point.id);
        expect(inSeries && pair(inSeries)).toEqual(closing);
        const overCycle = await get<PortfolioTensionResponse>(
          `/api/portfolio/tension?limit=1000&cycleId=${cycleValue.cycle.id}`,
        );
        const there = overCycle.points.find((p) => p.id === point.id);
        expect(there && { customer: there.customerIndex, business: there.businessIndex }).toEqual(
          closing,
        );
        if (brief.indices.cycle?.cycle.id === cycleValue.cycle.id) {
          expect(pair(brief.indices.cycle)).toEqual(closing);
        }
        compared += 1;
      }
      // A cycle review's measured change ends where the cycle closes.
      const reviews = await get<Page<CycleReviewResponse>>(
        `/api/initiatives/${point.id}/cycle-reviews`,
      );
      for (const review of reviews.items) {
        const closing = value.cycles.find((c) => c.cycle.id === review.cycle.id);
        expect(closing).toBeDefined();
        expect({
          customer: review.measured.customer.end,
          business: review.measured.business.end,
        }).toEqual(closing && pair(closing));
      }
    }
    expect(compared).toBe(tension.points.length * 3);
  });
});
