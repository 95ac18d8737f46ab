import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  DEMO_ROLES,
  type DemoRole,
  demoEmail,
  HOME,
  HOME_LABEL,
  ROLE_LABEL,
  signIn,
  submitSignIn,
} from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  server,
  sidewaysScroll,
} from './support/browser';

/** The navigation each role is offered (web/src/app/places.ts). */
const NAVIGATION: Readonly<Record<DemoRole, readonly string[]>> = {
  admin: [
    'Portfolio',
    'Approvals',
    'Initiatives',
    'Conditions',
    'My work',
    'Cycles',
    'Customer groups',
    'Ideas',
    'Moments',
    'KPI review',
    'Brief',
    'Self-assessment',
    'Wins',
    'Administration',
  ],
  executive: [
    'Portfolio',
    'Approvals',
    'Initiatives',
    'Conditions',
    'Cycles',
    'Customer groups',
    'Ideas',
    'Moments',
    'KPI review',
    'Brief',
    'Self-assessment',
    'Wins',
  ],
  manager: [
    'Initiatives',
    'Conditions',
    'My work',
    'Cycles',
    'Customer groups',
    'Ideas',
    'Moments',
    'KPI review',
    'Brief',
    'Self-assessment',
    'Wins',
  ],
  member: [
    'Initiatives',
    'My work',
    'Customer groups',
    'Ideas',
    'Moments',
    'Brief',
    'Self-assessment',
    'Wins',
  ],
};

describe('signing in and out in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });
  // Every test starts signed out, with cookies of its own.
  beforeEach(async () => {
    context = await openContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  const main = () => page.getByRole('navigation', { name: 'Main' });
  const userButton = () => page.getByRole('banner').locator('button[popovertarget="user-menu"]');
  const alert = () => page.getByRole('alert');

  it('sends a visitor who is not signed in to the sign-in page, which is accessible', async () => {
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await main().count()).toBe(0);
    expect(await page.title()).toBe('Sign in · Waypoint');
    await screenshot(page, 'sign-in');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits the sign-in form on a 375 px wide phone', async () => {
    const phone = await openContext(browser, PHONE);
    const small = await phone.newPage();
    await small.goto('/sign-in');
    await small.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await sidewaysScroll(small)).toBe(0);
    await screenshot(small, 'sign-in-phone');
    expect(await seriousA11yViolations(small)).toEqual([]);
    await phone.close();
  });

  it('explains empty fields without asking the server', async () => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(page.url()).toBe(`${server().baseUrl}/sign-in`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it.each(DEMO_ROLES)(
    'signs in as %s through the form, sees its home and navigation, and signs out',
    async (role) => {
      await page.goto('/sign-in');
      await submitSignIn(page, demoEmail(role), DEMO_PASSWORD);
      await page.waitForURL(`**${HOME[role]}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The toolbar and navigation load apart from the page (@defer), a moment after it.
      await main().locator('.app-nav__label').first().waitFor();

      // The place names (beside Approvals a count of what waits may follow).
      const links = (await main().locator('.app-nav__label').allTextContents()).map((t) =>
        t.trim(),
      );
      expect(links).toEqual(NAVIGATION[role]);
      const home = main().getByRole('link', { name: HOME_LABEL[role] });
      expect(await home.getAttribute('aria-current')).toBe('page');
      expect(await userButton().textContent()).toContain(ROLE_LABEL[role]);
      await screenshot(page, `signed-in-${role}`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await userButton().click();
      const menu = page.locator('#user-menu');
      await menu.waitFor({ state: 'visible' });
      expect(await menu.textContent()).toContain(demoEmail(role));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `user-menu-${role}`);
      await menu.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      // The session is gone on the server too: a place sends back to sign-in.
      await page.goto(HOME[role]);
      await page.waitForURL(`**/sign-in?returnUrl=${encodeURIComponent(HOME[role])}`);
    },
  );

  it('says so when the password is wrong, and stays on the sign-in page', async () => {
    await page.goto('/sign-in');
    await submitSignIn(page, demoEmail('member'), 'not-the-demo-password');
    await alert().getByText(/\S/).waitFor();
    const message = (await alert().textContent())?.trim() ?? '';
    expect(message.length).toBeGreaterThan(0);
    expect(page.url()).toBe(`${server().baseUrl}/sign-in`);
    expect(await page.getByLabel(/^Password/).inputValue()).toBe('');
    await screenshot(page, 'sign-in-wrong-password');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says how long to wait once sign-in is throttled', async () => {
    // An address of its own, so that blocking it slows no other test down.
    const email = 'nobody-throttled@waypoint.test';
    await page.goto('/sign-in');
    let status = 0;
    for (let attempt = 1; attempt <= 8 && status !== 429; attempt++) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
        submitSignIn(page, email, `wrong-password-${attempt}`),
      ]);
      status = response.status();
    }
    expect(status).toBe(429);
    await alert()
      .getByText(/^Too many attempts/)
      .waitFor();
    expect((await alert().textContent())?.trim()).toMatch(
      /^Too many attempts, try again in \d+ seconds?\.$/,
    );
    await screenshot(page, 'sign-in-throttled');
  });

  it('returns to a deep link after signing in', async () => {
    await page.goto('/customer-groups?view=cards');
    await page.waitForURL(
      `**/sign-in?returnUrl=${encodeURIComponent('/customer-groups?view=cards')}`,
    );
    await signIn(page, 'member');
    expect(page.url()).toBe(`${server().baseUrl}/customer-groups?view=cards`);
    await page.getByRole('heading', { level: 1, name: 'Customer groups' }).waitFor();
  });

  it('never follows a returnUrl to another site', async () => {
    await page.goto(`/sign-in?returnUrl=${encodeURIComponent('https://example.com/')}`);
    await signIn(page, 'manager');
    expect(page.url()).toBe(`${server().baseUrl}/initiatives`);
  });

  it('shows the accessible "not allowed" page for a place outside the role', async () => {
    await signIn(page, 'member');
    await page.goto('/approvals');
    await page.waitForURL('**/forbidden');
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to My work' }).getAttribute('href')).toBe(
      '/my-work',
    );
    await screenshot(page, 'forbidden');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens the set-password page from a link, accessibly, and rejects an unknown token', async () => {
    await page.goto('/set-password?token=not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const password = 'larch kettle orbit 2026';
    await page.getByLabel(/^New password/).fill(password);
    await page.getByLabel(/^Confirm new password/).fill(password);
    await page.getByRole('button', { name: 'Set password' }).click();
    // Whatever the API finds wrong first (the token, or the password), the page says it.
    await page.locator('[role="alert"] p, mat-error').first().waitFor();
    expect(page.url()).toContain('/set-password');
    await screenshot(page, 'set-password-rejected');
  });
});
