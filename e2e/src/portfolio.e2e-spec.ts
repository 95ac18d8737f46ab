import type { Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  pageAtRest,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
} from './support/browser';

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

  async function openPortfolio(target: Page = page, url = '/portfolio'): Promise<void> {
    await target.goto(url);
    await target.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await target.locator('.figure').first().waitFor();
    await target.locator('wp-tension-chart table').waitFor({ state: 'attached' });
    await pageAtRest(target);
  }

  /** The tick labels of the chart's axes, as drawn. */
  async function axisTicks(): Promise<{ x: string[]; y: string[] }> {
    const ticks = async (axis: string) =>
      (await page.locator(`wp-tension-bubble-chart g[${axis}] g.tick text`).allTextContents()).map(
        (t) => t.trim(),
      );
    return { x: await ticks('ngx-charts-x-axis'), y: await ticks('ngx-charts-y-axis') };
  }

  /** Picks a cycle by its name and waits until every figure has been reloaded for it. */
  async function pickCycle(name: string): Promise<void> {
    await page.getByLabel('Cycle', { exact: true }).selectOption({ label: name });
    await page.waitForURL(/[?&]cycle=/);
    await page
      .getByTestId('tension-scope')
      .getByText(name === 'Now (today)' ? 'Now' : `In ${name}`, { exact: true })
      .waitFor();
    await pageAtRest(page);
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
    await page.locator('wp-tension-chart .wp-tension__hit').first().waitFor();
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
    await gates.scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-gates-wide');
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
    await page.locator('wp-tension-chart .wp-tension__hit').first().click();
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

  it("opens on the latest cycle that has started, with each initiative's move over it", async () => {
    await openPortfolio();
    const select = page.getByLabel('Cycle', { exact: true });
    const options = (await select.locator('option').allTextContents()).map((o) => o.trim());
    // The cycles that have started, latest first, then now.
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(options[options.length - 1]).toBe('Now (today)');
    const selected = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect(selected?.trim()).toBe(options[0]);

    // Arrows from where each initiative stood when the cycle opened, and the move in words.
    expect(await page.locator('wp-tension-chart .wp-tension__trail').count()).toBeGreaterThan(0);
    const moves = await page.locator('wp-tension-chart table .chart__movement').allTextContents();
    expect(
      moves.some((m) =>
        /^Customer -?\d+% → -?\d+% \((\+|-)?\d+ points?|no change\)/.test(m.trim()),
      ),
    ).toBe(true);
    expect(await page.locator('wp-tension-chart figcaption').textContent()).toContain(
      'Arrows run from where each initiative stood when the cycle opened',
    );
  });

  it('names the picked cycle on every card and panel, and keeps the axes, for two cycles', async () => {
    const options = (
      await page.getByLabel('Cycle', { exact: true }).locator('option').allTextContents()
    ).map((o) => o.trim());
    const axes: Array<{ x: string[]; y: string[] }> = [];
    for (const name of [options[1], options[0]]) {
      await pickCycle(name);
      const figures = page.getByRole('region', { name: 'Headline figures' });
      expect(
        (
          await figures.getByTestId('figure-alerts').locator('.figure__scope').textContent()
        )?.trim(),
      ).toBe(`In ${name}`);
      // The figures that do not depend on the cycle say so.
      for (const label of ['Initiatives', 'Gates waiting', 'Open conditions', 'Stale measures']) {
        const card = figures.locator('.figure', { has: page.getByText(label, { exact: true }) });
        expect((await card.locator('.figure__scope').textContent())?.trim()).toBe('As of today');
      }
      expect((await page.getByTestId('tension-scope').textContent())?.trim()).toBe(`In ${name}`);
      await page.getByRole('heading', { level: 2, name: `Tension alerts in ${name}` }).waitFor();
      // Every alert listed is of the picked cycle.
      for (const meta of await page.locator('wp-alert-list .wp-alert__meta').allTextContents()) {
        expect(meta).toContain(name);
      }
      axes.push(await axisTicks());
    }

    expect(axes[0]).toEqual({
      x: ['-50%', '0%', '50%', '100%', '150%'],
      y: ['-50%', '0%', '50%', '100%', '150%'],
    });
    expect(axes[1]).toEqual(axes[0]);

    // The picked cycle survives a reload.
    await page.reload();
    await page.getByTestId('tension-scope').getByText(`In ${options[0]}`).waitFor();
    expect(new URL(page.url()).searchParams.get('cycle')).not.toBeNull();

    // Now is still there: no movement to show, the same axes.
    await pickCycle('Now (today)');
    expect(await page.locator('wp-tension-chart .wp-tension__trail').count()).toBe(0);
    expect(await axisTicks()).toEqual(axes[0]);
  });

  it('tells on hold from stopped in the legend, by colour and by glyph', async () => {
    await openPortfolio();
    const legend = page.getByRole('list', { name: 'Status colours' });
    const swatch = (status: string) => legend.locator(`li[data-status="${status}"] svg`);

    expect((await legend.locator('li[data-status="on_hold"]').textContent())?.trim()).toBe(
      'On hold',
    );
    expect((await legend.locator('li[data-status="stopped"]').textContent())?.trim()).toBe(
      'Stopped',
    );
    const fill = async (status: string) => swatch(status).locator('circle').getAttribute('fill');
    const glyph = async (status: string) => swatch(status).locator('path').getAttribute('d');
    expect(await fill('on_hold')).not.toBe(await fill('stopped'));
    expect(await glyph('on_hold')).toBeTruthy();
    expect(await glyph('stopped')).toBeTruthy();
    expect(await glyph('on_hold')).not.toBe(await glyph('stopped'));
  });

  it('shows a bubble tooltip with its move while focused or hovered, and closes it when they leave', async () => {
    const bubble = page.locator('wp-tension-chart .wp-tension__hit').first();
    const tooltip = page.locator('.wp-tension__tooltip');

    await bubble.focus();
    await tooltip.waitFor();
    await screenshot(page, 'portfolio-tooltip-wide');
    expect(await tooltip.textContent()).toContain('Business value');
    expect(await bubble.getAttribute('aria-label')).toContain('Since the cycle opened: Customer');
    // The focus moves on (to the cycle picker): the tooltip goes.
    await page.getByLabel('Cycle', { exact: true }).focus();
    await tooltip.waitFor({ state: 'detached' });

    await bubble.hover();
    await tooltip.waitFor();
    await page.mouse.move(2, 2);
    await tooltip.waitFor({ state: 'detached' });
  });

  it('leads each card to the list behind it', async () => {
    await openPortfolio();
    const figures = page.getByRole('region', { name: 'Headline figures' });

    // A status of the Initiatives card: the initiatives of that status.
    await figures.getByRole('link', { name: /^\d+ active$/ }).click();
    await page.waitForURL(/\/initiatives\?status=active$/);
    await page.getByRole('list', { name: 'Initiatives' }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('active');
    const chips = await page.locator('.cards .chip').allTextContents();
    expect(chips.length).toBeGreaterThan(0);
    expect(new Set(chips.map((c) => c.trim()))).toEqual(new Set(['Active']));

    await openPortfolio();
    await figures.getByRole('link', { name: /Stale measures/ }).click();
    await page.waitForURL(/\/kpi-review\?stale=true$/);
    expect(await page.getByRole('checkbox', { name: 'Only stale measures' }).isChecked()).toBe(
      true,
    );

    await openPortfolio();
    await figures.getByRole('link', { name: /Gates waiting/ }).click();
    await page.waitForURL(/\/approvals$/);

    await openPortfolio();
    await page
      .getByRole('region', { name: 'Gates waiting for you' })
      .getByRole('link', { name: 'Call-backs instead of queueing / Measure' })
      .click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);

    await openPortfolio();
    await figures.getByRole('link', { name: /Tension alerts/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'alerts');
    const top = await page.locator('#alerts').evaluate((el) => el.getBoundingClientRect().top);
    // Scrolled into view, at the top (under the app's toolbar).
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(120);
  });

  it('is axe-clean with the cycle picked and looks right on a wide screen', async () => {
    await openPortfolio();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-cycle-wide');
    expect(consoleErrors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const phone = await (await openContext(browser, PHONE)).newPage();
    await signIn(phone, 'executive');
    await openPortfolio(phone);
    const overflow = await sidewaysScroll(phone);

    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'place-portfolio-phone');
    // The chart with its arrows and legend, as a phone shows it.
    await phone.locator('wp-tension-chart .chart__legend').scrollIntoViewIfNeeded();
    await screenshot(phone, 'portfolio-chart-phone');
    await phone.locator('wp-tension-chart .wp-tension__hit').first().focus();
    await phone.locator('.wp-tension__tooltip').waitFor();
    await screenshot(phone, 'portfolio-tooltip-phone');
    await phone.close();
  });
});
