import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type DemoRole, demoEmail, submitSignIn } from './auth';
import {
  elementsPastTheEdge,
  openContext,
  pageAtRest,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  type Viewport,
  WIDE,
} from './browser';

/** A demo person signed in through the real form in a browser context of their own. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** The console errors seen since signing in (the sign-in page's own 401 comes before). */
  errors: string[];
}

export async function person(
  browser: Browser,
  role: DemoRole,
  viewport: Viewport = WIDE,
): Promise<Person> {
  return personByEmail(browser, demoEmail(role), viewport);
}

/** Any demo account (e.g. Lee, a second member) signed in through the real form. */
export async function personByEmail(
  browser: Browser,
  email: string,
  viewport: Viewport = WIDE,
): Promise<Person> {
  const context = await openContext(browser, viewport);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await submitSignIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

/** Opens an initiative as a person would: from the list of initiatives, by its title. */
export async function openInitiative(page: Page, title: string): Promise<void> {
  await page.goto('/initiatives');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Whether the page is no wider than the screen (nothing to scroll sideways, shell included). */
export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return (await sidewaysScroll(page)) === 0;
}

/**
 * Screenshots `<name>-wide` at 1366x900 and `<name>-phone` at 375x812 (nothing to scroll
 * sideways there), with axe on both: no serious or critical violation. Returns to 1366x900.
 */
export async function shotsAtBothSizes(
  page: Page,
  name: string,
  focus?: Locator,
  /** False only for a page another place owns whose known overflow is reported to its owner. */
  checkSideways = true,
): Promise<void> {
  await focus?.scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-wide`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => window.innerWidth === 375);
  // The shell's side navigation leaves with an animation: wait until the layout is at rest.
  await pageAtRest(page);
  await focus?.scrollIntoViewIfNeeded();
  // What sticks out is named when the page scrolls sideways.
  if (checkSideways) {
    if (!(await noHorizontalScroll(page))) expect(await elementsPastTheEdge(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
  }
  await screenshot(page, `${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(WIDE);
  await page.waitForFunction(() => window.innerWidth === 1366);
}

/**
 * Moves a step of the board with the keyboard only, through its "More actions" menu, and waits
 * until it is in the column.
 */
export async function moveStepByMenu(page: Page, step: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for “${step}”` }).focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: `Move “${step}” to ${to}` });
  await item.focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('region', { name: new RegExp(`^${to}`) })
    .getByText(step)
    .waitFor();
}

/** Shows a tab of the initiative page ("Measures", "Plan and team", ...) as a person would. */
export async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await page.waitForFunction(
    (label) =>
      Array.from(document.querySelectorAll('[role=tab][aria-selected=true]')).some(
        (t) => t.textContent?.trim() === label,
      ),
    name,
  );
}

/**
 * Records a reading of a measure from its card on the Measures tab, as a person would, and waits
 * until the card says it is recorded.
 */
export async function recordReading(page: Page, measure: string, value: string): Promise<void> {
  const card = page.getByRole('article', { name: measure });
  await card.getByRole('button', { name: 'Record a reading' }).click();
  const dialog = page.getByRole('dialog', { name: `Record a reading of ${measure}` });
  await dialog.getByRole('textbox', { name: /^Value/ }).fill(value);
  await dialog.getByRole('button', { name: 'Record reading' }).click();
  await card.getByRole('status').getByText('Reading recorded.').waitFor();
}
