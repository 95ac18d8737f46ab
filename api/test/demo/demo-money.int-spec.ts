import type {
  InitiativeMoneyResponse,
  Page,
  PortfolioMoneyResponse,
  WinResponse,
} from '@waypoint/contracts';
import { type Session, signInAs } from '../support/auth';
import type { TestApp } from '../support/test-app';
import { send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

/** The demo's money story (issue 17): a completed initiative with realised benefit, a win and its payback. */
const demoSession = (t: TestApp, email: string): Promise<Session> =>
  signInAs(t, { id: '', email, role: 'member', departmentId: '', password: 'waypoint-demo-2026' });

describe('the demo shows the money and a win', () => {
  const t = useTestApp({ env: { WAYPOINT_DEMO: 'true' } });

  it('has a completed initiative that realised benefit, paid back and published its win', async () => {
    const executive = await demoSession(t, 'executive@waypoint.test');
    const portfolio = await send<PortfolioMoneyResponse>(
      t,
      executive,
      'GET',
      '/api/portfolio/money',
    );
    expect(portfolio.status).toBe(200);
    const bills = portfolio.body.completed.find(
      (c) => c.initiative.title === 'Bills customers can read',
    );
    expect(bills?.realisedMinor).toBeGreaterThan(0);
    expect(bills?.payback.realisedMonths).not.toBeNull();
    expect(portfolio.body.expectedMinor).toBeGreaterThan(0);
    expect(portfolio.body.realisedMinor).toBeGreaterThan(0);

    const money = await send<InitiativeMoneyResponse>(
      t,
      executive,
      'GET',
      `/api/initiatives/${bills?.initiative.id ?? ''}/money`,
    );
    const sources = money.body.cycles.map((c) => c.source);
    expect(sources).toContain('measures');
    expect(sources).toContain('entered');

    const member = await demoSession(t, 'member@waypoint.test');
    const wins = await send<Page<WinResponse>>(t, member, 'GET', '/api/wins');
    expect(wins.body.items.map((w) => w.initiative.title)).toEqual(['Bills customers can read']);

    // A second completed initiative with results waits for its owner to publish its win.
    const renewals = portfolio.body.completed.find(
      (c) => c.initiative.title === 'Renewal letters in plain words',
    );
    expect(renewals?.realisedMinor).toBeGreaterThan(0);
  });
});
