import type { Page } from 'playwright-core';

/** The demo organisation's accounts (README; demo mode only). */
export const DEMO_ROLES = ['admin', 'executive', 'manager', 'member'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];
export const DEMO_PASSWORD = 'waypoint-demo-2026';

export function demoEmail(role: DemoRole): string {
  return `${role}@waypoint.test`;
}

/** Where each role lands after signing in (web/src/app/places.ts, ROLE_HOME). */
export const HOME: Readonly<Record<DemoRole, string>> = {
  admin: '/portfolio',
  executive: '/portfolio',
  manager: '/initiatives',
  member: '/my-work',
};

/** The navigation label of each role's home place. */
export const HOME_LABEL: Readonly<Record<DemoRole, string>> = {
  admin: 'Portfolio',
  executive: 'Portfolio',
  manager: 'Initiatives',
  member: 'My work',
};

export const ROLE_LABEL: Readonly<Record<DemoRole, string>> = {
  admin: 'Admin',
  executive: 'Executive',
  manager: 'Manager',
  member: 'Member',
};

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in as a demo role through the real sign-in form, and waits until the app has left the
 * sign-in page. Opens /sign-in first unless the page is already there (e.g. after a redirect).
 */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/sign-in') {
    await page.goto('/sign-in');
  }
  await submitSignIn(page, demoEmail(role), DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
