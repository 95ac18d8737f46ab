import type { Browser, Page } from 'playwright-core';
import {
  type CaughtEmail,
  linksOf,
  type SmtpCatcher,
  startSmtpCatcher,
} from '../../scripts/testing/smtp-catcher';
import { withAppServices } from './support/app-env';
import { demoEmail, signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
} from './support/browser';
import { apiSession, createSubmittedGate, type SubmittedGate } from './support/gates';

const ORGANISATION = 'Harbour Lane Retail';

// A real SMTP server beside the app, as the organisation's mail server would be.
let smtp: SmtpCatcher;
withAppServices(async () => {
  smtp = await startSmtpCatcher();
  return {
    env: { ...smtp.env, ORGANISATION_NAME: ORGANISATION, OUTBOX_POLL_MS: '200' },
    stop: () => smtp.close(),
  };
});

// A manager submits a gate in the page; the executive's email leads straight to it; a person sets
// what comes by email on the profile; an email's unsubscribe link works without signing in.
describe('Email in Chromium', () => {
  let browser: Browser;
  let gate: SubmittedGate;
  let mail: CaughtEmail;

  beforeAll(async () => {
    browser = await launch();
    gate = await createSubmittedGate(browser, `Email journey ${Date.now()}`, { submit: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  async function pageAs(
    role: 'manager' | 'executive' | 'member' | null,
    phone = false,
  ): Promise<Page> {
    const context = await openContext(browser, phone ? PHONE : undefined);
    const page = await context.newPage();
    if (role) await signIn(page, role);
    return page;
  }

  it('the manager submits the gate; the executive gets an email with a link that opens it', async () => {
    const manager = await pageAs('manager');
    await manager.goto(`/initiatives/${gate.initiativeId}`);
    await manager.getByRole('button', { name: 'Submit for decision' }).click();
    await manager.locator('.state', { hasText: 'Submitted' }).first().waitFor();
    await manager.context().close();

    mail = await smtp.waitFor(
      (m) => m.to.includes(demoEmail('executive')) && m.text.includes(gate.initiativeTitle),
    );
    expect(mail.subject).toBe(
      `[${ORGANISATION}] Gate waiting for your decision: ${gate.milestoneTitle}`,
    );
    expect(mail.html).toContain(`${ORGANISATION} · Waypoint`);
    const link = linksOf(mail.html)[0] ?? '';
    expect(new URL(link).pathname).toBe(`/approvals/${gate.milestoneId}`);

    // Followed from the mailbox, not signed in yet: sign in, then the gate opens.
    const executive = await pageAs(null);
    await executive.goto(link);
    await executive.getByRole('textbox', { name: 'Email' }).waitFor();
    await signIn(executive, 'executive');
    await executive.waitForURL(`**/approvals/${gate.milestoneId}`);
    await executive.getByRole('heading', { level: 1, name: gate.milestoneTitle }).waitFor();
    await executive.context().close();
  });

  it('a person chooses on the profile what comes by email', async () => {
    const page = await pageAs('executive');
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'Notifications' });
    const steps = section.getByRole('combobox', {
      name: 'My steps: assigned or overdue',
    });
    await steps.waitFor();
    expect(await steps.inputValue()).toBe('immediate');
    await steps.selectOption({ label: 'In a daily digest' });
    await section
      .getByRole('combobox', { name: 'Alerts on my initiatives' })
      .selectOption({ label: 'Never' });
    await section.getByRole('button', { name: 'Save notification choices' }).click();
    await section.getByRole('status').getByText('Your notification choices are saved.').waitFor();
    await screenshot(page, 'email-profile-notifications');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.reload();
    await steps.waitFor();
    expect(await steps.inputValue()).toBe('digest');
    await page.context().close();

    const phone = await pageAs('executive', true);
    await phone.goto('/profile');
    await phone
      .getByRole('region', { name: 'Notifications' })
      .getByRole('combobox')
      .first()
      .waitFor();
    expect(await sidewaysScroll(phone)).toBe(0);
    await screenshot(phone, 'email-profile-notifications-phone');
    await phone.context().close();
  });

  it('the unsubscribe link asks first, then stops that kind of email, without signing in', async () => {
    const link = linksOf(mail.html).find((l) => l.includes('/unsubscribe')) ?? '';
    const phone = await pageAs(null, true);
    await phone.goto(link);
    await phone.getByText(`No more emails to ${demoEmail('executive')} about:`).waitFor();
    await phone.getByRole('listitem').getByText('Gates waiting for my decision').waitFor();
    await screenshot(phone, 'email-unsubscribe-phone');
    expect(await sidewaysScroll(phone)).toBe(0);
    await phone.context().close();

    const page = await pageAs(null);
    await page.goto(link);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page
      .getByRole('status')
      .getByText(`Done: ${demoEmail('executive')} will no longer get these emails.`)
      .waitFor();
    await screenshot(page, 'email-unsubscribe');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();

    const executive = await pageAs('executive');
    await executive.goto('/profile');
    const gates = executive
      .getByRole('region', { name: 'Notifications' })
      .getByRole('combobox', { name: 'Gates waiting for my decision' });
    await gates.waitFor();
    expect(await gates.inputValue()).toBe('never');
    await executive.context().close();
  });

  it("a stale measure's link opens its reading form on My work in one click", async () => {
    // The link of a "reading overdue" email: /my-work?record=<measure id>.
    const member = await apiSession(browser, 'member');
    const mine = (await (
      await member.request.get('/api/measures?recorderId=me&limit=1')
    ).json()) as { items: Array<{ id: string; name: string }> };
    await member.close();
    const measure = mine.items[0];
    if (!measure) throw new Error('the demo member records no measure');

    const page = await pageAs('member');
    await page.goto(`/my-work?record=${measure.id}`);
    const dialog = page.getByRole('dialog', { name: `Record a reading of ${measure.name}` });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Value/ }).waitFor();
    expect(await dialog.getByRole('heading').first().textContent()).toContain(measure.name);
    await page.context().close();
  });
});
