import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn } from './support/auth';
import { moveStepByMenu, recordReading, showTab } from './support/people';
import { launch, openContext, screenshot, seriousA11yViolations } from './support/browser';

const CALL_BACKS = 'Call-backs instead of queueing';
const STEP = 'Agree call-back slots with the rota team';
const MEASURE = 'Average wait at peak';

async function expectOneHeading(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
}

describe('the initiative place in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    context = await openContext(browser);
    page = await context.newPage();
    consoleErrors = [];
  });
  afterEach(async () => {
    await context.close();
  });

  function watchConsole(): void {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }

  it('lets a manager plan an initiative from the DMAIC template and see its gate track', async () => {
    await signIn(page, 'manager');
    watchConsole();
    await page.goto('/initiatives');
    await expectOneHeading(page);
    await page.getByRole('link', { name: CALL_BACKS }).waitFor();
    await screenshot(page, 'place-initiatives');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Plan an initiative' }).click();
    await page.waitForURL('**/initiatives/new');
    await expectOneHeading(page);
    await page.getByRole('radio', { name: /DMAIC/ }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('textbox', { name: 'Title' }).fill('Shorter forms for new customers');
    await page
      .getByRole('textbox', { name: 'Problem' })
      .fill('New customers abandon the sign-up form halfway.');
    await page
      .getByRole('textbox', { name: 'Hypothesis' })
      .fill('Asking only what we need first halves the drop-outs.');
    await page.getByLabel(/Estimated customer value/).fill('7');
    await page.getByLabel(/Estimated business value/).fill('5');
    await screenshot(page, 'initiative-wizard');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'Review and create' }).waitFor();
    await page.getByRole('button', { name: 'Create initiative' }).click();
    await page.waitForURL(/\/initiatives\/(?!new)[^/]+$/);
    await page
      .getByRole('heading', { level: 1, name: 'Shorter forms for new customers' })
      .waitFor();
    const track = page.getByRole('list', { name: 'Milestones' });
    await track.waitFor();
    expect(await track.getByRole('listitem').count()).toBeGreaterThan(1);
    expect(await track.locator('[aria-current="step"]').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('lets a team member move a step with the keyboard and record a reading', async () => {
    await signIn(page, 'member');
    watchConsole();
    await page.goto('/initiatives');
    await page.getByRole('link', { name: CALL_BACKS }).click();
    await page.getByRole('heading', { level: 1, name: CALL_BACKS }).waitFor();
    await expectOneHeading(page);
    expect(await page.title()).toBe(`${CALL_BACKS} · Waypoint`);

    // The keyboard alternative to dragging: the step's menu of moves.
    await moveStepByMenu(page, STEP, 'Done');

    await showTab(page, 'Measures');
    await recordReading(page, MEASURE, '21');
    const measure = page.getByRole('article', { name: MEASURE });
    await measure.getByRole('button', { name: `All readings of ${MEASURE}` }).click();
    const expanded = page.getByRole('dialog', { name: MEASURE });
    await expanded.getByRole('cell', { name: '21 min' }).first().waitFor();
    await expanded.getByRole('button', { name: 'Close' }).click();
    await expanded.waitFor({ state: 'detached' });

    // The plan's value table: each side's estimate (the demo's 8 and 6) beside its index now.
    await showTab(page, 'Plan and team');
    const value = page.getByRole('table', { name: 'Estimated and realised value' });
    await value.getByRole('row', { name: /^Business 6 -?\d+%$/ }).waitFor();
    const cells = async (row: number) =>
      (await value.getByRole('row').nth(row).locator('th, td').allTextContents()).map((cell) =>
        cell.trim(),
      );
    expect(await value.getByRole('row').count()).toBe(3);
    expect(await cells(1)).toEqual(['Customer', '8', expect.stringMatching(/^-?\d+%$/)]);
    expect(await cells(2)).toEqual(['Business', '6', expect.stringMatching(/^-?\d+%$/)]);
    await showTab(page, 'Measures');

    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'initiative-detail');
    await showTab(page, 'Gates and steps');
    await page.getByRole('heading', { level: 2, name: /^Steps/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'initiative-detail-steps');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('asks before a final move: the owner opens Stop, reads what it means, and cancels', async () => {
    await signIn(page, 'manager');
    watchConsole();
    await page.goto('/initiatives');
    await page.getByRole('link', { name: CALL_BACKS }).click();
    await page.getByRole('list', { name: 'Milestones' }).waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    const question = page.getByRole('group', { name: /Stop this initiative\?/ });
    await question.getByText('A stopped initiative cannot be restarted.').waitFor();
    await question.getByRole('textbox', { name: /Why/ }).fill('Testing the question only.');
    await screenshot(page, 'initiative-stop-question');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Put on hold' }).waitFor();
    // Nothing moved: the initiative is still active.
    expect(await page.getByText('Active', { exact: true }).first().isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
