import type { Browser } from 'playwright-core';
import { type DemoRole, signIn } from './auth';
import {
  launch,
  openContext,
  pageAtRest,
  screenshot,
  seriousA11yViolations,
  type Viewport,
} from './browser';

export const LARGE: Viewport = { width: 1440, height: 900 };

/** Every place, with the heading that shows it has loaded and who opens it. */
export const PLACES: { path: string; heading: RegExp; role: DemoRole; shot: string }[] = [
  { path: '/portfolio', heading: /^Portfolio$/, role: 'executive', shot: 'portfolio' },
  { path: '/approvals', heading: /^Approvals/, role: 'executive', shot: 'approvals' },
  { path: '/initiatives', heading: /^Initiatives$/, role: 'manager', shot: 'initiatives' },
  { path: '/initiatives/new', heading: /^Plan an initiative/, role: 'manager', shot: 'wizard' },
  { path: '/my-work', heading: /^My work$/, role: 'member', shot: 'my-work' },
  { path: '/cycles', heading: /^Cycles$/, role: 'executive', shot: 'cycles' },
  {
    path: '/customer-groups',
    heading: /^Customer groups$/,
    role: 'executive',
    shot: 'customer-groups',
  },
  { path: '/kpi-review', heading: /^KPI review$/, role: 'executive', shot: 'kpi-review' },
  { path: '/brief', heading: /^Portfolio brief$/, role: 'executive', shot: 'brief' },
];

/**
 * Each place at one width: nothing wider than the screen, and axe-core finds no serious or
 * critical violation. The screenshots are for looking at. One spec file per width, so the two
 * widths run in parallel.
 */
export function describePlacesAt(size: 'phone' | 'large', viewport: Viewport): void {
  describe(`every place at ${viewport.width} px`, () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser.close();
    });

    it.each(PLACES)(`$path at ${size} width`, async ({ path, heading, role, shot }) => {
      const context = await openContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, role);
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Charts lay out in a second pass: wait until the place has loaded and holds still.
      await pageAtRest(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `size-${shot}-${size}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    });

    it(`shows an initiative at ${size} width`, async () => {
      const context = await openContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, 'manager');
      await page.goto('/initiatives');
      await page.getByRole('link', { name: 'Call-backs instead of queueing' }).click();
      await page.getByRole('list', { name: 'Milestones' }).waitFor();
      // Charts lay out in a second pass: wait until the place has loaded and holds still.
      await pageAtRest(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `size-initiative-${viewport.width}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
