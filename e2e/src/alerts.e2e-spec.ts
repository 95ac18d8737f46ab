import { randomUUID } from 'node:crypto';
import type { APIResponse, Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  server,
  sidewaysScroll,
} from './support/browser';
import { apiSession, type ApiSession } from './support/gates';

// The e2e project may not depend on the libraries: the few fields used here, as in contracts.
interface Created {
  id: string;
}
interface CustomerGroup {
  id: string;
  name: string;
  protected: boolean;
}

const TITLE = `Self-service refunds, alert test ${Date.now()}`;
const NOTE = 'We call the ten families who scored lowest and pause the self-service push.';

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function post(
  session: ApiSession,
  path: string,
  data: unknown,
  what: string,
): Promise<Created> {
  const response = await session.request.post(path, {
    data,
    headers: { Origin: server().baseUrl, 'Idempotency-Key': randomUUID() },
  });
  return ok<Created>(response, what);
}

// Issue 13: a reading written through the API raises a tension alert; the owner acknowledges it
// with a note on the initiative page; the executive reads the note on the portfolio.
describe('tension alerts people act on, in Chromium', () => {
  let browser: Browser;
  let initiativeId: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    const manager = await apiSession(browser, 'manager');
    const executive = await apiSession(browser, 'executive');
    try {
      const groups = await ok<{ items: CustomerGroup[] }>(
        await manager.request.get('/api/customer-groups?limit=50'),
        'list the customer groups',
      );
      const loyal = groups.items.find((g) => g.protected);
      if (!loyal) throw new Error('the demo has no protected customer group');
      initiativeId = (
        await post(
          manager,
          '/api/initiatives',
          {
            title: TITLE,
            approach: 'competing_values',
            sponsorId: executive.user.id,
            problem: 'Refunds by self-service cost less; do loyal families pay for it?',
          },
          'create the initiative',
        )
      ).id;
      const measure = (body: Record<string, unknown>) =>
        post(manager, `/api/initiatives/${initiativeId}/measures`, body, 'add a measure');
      const cost = await measure({
        name: 'Cost per refund',
        unit: 'EUR',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 100,
        target: 70,
        cadence: 'quarterly',
        kpiClass: 'neutral',
      });
      const satisfaction = await measure({
        name: `${loyal.name} satisfaction with refunds`,
        unit: 'pts',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 60,
        target: 80,
        cadence: 'quarterly',
        kpiClass: 'customer_centric',
        customerGroupId: loyal.id,
      });
      const reading = (measureId: string, value: number) =>
        post(
          manager,
          `/api/measures/${measureId}/readings`,
          { value, observedAt: new Date(Date.now() - 60_000).toISOString() },
          'record a reading',
        );
      await reading(cost.id, 85);
      // This reading makes the condition true: the engine raises the alerts on this write.
      await reading(satisfaction.id, 52);
      const raised = await ok<{ total: number }>(
        await executive.request.get(`/api/alerts?initiativeId=${initiativeId}&status=open`),
        'list the raised alerts',
      );
      expect(raised.total).toBe(2);
    } finally {
      await manager.close();
      await executive.close();
    }
  });
  afterAll(async () => {
    await browser.close();
  });

  async function signedIn(role: 'manager' | 'executive', phone = false): Promise<Page> {
    const page = await (await openContext(browser, phone ? PHONE : undefined)).newPage();
    await signIn(page, role);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return page;
  }

  it('shows the owner the raised alert with the indices in % and lets them acknowledge it with a note', async () => {
    const page = await signedIn('manager');
    await page.goto(`/initiatives/${initiativeId}`);
    const alerts = page.getByRole('region', { name: 'Tension alerts' });
    const protectedAlert = alerts.locator('.wp-alert', {
      hasText: 'A protected customer group is worse off',
    });
    await protectedAlert.waitFor();
    expect(await alerts.locator('.wp-alert').count()).toBe(2);
    const divergence = alerts.locator('.wp-alert', {
      hasText: 'Customer value falls as business value rises',
    });
    expect(await divergence.locator('.wp-alert__indices').textContent()).toMatch(
      /Customer value\s*0% → -40% \(-40 points\)\s*Business value\s*0% → 50% \(\+50 points\)/,
    );

    await protectedAlert.getByRole('button', { name: 'Acknowledge' }).click();
    const note = protectedAlert.getByLabel('What will you do about it?');
    await note.fill(NOTE);
    await screenshot(page, 'alerts-acknowledge-form');
    await protectedAlert.getByRole('button', { name: 'Acknowledge' }).click();
    await protectedAlert.locator('.wp-alert__note', { hasText: NOTE }).waitFor();
    expect(await protectedAlert.locator('.wp-alert__status').textContent()).toBe('Acknowledged');
    expect(await protectedAlert.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await alerts.scrollIntoViewIfNeeded();
    await screenshot(page, 'alerts-initiative-acknowledged');
    await page.context().close();
  });

  it('shows the executive the note on the portfolio, with dismiss offered', async () => {
    const page = await signedIn('executive');
    await page.goto('/portfolio');
    const alerts = page.getByRole('region', { name: 'Tension alerts' });
    const mine = alerts.locator('.wp-alert', {
      has: page.getByRole('link', { name: TITLE }),
    });
    await mine.first().waitFor();
    const acknowledged = mine.filter({ hasText: NOTE });
    expect(await acknowledged.count()).toBe(1);
    expect(await acknowledged.locator('.wp-alert__note footer').textContent()).toMatch(/\S/);
    expect(await acknowledged.getByRole('button', { name: 'Dismiss' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await acknowledged.scrollIntoViewIfNeeded();
    await screenshot(page, 'alerts-portfolio-note');
    await page.context().close();
  });

  it('fits a phone screen with the note', async () => {
    const page = await signedIn('executive', true);
    await page.goto(`/initiatives/${initiativeId}`);
    const alerts = page.getByRole('region', { name: 'Tension alerts' });
    await alerts.locator('.wp-alert__note', { hasText: NOTE }).waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await alerts.scrollIntoViewIfNeeded();
    await screenshot(page, 'alerts-initiative-phone');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
