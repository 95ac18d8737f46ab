import type { Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
} from './support/browser';
import { createSubmittedGate, type SubmittedGate } from './support/gates';

const DEMO_GATE = 'Call-backs instead of queueing / Measure';
const CONDITION = 'Share the call-back results with the branch teams';

// The executive decides a gate in Approvals. The demo's waiting gate is only looked at (other
// specs expect it to wait); the gate decided here is created through the API first.
describe('Approvals in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let gate: SubmittedGate;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    gate = await createSubmittedGate(browser, `Faster refunds, browser test ${Date.now()}`);
    const context = await openContext(browser);
    page = await context.newPage();
    await signIn(page, 'executive');
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  const gateLink = (name: string | RegExp) =>
    page.getByRole('list', { name: 'Gates waiting for your decision' }).getByRole('link', { name });

  it('lists the gates waiting for the executive, oldest first, accessibly', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Approvals' })
      .click();
    await page.waitForURL('**/approvals');
    await gateLink(DEMO_GATE).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Approvals');

    const titles = await page
      .getByRole('list', { name: 'Gates waiting for your decision' })
      .getByRole('heading', { level: 2 })
      .allTextContents();
    const demoIndex = titles.findIndex((t) => t.includes(DEMO_GATE));
    const ownIndex = titles.findIndex((t) => t.includes(gate.initiativeTitle));
    expect(demoIndex).toBeGreaterThanOrEqual(0);
    // Oldest first: the demo's gate was submitted when the server started, before this test's.
    expect(ownIndex).toBeGreaterThan(demoIndex);
    const waiting = await page
      .getByRole('listitem')
      .filter({ hasText: DEMO_GATE })
      .getByText(/^Waiting for /)
      .textContent();
    expect(waiting).toMatch(/^Waiting for (less than an hour|\d+ hours?|\d+ days)$/);

    await screenshot(page, 'place-approvals');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the evidence snapshot of the demo gate', async () => {
    await gateLink(DEMO_GATE).click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Measure' }).waitFor();
    await page.getByRole('heading', { name: 'Evidence snapshot' }).waitFor();

    for (const criterion of ['Call reasons sampled for two weeks', 'Peak hours mapped']) {
      const item = page.getByRole('listitem').filter({ hasText: criterion });
      expect(await item.textContent()).toContain(', checked');
    }
    const wait = page.getByRole('article', { name: 'Average wait at peak' });
    await wait.waitFor();
    expect(await wait.textContent()).toMatch(/Baseline\s*38 min/);
    expect(await wait.textContent()).toMatch(/Target\s*15 min/);
    expect(await wait.textContent()).toMatch(/Latest reading\s*2\d min/);
    await wait.locator('figure').waitFor();
    await page.getByRole('heading', { name: 'Your decision' }).waitFor();

    await screenshot(page, 'approvals-gate');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('decides a gate with conditions, checked on the client first', async () => {
    await page.goto('/approvals');
    await gateLink(new RegExp(gate.initiativeTitle)).click();
    await page.getByRole('heading', { level: 1, name: gate.milestoneTitle }).waitFor();
    if (gate.measureNames[0]) {
      await page.getByRole('article', { name: gate.measureNames[0] }).waitFor();
    }

    await page.getByRole('radio', { name: /^Go with conditions/ }).check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('A go with conditions needs at least one condition.').waitFor();
    await page.getByText(/A rationale is required/).waitFor();
    expect(page.url()).toMatch(new RegExp(`/approvals/${gate.milestoneId}$`));
    // The error messages fade in: check the contrast once they are fully shown.
    await page.evaluate(async () => {
      // allSettled: an animation cancelled meanwhile (its element replaced) rejects its `finished`.
      await Promise.allSettled(document.getAnimations().map((a) => a.finished));
    });
    await screenshot(page, 'approvals-gate-errors');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page.getByRole('textbox', { name: 'Condition 1' }).fill(CONDITION);
    await page
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('The measure phase is done; the branches must see the results before we analyse.');
    await page.getByRole('button', { name: 'Record the decision' }).click();

    await page.waitForURL((url) => url.pathname === '/approvals');
    const status = page.getByRole('status').filter({ hasText: 'Decision recorded' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Go with conditions');
    await gateLink(DEMO_GATE).waitFor();
    expect(await gateLink(new RegExp(gate.initiativeTitle)).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits a 375 px wide phone', async () => {
    const phone = await (await openContext(browser, PHONE)).newPage();
    await signIn(phone, 'executive');
    await phone.goto('/approvals');
    await phone.getByRole('link', { name: DEMO_GATE }).click();
    await phone.getByRole('article', { name: 'Average wait at peak' }).waitFor();
    await phone.getByRole('radio', { name: /^Go with conditions/ }).check();
    await phone.getByRole('button', { name: 'Add a condition' }).click();
    expect(await sidewaysScroll(phone)).toBe(0);
    await screenshot(phone, 'approvals-gate-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
