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
      // Promoted from an idea of the backlog (demo-moments-and-ideas.ts).
      'Show the renewal price before the reminder': 'draft',
      'Bills customers can read': 'completed',
      'Renewal letters in plain words': 'completed',
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
    // Four more go decisions: the completed initiatives' gates (demo-money.ts).
    expect(decisions.rows.map((d) => d.outcome).sort()).toEqual([
      'go',
      'go',
      'go',
      'go',
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

  describe('tells time: events are stamped at the times of the story, not the load time', () => {
    const DAY_MS = 86_400_000;

    it('records each reading when it was observed, not when the demo was loaded', async () => {
      const readings = await t.sql.query<{ observed_at: Date; recorded_at: Date }>(
        `SELECT observed_at, recorded_at FROM readings`,
      );
      expect(readings.rowCount).toBeGreaterThan(20);
      for (const r of readings.rows) {
        const lag = r.recorded_at.getTime() - r.observed_at.getTime();
        expect(lag).toBeGreaterThanOrEqual(0);
        expect(lag).toBeLessThan(DAY_MS);
      }
      // A reading observed in an earlier cycle is recorded in that cycle, months ago.
      const oldest = Math.min(...readings.rows.map((r) => r.recorded_at.getTime()));
      expect(Date.now() - oldest).toBeGreaterThan(90 * DAY_MS);
      // The audit trail says the same: a reading's event happened when it was recorded.
      const audited = await t.sql.query<{ lag: string; events: string }>(
        `SELECT max(abs(extract(epoch FROM (e.occurred_at - r.recorded_at)))) AS lag,
                count(*) AS events
           FROM readings r JOIN audit_events e ON e.entity_id = r.id::text`,
      );
      expect(Number(audited.rows[0]?.events)).toBe(readings.rowCount);
      expect(Number(audited.rows[0]?.lag)).toBeLessThan(1);
    });

    it('spreads the history over the quarters, in the order the story happened', async () => {
      const events = await t.sql.query<{ occurred_at: Date; action: string; entity_type: string }>(
        `SELECT occurred_at, action, entity_type FROM audit_events ORDER BY occurred_at, id`,
      );
      const times = events.rows.map((e) => e.occurred_at.getTime());
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(180 * DAY_MS);
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      const days = new Set(events.rows.map((e) => e.occurred_at.toISOString().slice(0, 10)));
      expect(days.size).toBeGreaterThan(20);
      // Each initiative is created before anything happens to its measures and gates.
      const firstCreate = events.rows.findIndex((e) => e.entity_type === 'initiative');
      expect(events.rows[firstCreate]?.action).toBe('create');
    });

    it('shows the waiting gate as waiting for days, its evidence frozen when it was submitted', async () => {
      const approvals = await send<{
        items: Array<{ submittedAt: string; waitingHours: number; milestone: { id: string } }>;
      }>(t, executive, 'GET', '/api/approvals');
      const waiting = approvals.body.items[0];
      expect(waiting?.waitingHours).toBeGreaterThanOrEqual(72);
      const milestone = await send<{
        startedAt: string;
        latestSubmission: { submittedAt: string; snapshot: { takenAt: string } };
      }>(t, executive, 'GET', `/api/milestones/${waiting?.milestone.id ?? ''}`);
      expect(milestone.body.latestSubmission.snapshot.takenAt).toBe(
        milestone.body.latestSubmission.submittedAt,
      );
      expect(Date.parse(milestone.body.startedAt)).toBeLessThan(
        Date.parse(milestone.body.latestSubmission.submittedAt) - 30 * DAY_MS,
      );
    });

    it('decides the earlier gates on their days, and notifies people then', async () => {
      const decisions = await t.sql.query<{ decided_at: Date; submitted_at: Date }>(
        `SELECT d.decided_at, s.submitted_at
           FROM gate_decisions d JOIN gate_submissions s ON s.id = d.submission_id`,
      );
      for (const d of decisions.rows) {
        const waited = d.decided_at.getTime() - d.submitted_at.getTime();
        expect(Math.abs(waited - 2 * DAY_MS)).toBeLessThan(60_000);
        expect(Date.now() - d.decided_at.getTime()).toBeGreaterThan(DAY_MS);
      }
      const notifications = await t.sql.query<{ created_at: Date }>(
        `SELECT created_at FROM notifications`,
      );
      expect(notifications.rowCount).toBeGreaterThan(0);
      const recent = notifications.rows.filter(
        (n) => Date.now() - n.created_at.getTime() < 3_600_000,
      );
      expect(recent.length).toBeLessThan(notifications.rows.length / 2);
    });
  });
});
