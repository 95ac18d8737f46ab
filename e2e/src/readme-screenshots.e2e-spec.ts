import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { signIn } from './support/auth';
import { launch, openContext, pageAtRest } from './support/browser';
import { ROOT, SCREENSHOTS } from './support/paths';

// Taken on every run into the test output; written over the committed pictures in docs/images
// only when asked (`UPDATE_README_SCREENSHOTS=1`), so that running the tests leaves the
// checkout clean.
const IMAGES =
  process.env['UPDATE_README_SCREENSHOTS'] === '1'
    ? join(ROOT, 'docs', 'images')
    : join(SCREENSHOTS, 'readme');
const README_VIEW = { width: 1280, height: 800 };

// The README's two pictures, taken from the demo data at 1280 × 800 (the first screenful).
describe('README screenshots', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
    mkdirSync(IMAGES, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('saves the portfolio and an initiative for the README', async () => {
    const context = await openContext(browser, README_VIEW);
    const page = await context.newPage();
    await signIn(page, 'executive');
    await page.goto('/portfolio');
    await page.locator('wp-tension-chart wp-tension-bubble-chart circle').first().waitFor();
    await page.locator('.wp-tension__label').first().waitFor();
    // ngx-charts lays the axes out in a second pass: wait until the chart holds still.
    await pageAtRest(page);
    await page.screenshot({ path: join(IMAGES, 'portfolio.png') });

    await page.goto('/initiatives');
    await page.getByRole('link', { name: 'Call-backs instead of queueing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Call-backs instead of queueing' }).waitFor();
    await page.getByRole('list', { name: 'Milestones' }).waitFor();
    // The measures and their charts are on their own tab.
    await page.getByRole('tab', { name: 'Measures' }).click();
    await page
      .getByRole('article', { name: 'Average wait at peak' })
      .locator('svg')
      .first()
      .waitFor();
    await pageAtRest(page);
    await page.screenshot({ path: join(IMAGES, 'initiative.png') });
    await context.close();

    for (const name of ['portfolio.png', 'initiative.png']) {
      expect(statSync(join(IMAGES, name)).size).toBeGreaterThan(20_000);
    }
  });
});
