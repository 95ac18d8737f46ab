import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withAppServices } from './support/app-env';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  type Viewport,
  WIDE,
} from './support/browser';
import { testOidcProvider } from './support/oidc-provider';

/**
 * Issue 19's journey (single sign-on and the spreadsheet import): the demo member signs in
 * through a real OpenID provider (oidc-provider, started beside the app), imports a spreadsheet
 * of readings with one bad row (previewed, left out, explained), and signs out of both.
 */
withAppServices(() =>
  testOidcProvider(
    { mika: { email: 'member@waypoint.test', name: 'Mika', groups: ['waypoint-members'] } },
    {
      SSO_PROVIDER_NAME: 'Acme Login',
      SSO_ROLE_MAPPING: 'waypoint-members=member,waypoint-managers=manager',
    },
  ),
);

const FILE = join(mkdtempSync(join(tmpdir(), 'wp-import-')), 'readings-november.csv');
writeFileSync(
  FILE,
  [
    'Measure,Observed date,Value,Note,Evidence link',
    'Cost per contact,2026-11-02,5.63,From the finance report,https://example.test/finance/nov',
    'First-contact resolution,2026-11-02,69.4,,',
    'Cost per contact,2026-11-09,lots,,',
  ].join('\n'),
);

async function signInWithProvider(page: Page, shot?: string): Promise<void> {
  await page.goto('/sign-in');
  const button = page.getByRole('link', { name: 'Sign in with Acme Login' });
  await button.waitFor();
  if (shot) {
    await screenshot(page, shot);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }
  await button.click();
  await page.getByLabel('Username').fill('mika');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/my-work');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
}

async function previewFile(page: Page): Promise<void> {
  await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(FILE);
  await page.getByRole('heading', { name: '3. Check the rows' }).waitFor();
}

describe('single sign-on and a spreadsheet of readings in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  describe.each<[string, Viewport]>([
    ['wide', WIDE],
    ['phone', PHONE],
  ])('on a %s screen', (size, viewport) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await openContext(browser, viewport);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    it('signs in through the organisation’s provider, as the account with that email', async () => {
      await signInWithProvider(page, `sso-sign-in-${size}`);
      const userButton = page.getByRole('banner').locator('button[popovertarget="user-menu"]');
      expect(await userButton.textContent()).toContain('Member');
    });

    it('previews the spreadsheet row by row and names the bad row’s problem', async () => {
      await page.getByRole('link', { name: 'Import readings from a spreadsheet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import readings' }).waitFor();
      await previewFile(page);
      const summary = page.locator('.import__summary');
      if (size === 'wide') {
        expect(await summary.textContent()).toContain(
          '3 rows: 2 readings ready to import, 1 row with problems (left out).',
        );
        const rows = page.locator('.import__table tbody tr');
        expect(await rows.count()).toBe(3);
        expect(await rows.nth(0).textContent()).toContain('Ready');
        expect(await rows.nth(0).textContent()).toContain('2 Nov 2026');
        expect(await rows.nth(2).textContent()).toContain('The value "lots" is not a number.');
        expect(await page.getByRole('combobox', { name: 'Measure' }).inputValue()).toBe('Measure');
      } else {
        // Imported on the wide screen already: the same file adds nothing.
        await page.getByText('This file was already imported on').waitFor();
        expect(await page.getByRole('button', { name: 'Import 0 readings' }).isDisabled()).toBe(
          true,
        );
        // The table scrolls inside its box, not the page.
        expect(await sidewaysScroll(page)).toBe(0);
        const table = await page.evaluate(() => {
          const wrap = document.querySelector('.import__table-wrap');
          return wrap ? wrap.scrollWidth > wrap.clientWidth : false;
        });
        expect(table).toBe(true);
      }
      await screenshot(page, `import-preview-${size}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    if (size === 'wide') {
      it('imports the two good rows and says the bad one was left out', async () => {
        await page.getByRole('button', { name: 'Import 2 readings' }).click();
        const result = page.locator('.import__result');
        await result.getByText('2 readings imported.').waitFor();
        expect(await result.textContent()).toContain(
          '1 row was left out: each is listed above with its problem.',
        );
        await screenshot(page, `import-result-${size}`);
        // The readings are there: My work shows the new latest value of cost per contact.
        await page.getByRole('link', { name: 'Back to my work' }).click();
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        await page.getByText('5.63').first().waitFor();
      });

      it('signs out of Waypoint and of the provider, back to the sign-in page', async () => {
        await page.getByRole('banner').locator('button[popovertarget="user-menu"]').click();
        await page.locator('#user-menu').getByRole('button', { name: 'Sign out' }).click();
        // The provider asks to confirm its own sign-out, then sends the browser back.
        await page.getByRole('button', { name: /sign me out/i }).click();
        await page.waitForURL('**/sign-in');
        await page.getByRole('link', { name: 'Sign in with Acme Login' }).waitFor();
        await page.goto('/my-work');
        await page.waitForURL('**/sign-in?returnUrl=%2Fmy-work');
        // Signing in again means the provider's sign-in page again: its session ended too.
        await page.getByRole('link', { name: 'Sign in with Acme Login' }).click();
        await page.getByLabel('Username').waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
      });
    }
  });
});
