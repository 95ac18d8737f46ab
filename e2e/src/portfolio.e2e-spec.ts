import type { Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import { launch, openContext, PHONE, screenshot, seriousA11yViolations } from './support/browser';

const DEMO_INITIATIVES = [
  'Call-backs instead of queueing',
  'Self-service for occasional buyers',
  'Know our best small-business customers',
  'Brand promise in every branch',
  'Guided onboarding for digital customers',
];

// The executive's home: the demo's portfolio (api/src/app/demo/demo-story.ts).
describe('the portfolio in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await (await openContext(browser)).newPage();
    await signIn(page, 'executive');
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  async function openPortfolio(target: Page = page): Promise<void> {
    await target.goto('/portfolio');
    await target.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await target.locator('.figure').first().waitFor();
    await target.locator('wp-tension-chart table').waitFor({ state: 'attached' });
    await target.locator('.wp-alert').first().waitFor();
  }

  it('shows the headline figures', async () => {
    await openPortfolio();
    const figures = page.getByRole('region', { name: 'Headline figures' });

    for (const label of [
      'Initiatives',
      'Gates waiting',
      'Open conditions',
      'Stale measures',
      'Tension alerts',
    ]) {
      expect(await figures.getByText(label, { exact: true }).isVisible()).toBe(true);
    }
    expect(await figures.textContent()).toMatch(/Oldest waiting/);
  });

  it('draws the tension chart, with every demo initiative in its text alternative', async () => {
    await page.locator('wp-tension-chart wp-tension-bubble-chart circle').first().waitFor();
    const table = page.locator('wp-tension-chart table');
    const text = (await table.textContent()) ?? '';

    for (const title of DEMO_INITIATIVES) expect(text).toContain(title);
  });

  it('lists the gate waiting for a decision', async () => {
    const gates = page.getByRole('region', { name: 'Gates waiting for you' });

    expect(
      await gates
        .getByText('Call-backs instead of queueing / Measure', { exact: true })
        .isVisible(),
    ).toBe(true);
    expect(
      await gates.getByRole('link', { name: 'Decide in Approvals' }).getAttribute('href'),
    ).toBe('/approvals');
  });

  it('explains the tension alert: loyal families are less satisfied, and the measures behind it', async () => {
    const alerts = page.getByRole('region', { name: 'Tension alerts' });
    const alert = alerts
      .locator('.wp-alert', {
        has: page.locator('.wp-alert__explanation', { hasText: 'Loyal families satisfaction' }),
      })
      .first();

    expect(await alert.locator('.wp-alert__explanation').textContent()).toMatch(
      // The first alert is the divergence (its measures behind it) or the protected group's.
      /^(Customer value fell .* Behind it: .*"Loyal families satisfaction"|"Loyal families satisfaction" of protected customer group "Loyal families" got worse)/,
    );
    expect(await alert.locator('.wp-alert__moves li').count()).toBeGreaterThan(0);
    expect(await alert.locator('.wp-alert__moves').textContent()).toContain(
      'Loyal families satisfaction',
    );
    expect(await alert.locator('.wp-alert__indices').textContent()).toMatch(/Customer value.*%/);
  });

  it('is axe-clean and looks right', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'place-portfolio');
    expect(consoleErrors).toEqual([]);
  });

  it('opens an initiative from its bubble', async () => {
    await page.locator('wp-tension-chart wp-tension-bubble-chart circle').first().click();
    await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/);
    expect(new URL(page.url()).pathname).toMatch(/^\/initiatives\/[0-9a-f-]+$/);
  });

  it('opens an initiative from the table link of the text alternative, by keyboard', async () => {
    await openPortfolio();
    const link = page
      .locator('wp-tension-chart table')
      .getByRole('link', { name: 'Call-backs instead of queueing' });
    await link.focus();
    // The visually hidden table shows itself while a link in it has the focus.
    expect(await link.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/);
  });

  it('reloads tension and alerts for another cycle', async () => {
    await openPortfolio();
    const select = page.getByLabel('Cycle');
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);

    await select.selectOption({ index: options.length - 1 });
    await page.getByText(`over ${options[options.length - 1]}`).waitFor();
  });

  it('fits a phone screen', async () => {
    const phone = await (await openContext(browser, PHONE)).newPage();
    await signIn(phone, 'executive');
    await openPortfolio(phone);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'place-portfolio-phone');
  });
});
