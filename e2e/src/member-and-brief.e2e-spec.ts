import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { OUTPUT } from './support/paths';

function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
}

async function visibleH1s(page: Page): Promise<number> {
  return page.locator('h1:visible').count();
}

describe('My work and the brief in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  describe('the member', () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      context = await openContext(browser);
      page = await context.newPage();
      await signIn(page, 'member');
      watchConsole(page, errors);
    });
    afterAll(async () => {
      await context.close();
    });

    it('sees their steps and the measures they record on My work', async () => {
      await page.goto('/my-work');
      await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
      const steps = page.locator('.step-list');
      await steps.getByRole('heading', { name: 'Design the call-back script' }).waitFor();
      await steps
        .getByRole('heading', { name: 'Agree call-back slots with the rota team' })
        .waitFor();
      const measures = page.locator('.measure-list');
      await measures.getByRole('heading', { name: 'Cost per contact' }).waitFor();
      await measures.getByRole('heading', { name: 'Orders completed without a call' }).waitFor();
      expect(await visibleH1s(page)).toBe(1);
      await screenshot(page, 'place-my-work');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('marks "Design the call-back script" done from My work, and it stays done', async () => {
      const select = page.getByRole('combobox', { name: 'Status of Design the call-back script' });
      await select.click();
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/steps/') && r.request().method() === 'PATCH',
      );
      await page.getByRole('option', { name: 'Done' }).click();
      expect((await saved).status()).toBe(200);
      await page.reload();
      const again = page.getByRole('combobox', { name: 'Status of Design the call-back script' });
      await again.waitFor();
      expect(await again.textContent()).toContain('Done');
    });

    it('records a reading in the same dialog as the initiative page', async () => {
      await page.getByRole('button', { name: 'Record a reading of Cost per contact' }).click();
      const form = page.getByRole('dialog', { name: 'Record a reading of Cost per contact' });
      await form.getByRole('textbox', { name: /^Value/ }).fill('5.6');
      const saved = page.waitForResponse(
        (r) => r.url().includes('/readings') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: 'Record reading' }).click();
      const response = await saved;
      expect(response.status()).toBe(201);
      expect(response.request().headers()['idempotency-key']).toBeTruthy();
      await page.getByText('Reading saved for Cost per contact.').waitFor();
    });

    it('chooses an initiative brief (members do not read the portfolio)', async () => {
      await page.goto('/brief');
      await page.getByRole('heading', { level: 1, name: 'Briefs' }).waitFor();
      await page.getByRole('link', { name: 'Call-backs instead of queueing' }).click();
      await page.waitForURL('**/brief/initiatives/**');
      await page
        .getByRole('heading', { level: 1, name: 'Call-backs instead of queueing' })
        .waitFor();
      expect(page.url()).not.toContain('/forbidden');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('has no console errors', () => {
      expect(errors).toEqual([]);
    });
  });

  describe('the executive', () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      context = await openContext(browser);
      page = await context.newPage();
      await signIn(page, 'executive');
      watchConsole(page, errors);
    });
    afterAll(async () => {
      await context.close();
    });

    it('prints a clean portfolio brief with no navigation', async () => {
      await page.goto('/brief');
      await page.getByRole('heading', { level: 1, name: 'Portfolio brief' }).waitFor();
      await page.getByRole('link', { name: 'Call-backs instead of queueing' }).waitFor();
      expect(await visibleH1s(page)).toBe(1);
      await screenshot(page, 'brief-portfolio');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      await screenshot(page, 'brief-portfolio-print');
      await page.pdf({ path: join(OUTPUT, 'brief-portfolio.pdf'), format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
    });

    it('opens an initiative brief from the portfolio brief', async () => {
      await page.getByRole('link', { name: 'Call-backs instead of queueing' }).click();
      await page.waitForURL('**/brief/initiatives/**');
      await page
        .getByRole('heading', { level: 1, name: 'Call-backs instead of queueing' })
        .waitFor();
      await page.getByRole('heading', { name: 'Gate track' }).waitFor();
      expect(await visibleH1s(page)).toBe(1);
      await screenshot(page, 'brief-initiative');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it.each([
      { path: '/cycles', heading: 'Cycles', text: 'Review decisions', shot: 'place-cycles' },
      {
        path: '/customer-groups',
        heading: 'Customer groups',
        text: 'Loyal families',
        shot: 'place-customer-groups',
      },
      {
        path: '/kpi-review',
        heading: 'KPI review',
        text: 'All measures',
        shot: 'place-kpi-review',
      },
    ])('opens $heading with data, accessibly', async ({ path, heading, text, shot }) => {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('heading', { name: text }).first().waitFor();
      if (path === '/cycles') {
        await page.locator('.series-chart__plot svg .line').first().waitFor();
        await page.locator('.series-chart__plot svg .tick text').first().waitFor();
        // ngx-charts lays the axes out in a second pass: wait until the chart holds still.
        await pageAtRest(page);
      }
      expect(await visibleH1s(page)).toBe(1);
      await screenshot(page, shot);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('has no console errors', () => {
      expect(errors).toEqual([]);
    });
  });

  describe('on a phone', () => {
    it('shows My work to the member at 375 px', async () => {
      const context = await openContext(browser, PHONE);
      const page = await context.newPage();
      await signIn(page, 'member');
      await page.goto('/my-work');
      await page.locator('.step-list').waitFor();
      await screenshot(page, 'place-my-work-phone');
      expect(await sidewaysScroll(page)).toBe(0);
      await context.close();
    });
  });
});
