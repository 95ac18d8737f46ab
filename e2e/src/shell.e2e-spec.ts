import type { Browser, Page } from 'playwright-core';
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

const PLACES = [
  { label: 'Portfolio', path: '/portfolio' },
  { label: 'Approvals', path: '/approvals' },
  { label: 'Initiatives', path: '/initiatives' },
  { label: 'My work', path: '/my-work' },
  { label: 'Cycles', path: '/cycles' },
  { label: 'Customer groups', path: '/customer-groups' },
  { label: 'KPI review', path: '/kpi-review' },
  { label: 'Brief', path: '/brief' },
];

// Signed in as an admin, who is offered every place.
describe('the app shell in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    const context = await openContext(browser);
    page = await context.newPage();
    // Signed out, the app's first GET /api/auth/me answers 401, which Chromium logs as an error;
    // the console is watched from the moment the user is signed in.
    await signIn(page, 'admin');
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens on the portfolio from the root URL', async () => {
    await page.goto('/');
    await page.waitForURL('**/portfolio');
    await expectHeading(page);
    expect(await page.title()).toContain('Waypoint');
  });

  it.each(PLACES)('reaches $label from the navigation, accessibly', async ({ label, path }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    await page.waitForURL(`**${path}`);
    await expectHeading(page);
    const current = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label });
    expect(await current.getAttribute('aria-current')).toBe('page');
    await screenshot(page, `place-${path.slice(1)}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens a deep link directly (served by the API with index.html)', async () => {
    const response = await page.goto('/kpi-review?class=customer_toxic');
    expect(response?.status()).toBe(200);
    await expectHeading(page);
    expect(page.url()).toBe(`${server().baseUrl}/kpi-review?class=customer_toxic`);
  });

  it('shows a not-found page for unknown routes', async () => {
    await page.goto('/no-such-place');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /not found/i,
    );
    await screenshot(page, 'not-found');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('works on a 375 px wide phone with a menu button', async () => {
    const phone = await openContext(browser, PHONE);
    const small = await phone.newPage();
    await signIn(small, 'admin');
    await small.goto('/portfolio');
    await expectHeading(small);
    const menu = small.getByRole('button', { name: 'Navigation' });
    await menu.click();
    await screenshot(small, 'phone-navigation-open');
    // A click on the scrim beside the drawer closes it, and the focus goes back to the button.
    await small.mouse.click(360, 400);
    await small.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await small
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cycles' })
      .click();
    await small.waitForURL('**/cycles');
    await small.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
    expect(await sidewaysScroll(small)).toBe(0);
    await screenshot(small, 'phone-cycles');
    expect(await seriousA11yViolations(small)).toEqual([]);
    await phone.close();
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

async function expectHeading(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor({ state: 'visible' });
  expect((await heading.textContent())?.trim().length).toBeGreaterThan(0);
}
