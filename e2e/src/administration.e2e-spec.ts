import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  pageAtRest,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
} from './support/browser';
import { randomUUID } from 'node:crypto';
import { apiSession, createSubmittedGate } from './support/gates';
import { server } from './support/browser';
import { codeWordsOnScreen } from './support/places';

const BELL_CONDITION = 'Share the call-back script with the branches';

/** No sideways scroll, no internal code in the visible text, no serious axe violation. */
async function expectTidy(page: Page, shownSecrets: readonly string[] = []): Promise<void> {
  await pageAtRest(page);
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await codeWordsOnScreen(page, shownSecrets)).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

// The admin looks after people, departments, customer groups and cycles, and finds it all in the
// audit trail; the executive hears of a submitted gate through the bell.
describe('Administration and the bell in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launch();
    context = await openContext(browser);
    page = await context.newPage();
    await signIn(page, 'admin');
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  const main = () => page.getByRole('main');

  it('reaches Administration from the navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.waitForURL('**/admin');
    await main().getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await screenshot(page, 'admin-landing');
    await expectTidy(page);
  });

  it('adds a person and shows the set-password link to hand over', async () => {
    await main().getByRole('link', { name: 'People' }).first().click();
    await page.waitForURL('**/admin/users');
    const form = main().getByRole('region', { name: 'Add a person' });
    await form.getByRole('textbox', { name: 'Name' }).fill(`Dana Field ${stamp}`);
    await form.getByRole('textbox', { name: 'Email' }).fill(`dana.${stamp}@example.test`);
    await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Manager' });
    await form.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Operations' });
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.getByText(`Dana Field ${stamp} is added.`, { exact: false }).waitFor();
    const link = (await form.locator('code').textContent()) ?? '';
    expect(link).toMatch(/\/set-password\?token=/);
    await main()
      .getByRole('listitem', { name: `Dana Field ${stamp}` })
      .waitFor();
    await screenshot(page, 'admin-users-created');
    await expectTidy(page, [link]);
  });

  it('adds a department and renames it', async () => {
    await page.goto('/admin/departments');
    await main().getByRole('textbox', { name: 'Name' }).fill(`Research ${stamp}`);
    await main().getByRole('button', { name: 'Add department' }).click();
    await main().getByText(`Research ${stamp} is added.`).waitFor();
    await main()
      .getByRole('button', { name: `Rename Research ${stamp}` })
      .click();
    await main()
      .getByRole('textbox', { name: `New name of Research ${stamp}` })
      .fill(`Research and insight ${stamp}`);
    await main().getByRole('button', { name: 'Save' }).click();
    await main()
      .getByRole('list', { name: 'Departments' })
      .getByRole('button', { name: `Rename Research and insight ${stamp}` })
      .waitFor();
    await screenshot(page, 'admin-departments');
    await expectTidy(page);
  });

  it('adds a protected customer group and edits its intent', async () => {
    await page.goto('/admin/customer-groups');
    await main().getByRole('button', { name: 'New customer group' }).click();
    await main().getByRole('textbox', { name: 'Name' }).fill(`Small firms ${stamp}`);
    await main().getByRole('combobox', { name: 'Intent' }).selectOption({ label: 'Grow' });
    await main()
      .getByRole('textbox', { name: 'Value proposition' })
      .fill('A named adviser who answers the same day.');
    await main()
      .getByRole('checkbox', { name: /Protected/ })
      .check();
    await main().getByRole('button', { name: 'Add customer group' }).click();
    const row = main()
      .getByRole('list', { name: 'Customer groups' })
      .getByRole('listitem')
      .filter({ hasText: `Small firms ${stamp}` });
    await row.getByText('Protected').waitFor();
    await row.getByRole('button', { name: /^Edit/ }).click();
    const form = main().getByRole('list', { name: 'Customer groups' }).locator('form');
    await form.getByRole('combobox', { name: 'Intent' }).selectOption({ label: 'Retain' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await row.getByText('Retain', { exact: true }).waitFor();
    await screenshot(page, 'admin-customer-groups');
    await expectTidy(page);
  });

  it('creates the next cycle, moves its last day, and is told in words when a cycle cannot change', async () => {
    await page.goto('/admin/cycles');
    const next = main().getByRole('button', { name: /^Create / });
    const name = ((await next.textContent()) ?? '').replace('Create', '').trim();
    expect(name).toMatch(/^\d{4}-Q[1-4]$/);
    await next.click();
    await main().getByText(`${name} is created.`).waitFor();

    const created = main().getByRole('listitem', { name });
    await created.getByRole('button', { name: `Change ${name}` }).click();
    const lastDay = created.getByLabel('Last day');
    const endsOn = await lastDay.inputValue();
    const earlier = new Date(Date.parse(`${endsOn}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await lastDay.fill(earlier);
    await created.getByRole('button', { name: 'Save' }).click();
    await created.getByRole('button', { name: `Change ${name}` }).waitFor();
    const [year, month, day] = earlier.split('-').map(Number);
    const words = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(await created.textContent()).toContain(`to ${words.replace('Sept', 'Sep')}`);

    // The oldest cycle has ended (and has reviews): the API refuses, and the page says why.
    const oldest = main().getByRole('list', { name: 'Cycles' }).getByRole('listitem').last();
    await oldest.getByRole('button', { name: /^Change/ }).click();
    const firstDay = oldest.getByLabel('First day');
    const startsOn = await firstDay.inputValue();
    await firstDay.fill(
      new Date(Date.parse(`${startsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
    );
    await oldest.getByRole('button', { name: 'Save' }).click();
    expect(await oldest.getByRole('alert').textContent()).toMatch(
      /^Its dates can no longer change: /,
    );
    await screenshot(page, 'admin-cycles-refused');
    await expectTidy(page);
  });

  it('demotes an executive and gives each of their initiatives another sponsor', async () => {
    await page.goto('/admin/users');
    const jordan = main().getByRole('listitem', { name: 'Jordan Lee' });
    await jordan.getByRole('combobox', { name: 'Role of Jordan Lee' }).selectOption({
      label: 'Manager',
    });
    await jordan.getByText('Jordan Lee will no longer sponsor initiatives').waitFor();
    await jordan.getByRole('button', { name: 'Change role' }).click();

    const lost = main().getByRole('region', { name: 'Initiatives that need a new sponsor' });
    await lost.waitFor();
    const orphans = lost.getByRole('listitem');
    const count = await orphans.count();
    expect(count).toBeGreaterThan(0);
    await screenshot(page, 'admin-users-sponsorships');
    for (let i = 0; i < count; i += 1) {
      const orphan = orphans.nth(i);
      await orphan.getByRole('combobox').selectOption({ label: 'Erin Executive' });
      await orphan.getByRole('button', { name: 'Make sponsor' }).click();
      await orphan.getByText('✓ Now sponsored by Erin Executive').waitFor();
    }
    await screenshot(page, 'admin-users-sponsorships-resolved');
    await expectTidy(page);
  });

  it('finds the demotion in the audit trail, before and after in words', async () => {
    await page.goto('/admin/audit');
    await main()
      .getByRole('combobox', { name: 'Kind of record' })
      .selectOption({ label: 'Person' });
    await main().getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Changed' });
    await main().getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Alex Admin' });
    const event = main()
      .getByRole('list', { name: 'Audit events' })
      .getByRole('listitem')
      .filter({ hasText: 'changed the person “Jordan Lee”' })
      .first();
    await event.waitFor();
    const row = event.getByRole('row', { name: /^Role/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Executive', 'Manager']);

    await event.getByRole('button', { name: 'History of this person' }).click();
    await main().getByText('Showing the history of the person “Jordan Lee”.').waitFor();
    await screenshot(page, 'admin-audit');
    await expectTidy(page);
  });

  it('shows the administration pages on a phone without sideways scrolling', async () => {
    const phone = await (await openContext(browser, PHONE)).newPage();
    await signIn(phone, 'admin');
    for (const [path, shot] of [
      ['/admin', 'admin-landing-phone'],
      ['/admin/users', 'admin-users-phone'],
      ['/admin/cycles', 'admin-cycles-phone'],
      ['/admin/audit', 'admin-audit-phone'],
      ['/profile', 'profile-phone'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await expectTidy(phone);
      await screenshot(phone, shot);
    }
    await phone.context().close();
  });

  it('keeps the navigation on a page that does not exist', async () => {
    await page.goto('/admin/no-such-section-at-all');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    // The navigation loads apart from the page (@defer), a moment after it.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto('/no-such-place');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to Portfolio' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('makes an API token on the profile, shows its secret once, and revokes it', async () => {
    await page.getByRole('banner').locator('button[popovertarget="user-menu"]').click();
    await page.getByRole('link', { name: 'Profile and API tokens' }).click();
    await page.waitForURL('**/profile');
    await main().getByRole('textbox', { name: 'What it is for' }).fill('Weekly export');
    await main().getByRole('button', { name: 'Create token' }).click();
    await main().getByText('Copy it now: it is shown only once.', { exact: false }).waitFor();
    const secret = (await main().locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^wpt_/);
    // The list shows the new token's first characters too ("Starts with wpt_KN3zS-").
    const listed =
      (await main()
        .getByText(/Starts with wpt_/)
        .first()
        .textContent()) ?? '';
    const prefix = /Starts with (\S+)/.exec(listed)?.[1] ?? '';
    expect(prefix.length).toBeGreaterThan('wpt_'.length);
    expect(secret.startsWith(prefix)).toBe(true);
    await screenshot(page, 'profile-token-created');
    await expectTidy(page, [secret, prefix]);
    await main().getByRole('button', { name: 'I have copied it' }).click();
    const token = main().getByRole('list', { name: 'Your tokens' }).getByRole('listitem', {
      name: undefined,
    });
    await token
      .filter({ hasText: 'Weekly export' })
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await main().getByRole('button', { name: 'Yes, revoke' }).click();
    await main().getByText('You have no API token.').waitFor();
  });

  it('the executive sees the bell count rise when a gate is submitted, opens it from the bell and decides with a condition', async () => {
    const executive = await (await openContext(browser)).newPage();
    await signIn(executive, 'executive');
    const bell = executive.getByRole('banner').getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    await pageAtRest(executive);
    const unread = async (): Promise<number> => {
      const label = (await bell.getAttribute('aria-label')) ?? '';
      return /none unread/.test(label) ? 0 : Number(/(\d+) unread/.exec(label)?.[1] ?? NaN);
    };
    const before = await unread();
    const approvals = executive
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Approvals/ });
    const waitingBefore = (await approvals.textContent()) ?? '';

    const gate = await createSubmittedGate(browser, `Bell test ${stamp}`);
    await executive.waitForFunction(
      ([expected]) =>
        document
          .querySelector('[data-testid="bell"]')
          ?.getAttribute('aria-label')
          ?.includes(`${expected} unread`) ?? false,
      [before + 1],
      { timeout: 15_000 },
    );
    expect(await unread()).toBe(before + 1);
    expect(await approvals.textContent()).not.toBe(waitingBefore);

    await bell.click();
    const panel = executive.getByRole('dialog', { name: 'Notifications' });
    const item = panel.getByRole('button', {
      name: new RegExp(`Gate waiting for your decision: ${gate.milestoneTitle}`),
    });
    await item.first().waitFor();
    await screenshot(executive, 'bell-open');
    expect(await seriousA11yViolations(executive)).toEqual([]);
    await item.first().click();
    await executive.waitForURL(`**/approvals/${gate.milestoneId}`);
    await executive.waitForFunction(
      ([expected]) =>
        document
          .querySelector('[data-testid="bell"]')
          ?.getAttribute('aria-label')
          ?.includes(expected === 0 ? 'none unread' : `${expected} unread`) ?? false,
      [before],
    );

    // Decided where the bell led: go with a condition, with a rationale.
    await executive.getByRole('heading', { level: 1, name: gate.milestoneTitle }).waitFor();
    await executive.getByRole('radio', { name: /^Go with conditions/ }).check();
    await executive.getByRole('button', { name: 'Add a condition' }).click();
    await executive.getByRole('textbox', { name: 'Condition 1' }).fill(BELL_CONDITION);
    await executive
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('The problem is stated; the script must reach the branches first.');
    await executive.getByRole('button', { name: 'Record the decision' }).click();
    const recorded = executive.getByRole('status').filter({ hasText: 'Decision recorded' });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('Go with conditions');
    await screenshot(executive, 'bell-gate-decided');
    await executive.context().close();
  });

  it('finds the decision in the audit trail, in words', async () => {
    await page.goto('/admin/audit');
    await main()
      .getByRole('combobox', { name: 'Kind of record' })
      .selectOption({ label: 'Milestone' });
    await main().getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Decided' });
    await main()
      .getByRole('combobox', { name: 'Person' })
      .selectOption({ label: 'Erin Executive' });
    const event = main()
      .getByRole('list', { name: 'Audit events' })
      .getByRole('listitem')
      .filter({
        hasText: /Erin Executive decided the milestone “Define” from Submitted to Approved/,
      })
      .first();
    await event.waitFor();
    const outcome = event.getByRole('row', { name: /^Outcome/ });
    expect((await outcome.getByRole('cell').allTextContents()).at(-1)).toBe('Go with conditions');
    await screenshot(page, 'admin-audit-decision');
    await expectTidy(page);
  });

  it('the executive accepts a plan from Approvals and sends another back with a reason the team reads', async () => {
    const manager = await apiSession(browser, 'manager');
    const sponsor = await apiSession(browser, 'executive');
    const propose = async (title: string): Promise<void> => {
      const headers = { Origin: server().baseUrl };
      const created = await manager.request.post('/api/initiatives', {
        data: { title, template: 'dmaic', sponsorId: sponsor.user.id },
        headers: { ...headers, 'Idempotency-Key': randomUUID() },
      });
      const { id, version } = (await created.json()) as { id: string; version: number };
      const moved = await manager.request.post(`/api/initiatives/${id}/transitions`, {
        data: { to: 'proposed' },
        headers: { ...headers, 'If-Match': `"${version}"` },
      });
      expect(moved.status()).toBe(200);
    };
    await propose(`Accept me ${stamp}`);
    await propose(`Rework me ${stamp}`);
    await sponsor.close();

    const executive = await (await openContext(browser)).newPage();
    await signIn(executive, 'executive');
    await executive.goto('/approvals');
    const plans = executive.getByRole('list', { name: 'Plans waiting for your acceptance' });
    const accept = plans.getByRole('listitem').filter({ hasText: `Accept me ${stamp}` });
    await accept.getByText(/waiting for\s+(less than an hour|\d+ hours?|\d+ days)\s*$/).waitFor();
    await screenshot(executive, 'approvals-plans-waiting');
    expect(await seriousA11yViolations(executive)).toEqual([]);
    await accept.getByRole('button', { name: 'Accept and start' }).click();
    await executive.getByText(`Accept me ${stamp} is accepted and started.`).waitFor();

    const rework = plans.getByRole('listitem').filter({ hasText: `Rework me ${stamp}` });
    await rework.getByRole('button', { name: 'Send back for rework' }).click();
    const send = rework.getByRole('button', { name: 'Send back', exact: true });
    expect(await send.isDisabled()).toBe(true);
    await rework
      .getByRole('textbox', { name: 'What should the team rework?' })
      .fill('Add a counter-measure for the cost per contact.');
    await screenshot(executive, 'approvals-send-back');
    await send.click();
    await executive.getByText(`Rework me ${stamp} is sent back to Morgan Manager`).waitFor();
    await executive.context().close();
    await manager.close();

    // The team reads the answer and the reason in the app, from the bell.
    const owner = await (await openContext(browser)).newPage();
    await signIn(owner, 'manager');
    await owner
      .getByRole('banner')
      .getByRole('button', { name: /^Notifications/ })
      .click();
    const panel = owner.getByRole('dialog', { name: 'Notifications' });
    await panel
      .getByRole('button', { name: new RegExp(`^(Unread: )?Plan accepted: Accept me ${stamp}`) })
      .waitFor();
    const sentBack = panel.getByRole('button', {
      name: new RegExp(`^(Unread: )?Plan sent back for rework: Rework me ${stamp}`),
    });
    await sentBack.waitFor();
    expect(await sentBack.textContent()).toContain(
      'Reason: Add a counter-measure for the cost per contact.',
    );
    await screenshot(owner, 'bell-plan-sent-back');
    await owner.context().close();
  });

  it('logged no console errors but the one refusal it provoked', () => {
    // Chromium logs every 4xx answer: the refused change of an ended cycle is the only one.
    expect(consoleErrors).toEqual([
      expect.stringMatching(/Failed to load resource: the server responded with a status of 422/),
    ]);
  });
});
