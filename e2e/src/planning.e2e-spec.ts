import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type DemoRole, signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  WIDE,
} from './support/browser';

const TITLE = `Plan in place ${Date.now()}`;
const CONDITION = 'Share the call-back script with the branches';
const RATIONALE = 'The problem is clear; the branches must see the script first.';
const STEPS = [
  { title: 'Map the call flow', assignee: 'Mika Member', due: '2027-01-10' },
  { title: 'Interview ten callers', assignee: 'Priya Patel', due: '2027-01-12' },
  { title: 'Draft the call-back script', assignee: 'Morgan Manager', due: '2027-01-14' },
];
const READINGS = [
  { measure: 'First-contact resolution', value: '66' },
  { measure: 'Defects per million opportunities', value: '5000' },
];

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function person(browser: Browser, role: DemoRole): Promise<Person> {
  const context = await openContext(browser);
  const page = await context.newPage();
  await signIn(page, role);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

/**
 * A screenshot of the page at 1366x900 and at 375x812 (no horizontal scroll there), and axe on
 * both: no serious or critical violation.
 */
async function shots(page: Page, name: string, focus?: Locator): Promise<void> {
  await focus?.scrollIntoViewIfNeeded();
  await screenshot(page, `planning-${name}-wide`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => window.innerWidth === 375);
  await focus?.scrollIntoViewIfNeeded();
  expect(await sidewaysScroll(page)).toBe(0);
  await screenshot(page, `planning-${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(WIDE);
}

/**
 * Issue 14, planning in the app (UI only): the manager plans from a template and changes a
 * baseline, forms a team from two departments, dates the gate, plans and assigns three steps,
 * links measures and submits; the executive decides with a condition; the team reads it on the
 * gate track; the owner closes it; the unfinished steps are under the next gate.
 */
describe('planning and steering an initiative in the app', () => {
  let browser: Browser;
  let manager: Person;
  let executive: Person;
  let url = '';

  beforeAll(async () => {
    browser = await launch();
    manager = await person(browser, 'manager');
    executive = await person(browser, 'executive');
  });
  afterAll(async () => {
    await browser.close();
  });

  const firstGate = (page: Page) => page.locator('.gate').first();

  it('the manager plans from the DMAIC template and changes a baseline on the last step', async () => {
    const { page } = manager;
    await page.goto('/initiatives/new');
    await page.getByRole('radio', { name: /DMAIC/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: 'Problem' })
      .fill('Callers wait too long and call again.');
    const sponsor = page.getByRole('combobox', { name: 'Executive sponsor' });
    await sponsor.locator('option', { hasText: 'Erin Executive' }).waitFor({ state: 'attached' });
    await sponsor.selectOption({ label: 'Erin Executive · Finance' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review and create' }).waitFor();
    const baseline = page.getByRole('spinbutton', { name: 'Baseline of First-contact resolution' });
    expect(await baseline.inputValue()).toBe('62');
    expect(
      await page
        .getByRole('spinbutton', { name: 'Target of Defects per million opportunities' })
        .inputValue(),
    ).toBe('3000');
    await baseline.fill('60');
    await shots(page, '1-wizard-measures');
    await page.getByRole('button', { name: 'Create initiative' }).click();
    await page.waitForURL(/\/initiatives\/(?!new)[^/]+$/);
    url = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const card = page.getByRole('article', { name: 'First-contact resolution' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Baseline 60');
    await page.getByRole('button', { name: 'Propose to the sponsor' }).click();
    await page.locator('.meta .chip', { hasText: 'Proposed' }).waitFor();
  });

  it('the manager adds two team members from two departments', async () => {
    const { page } = manager;
    const add = async (label: string) => {
      const select = page.getByRole('combobox', { name: 'Add a person' });
      await select.locator('option', { hasText: label }).waitFor({ state: 'attached' });
      await select.selectOption({ label });
      await page.getByRole('button', { name: 'Add to the team' }).click();
    };
    const team = page.getByRole('list', { name: 'Team' });
    await add('Mika Member · Operations');
    await team.getByText('Mika Member').waitFor();
    await page.getByText('The whole team comes from one department.').waitFor();
    await add('Priya Patel · Marketing');
    await team.getByText('Priya Patel').waitFor();
    await page
      .getByText('The whole team comes from one department.')
      .waitFor({ state: 'detached' });
    expect(await team.textContent()).toContain('Operations');
    expect(await team.textContent()).toContain('Marketing');
    await shots(page, '2-team', team);
  });

  it('the sponsor accepts the plan', async () => {
    const { page } = executive;
    await page.goto(url);
    await page.getByRole('button', { name: 'Accept and start' }).click();
    await page.locator('.meta .chip', { hasText: 'Active' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept and start' }).count()).toBe(0);
  });

  it('the manager dates the first gate, plans three steps and assigns them', async () => {
    const { page } = manager;
    await page.reload();
    await firstGate(page).locator('.state', { hasText: 'In progress' }).waitFor();
    await page.getByRole('button', { name: 'Edit gate 1, Define' }).click();
    const form = page.getByRole('form', { name: 'Edit gate Define' });
    await form.getByLabel('Due date').fill('2027-01-31');
    await form.getByRole('button', { name: 'Save gate' }).click();
    await form.waitFor({ state: 'detached' });
    await firstGate(page)
      .getByText(/Due 31 Jan 2027/)
      .waitFor();

    for (const step of STEPS) {
      await page.getByRole('button', { name: 'Add a step' }).click();
      const editor = page.getByRole('form', { name: 'New step' });
      await editor.getByRole('textbox', { name: 'Step' }).fill(step.title);
      await editor
        .getByRole('combobox', { name: 'Assignee' })
        .selectOption({ label: step.assignee });
      await editor.getByLabel('Due').fill(step.due);
      await editor.getByRole('button', { name: 'Add step' }).click();
      await editor.waitFor({ state: 'detached' });
      await page.locator('.step', { hasText: step.title }).getByText(step.assignee).waitFor();
    }
    // One is done already; the two others are not.
    await page.getByRole('button', { name: `Move “${STEPS[0]?.title}” to Done` }).click();
    await page
      .getByRole('region', { name: /^Done/ })
      .getByText(STEPS[0]?.title ?? '')
      .waitFor();
    expect(
      await page
        .getByRole('region', { name: /^To do/ })
        .locator('.step')
        .count(),
    ).toBe(2);
    await shots(page, '3-steps', page.getByRole('heading', { level: 2, name: /^Steps/ }));
  });

  it('the manager ticks the criteria and links measures (saved at once), and submits the gate', async () => {
    const { page } = manager;
    await page.getByRole('button', { name: 'Submit for decision' }).click();
    const criteria = page.getByRole('group', { name: 'Exit criteria met' });
    const blocked = criteria
      .locator('xpath=..')
      .getByRole('alert')
      .filter({ hasText: 'cannot be submitted yet' });
    await blocked.waitFor();
    await shots(page, '4-submission-refused', criteria);

    const boxes = await criteria.getByRole('checkbox').all();
    for (const box of boxes) await box.check();
    const measures = page.getByRole('group', { name: 'Measures that show the evidence' });
    for (const { measure } of READINGS) {
      await measures.getByRole('checkbox', { name: measure }).check();
    }
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await firstGate(page).getByText(`Criteria ${boxes.length}/${boxes.length}`).waitFor();
    for (const { measure, value } of READINGS) {
      const card = page.getByRole('article', { name: measure });
      await card.getByRole('button', { name: 'Record a reading' }).click();
      const dialog = page.getByRole('dialog', { name: `Record a reading of ${measure}` });
      await dialog.getByRole('textbox', { name: /^Value/ }).fill(value);
      await dialog.getByRole('button', { name: 'Record reading' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.reload();
    await firstGate(page).getByText(`Criteria ${boxes.length}/${boxes.length}`).waitFor();
    await page.getByRole('button', { name: 'Submit for decision' }).click();
    await firstGate(page).locator('.state', { hasText: 'Submitted' }).waitFor();
    expect(await page.getByRole('button', { name: 'Submit for decision' }).count()).toBe(0);
  });

  it('the executive decides go with conditions, told that the unfinished steps move on', async () => {
    const { page } = executive;
    await page.goto('/approvals');
    await page
      .getByRole('list', { name: 'Gates waiting for your decision' })
      .getByRole('link', { name: new RegExp(TITLE) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Define' }).waitFor();
    const option = page.getByRole('radio', { name: /^Go with conditions/ });
    await option.check();
    await page.getByText('its unfinished steps move to the next milestone').waitFor();
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page.getByRole('textbox', { name: 'Condition 1' }).fill(CONDITION);
    await page.getByRole('textbox', { name: /^Rationale/ }).fill(RATIONALE);
    await shots(page, '5-decision');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Decision recorded' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Go with conditions');
  });

  it('the team sees the decision, its rationale and the condition on the gate track', async () => {
    const member = await person(browser, 'member');
    const { page } = member;
    await page.goto(url);
    const decisions = page.getByRole('list', { name: 'Decisions on Define' });
    await decisions.getByText('Go with conditions').waitFor();
    expect(await decisions.textContent()).toContain(RATIONALE);
    expect(await decisions.textContent()).toContain('Erin Executive');
    expect(await decisions.textContent()).not.toContain('go_with_conditions');
    await decisions.getByText(CONDITION).waitFor();
    const open = page.getByRole('region', { name: 'Open conditions' });
    await open.getByText(CONDITION).waitFor();
    // A member may not close it.
    expect(await page.getByRole('button', { name: /^Close with a note/ }).count()).toBe(0);
    await open.getByRole('link', { name: /Define/ }).click();
    await shots(page, '6-team-sees-condition', decisions);
    expect(member.errors).toEqual([]);
    await member.context.close();
  });

  it('the owner closes the condition with a note; the unfinished steps are under the next gate', async () => {
    const { page } = manager;
    await page.goto(url);
    await page.getByRole('button', { name: `Close with a note: “${CONDITION}”` }).click();
    await page
      .getByRole('textbox', { name: 'How the condition was met' })
      .fill('Script shared with all branches on 5 January.');
    await page.getByRole('button', { name: 'Close the condition', exact: true }).click();
    const decisions = page.getByRole('list', { name: 'Decisions on Define' });
    await decisions.getByText(/Closed by Morgan Manager/).waitFor();
    expect(await decisions.textContent()).toContain('Script shared with all branches');
    await page.getByRole('region', { name: 'Open conditions' }).waitFor({ state: 'detached' });

    await page.getByRole('heading', { level: 2, name: 'Steps of “Measure”' }).waitFor();
    for (const step of STEPS.slice(1)) {
      const card = page.locator('.step', { hasText: step.title });
      await card.getByText('Carried over from gate 1, Define').waitFor();
    }
    expect(await page.locator('.step', { hasText: STEPS[0]?.title ?? '' }).count()).toBe(0);
    await shots(
      page,
      '7-steps-carried-over',
      page.locator('.step', { hasText: STEPS[1]?.title ?? '' }),
    );
    expect(
      manager.errors.filter((e) => !/the server responded with a status of 422/.test(e)),
    ).toEqual([]);
  });
});
