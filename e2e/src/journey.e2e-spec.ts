import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, screenshot, seriousA11yViolations } from './support/browser';
import { OUTPUT } from './support/paths';
import {
  moveStepByMenu,
  openInitiative,
  type Person,
  person,
  recordReading,
  showTab,
} from './support/people';

const TITLE = `Shorter forms for new customers ${Date.now()}`;
const CONDITION = 'Share the defect sampling plan with the branch teams';
const CALL_BACKS = 'Call-backs instead of queueing';
/** A demo step of the call-backs' submitted "Measure" gate that no other spec moves. */
const SAMPLE_STEP = 'Sample 500 calls by reason';
/** The DMAIC template's measures, with a value between baseline and target. */
const READINGS = [
  { measure: 'First-contact resolution', value: '68' },
  { measure: 'Defects per million opportunities', value: '5000' },
];

/** Drags with the mouse in small steps, as CDK drag and drop needs to see the pointer move. */
async function drag(page: Page, item: Locator, target: Locator): Promise<void> {
  const from = await item.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag, or nowhere to drop it');
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 24, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 8, { steps: 20 });
  await page.mouse.up();
}

/**
 * Issue 5's chain in the browser: the manager plans from a template in the wizard, has it
 * accepted, meets the first gate's rules and submits it; the executive approves it with a
 * condition; a member moves steps (keyboard and drag) and records a reading; the executive sees
 * the tension alert; the new initiative's brief prints.
 */
describe('the whole journey of issue 5 in Chromium', () => {
  let browser: Browser;
  let manager: Person;
  let executive: Person;
  let initiativeUrl = '';

  beforeAll(async () => {
    browser = await launch();
    manager = await person(browser, 'manager');
    executive = await person(browser, 'executive');
  });
  afterAll(async () => {
    await browser.close();
  });

  // The gates themselves (a gate's decisions and conditions are lists of their own).
  const gate = (page: Page) =>
    page.getByRole('list', { name: 'Milestones' }).locator(':scope > li');

  it('the manager plans from the DMAIC template in the wizard, with a sponsor, and proposes it', async () => {
    const { page } = manager;
    await page.goto('/initiatives/new');
    await page.getByRole('radio', { name: /DMAIC/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: 'Problem' })
      .fill('New customers abandon the sign-up form halfway.');
    await page.getByLabel(/Estimated customer value/).fill('7');
    await page.getByLabel(/Estimated business value/).fill('5');
    const sponsor = page.getByRole('combobox', { name: 'Executive sponsor' });
    await sponsor.locator('option', { hasText: 'Erin Executive' }).waitFor({ state: 'attached' });
    await sponsor.selectOption({ label: 'Erin Executive · Finance' });
    await screenshot(page, 'journey-wizard-plan');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review and create' }).waitFor();
    expect(await page.locator('dl').textContent()).toContain('Erin Executive');
    await page.getByRole('button', { name: 'Create initiative' }).click();
    await page.waitForURL(/\/initiatives\/(?!new)[^/]+$/);
    initiativeUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.locator('.meta').textContent()).toContain('Sponsor: Erin Executive');

    await page.getByRole('button', { name: 'Propose to the sponsor' }).click();
    await page.locator('.meta .chip', { hasText: 'Proposed' }).waitFor();
  });

  it('the sponsor accepts it from the initiative page', async () => {
    const { page } = executive;
    await page.goto(initiativeUrl);
    await page.getByRole('button', { name: 'Accept and start' }).click();
    await page.locator('.meta .chip', { hasText: 'Active' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept and start' }).count()).toBe(0);
  });

  it('the manager is told what the first gate misses, meets it and submits it', async () => {
    const { page } = manager;
    await page.reload();
    // Accepting the plan started its first gate.
    await gate(page).first().locator('.state', { hasText: 'In progress' }).waitFor();
    const criteria = page.getByRole('group', { name: 'Exit criteria met' });
    await criteria.waitFor();

    await page.getByRole('button', { name: 'Submit for decision' }).click();
    const blocked = criteria
      .locator('xpath=..')
      .getByRole('alert')
      .filter({ hasText: 'cannot be submitted yet' });
    await blocked.waitFor();
    expect(await blocked.getByRole('listitem').count()).toBe(3);

    for (const box of await criteria.getByRole('checkbox').all()) await box.check();
    const measures = page.getByRole('group', { name: 'Measures that show the evidence' });
    for (const { measure } of READINGS) {
      await measures.getByRole('checkbox', { name: measure }).check();
    }
    // Each tick is saved at once: the header counts it without a separate save.
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await gate(page).first().getByText('Criteria 3/3').waitFor();

    await showTab(page, 'Measures');
    for (const { measure, value } of READINGS) await recordReading(page, measure, value);
    await showTab(page, 'Gates and steps');
    await screenshot(page, 'journey-gate-ready');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Submit for decision' }).click();
    await gate(page).first().locator('.state', { hasText: 'Submitted' }).waitFor();
    expect(
      manager.errors.filter((e) => !/the server responded with a status of 422/.test(e)),
    ).toEqual([]);
  });

  it('the executive approves it with a condition from Approvals', async () => {
    const { page } = executive;
    await page.goto('/approvals');
    await page
      .getByRole('list', { name: 'Gates waiting for your decision' })
      .getByRole('link', { name: new RegExp(TITLE) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Define' }).waitFor();
    await page.getByRole('article', { name: READINGS[0]?.measure ?? '' }).waitFor();
    await page.getByRole('radio', { name: /^Go with conditions/ }).check();
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page.getByRole('textbox', { name: 'Condition 1' }).fill(CONDITION);
    await page
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('The problem is clear; the branches must see the sampling plan first.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Decision recorded' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Go with conditions');

    await page.goto(initiativeUrl);
    await gate(page).first().locator('.state', { hasText: 'Approved' }).waitFor();
    expect(await gate(page).nth(1).getAttribute('aria-current')).toBe('step');
  });

  it('a member moves steps with the keyboard and by dragging, and records a reading', async () => {
    const member = await person(browser, 'member');
    const { page } = member;
    await openInitiative(page, CALL_BACKS);

    const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    await moveStepByMenu(page, SAMPLE_STEP, 'Blocked');

    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/steps/') && r.request().method() === 'PATCH',
    );
    const card = column('Blocked').locator('.step', { hasText: SAMPLE_STEP });
    await drag(page, card, column('Done').locator('.board__list'));
    expect((await saved).status()).toBe(200);
    await column('Done').getByText(SAMPLE_STEP).waitFor();
    await page.reload();
    await column('Done').getByText(SAMPLE_STEP).waitFor();

    await showTab(page, 'Measures');
    await recordReading(page, 'First-contact resolution', '70');
    await showTab(page, 'Gates and steps');
    await page.getByRole('heading', { level: 2, name: /^Steps/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'journey-member-board');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(member.errors).toEqual([]);
    await member.context.close();
  });

  it('the executive sees the tension alert on the portfolio', async () => {
    const { page } = executive;
    await page.goto('/portfolio');
    const alerts = page.getByRole('region', { name: 'Tension alerts' });
    await alerts
      .locator('.wp-alert__explanation', { hasText: 'Loyal families satisfaction' })
      .first()
      .waitFor();
    await page.locator('wp-tension-chart wp-tension-bubble-chart circle').first().waitFor();
    await screenshot(page, 'journey-portfolio');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the brief of the new initiative prints as a clean page', async () => {
    const { page } = executive;
    await page.goto(`/brief${initiativeUrl}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { name: 'Gate track' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await screenshot(page, 'journey-brief-print');
    const pdf = await page.pdf({ path: join(OUTPUT, 'journey-brief.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(executive.errors).toEqual([]);
  });
});
