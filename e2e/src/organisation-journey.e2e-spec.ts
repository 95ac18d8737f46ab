import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  type Viewport,
  WIDE,
} from './support/browser';
import { apiSession, createSubmittedGate, type SubmittedGate } from './support/gates';
import { testOidcProvider } from './support/oidc-provider';

/**
 * Issue 19's journey, in one file: the organisation's identity provider, its spreadsheets and its
 * mail server. People sign in through a real OpenID provider (oidc-provider, started beside the
 * app); the member imports a spreadsheet of readings with one bad row (previewed, left out,
 * explained) and signs out of both; the manager submits a gate and the executive finds its email
 * in a real SMTP server (smtp-server, beside the app) with a link that opens the gate. Then what
 * else email offers: choices on the profile, the unsubscribe link, a stale measure's link.
 */
const ORGANISATION = 'Harbour Lane Retail';
const PROVIDER = 'Acme Login';

let smtp: SmtpCatcher;
withAppServices(async () => {
  const provider = await testOidcProvider(
    {
      mika: { email: demoEmail('member'), name: 'Mika', groups: ['waypoint-members'] },
      morgan: { email: demoEmail('manager'), name: 'Morgan', groups: ['waypoint-managers'] },
      erin: { email: demoEmail('executive'), name: 'Erin', groups: ['waypoint-executives'] },
    },
    {
      SSO_PROVIDER_NAME: PROVIDER,
      SSO_ROLE_MAPPING:
        'waypoint-members=member,waypoint-managers=manager,waypoint-executives=executive',
    },
  );
  smtp = await startSmtpCatcher();
  return {
    env: {
      ...provider.env,
      ...smtp.env,
      ORGANISATION_NAME: ORGANISATION,
      OUTBOX_POLL_MS: '200',
    },
    stop: async () => {
      await smtp.close();
      await provider.stop();
    },
  };
});

const FILE = join(mkdtempSync(join(tmpdir(), 'wp-import-')), 'readings-november.csv');
writeFileSync(
  FILE,
  [
    'Measure,Observed date,Value,Note,Evidence link',
    'Cost per contact,2026-11-02,5.63,From the finance report,https://example.test/finance/nov',
    'First-contact resolution,2026-11-02,69.4,,',
    'Cost per contact,2026-11-09,lots,,',
  ].join('\n'),
);

/** On the sign-in page: through the provider as `login`, back in the app where it was going. */
async function throughProvider(page: Page, login: string): Promise<void> {
  await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
  await page.getByLabel('Username').fill(login);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/interaction') && !url.pathname.startsWith('/sign-in'),
  );
}

async function signInWithProvider(page: Page, shot?: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).waitFor();
  if (shot) {
    await screenshot(page, shot);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }
  await throughProvider(page, 'mika');
  await page.waitForURL('**/my-work');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
}

async function previewFile(page: Page): Promise<void> {
  await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(FILE);
  await page.getByRole('heading', { name: '3. Check the rows' }).waitFor();
}

describe('signed in through the provider: a spreadsheet of readings, and the email of a gate', () => {
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

  describe.each<[string, Viewport]>([
    ['wide', WIDE],
    ['phone', PHONE],
  ])('on a %s screen', (size, viewport) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await openContext(browser, viewport);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    it('signs in through the organisation’s provider, as the account with that email', async () => {
      await signInWithProvider(page, `sso-sign-in-${size}`);
      const userButton = page.getByRole('banner').locator('button[popovertarget="user-menu"]');
      expect(await userButton.textContent()).toContain('Member');
    });

    it('previews the spreadsheet row by row and names the bad row’s problem', async () => {
      await page.getByRole('link', { name: 'Import readings from a spreadsheet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import readings' }).waitFor();
      await previewFile(page);
      const summary = page.locator('.import__summary');
      if (size === 'wide') {
        expect(await summary.textContent()).toContain(
          '3 rows: 2 readings ready to import, 1 row with problems (left out).',
        );
        const rows = page.locator('.import__table tbody tr');
        expect(await rows.count()).toBe(3);
        expect(await rows.nth(0).textContent()).toContain('Ready');
        expect(await rows.nth(0).textContent()).toContain('2 Nov 2026');
        expect(await rows.nth(2).textContent()).toContain('The value "lots" is not a number.');
        expect(await page.getByRole('combobox', { name: 'Measure' }).inputValue()).toBe('Measure');
      } else {
        // Imported on the wide screen already: the same file adds nothing.
        await page.getByText('This file was already imported on').waitFor();
        expect(await page.getByRole('button', { name: 'Import 0 readings' }).isDisabled()).toBe(
          true,
        );
        // The table scrolls inside its box, not the page.
        expect(await sidewaysScroll(page)).toBe(0);
        const table = await page.evaluate(() => {
          const wrap = document.querySelector('.import__table-wrap');
          return wrap ? wrap.scrollWidth > wrap.clientWidth : false;
        });
        expect(table).toBe(true);
      }
      await screenshot(page, `import-preview-${size}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    if (size === 'wide') {
      it('imports the two good rows and says the bad one was left out', async () => {
        await page.getByRole('button', { name: 'Import 2 readings' }).click();
        const result = page.locator('.import__result');
        await result.getByText('2 readings imported.').waitFor();
        expect(await result.textContent()).toContain(
          '1 row was left out: each is listed above with its problem.',
        );
        await screenshot(page, `import-result-${size}`);
        // The readings are there: My work shows the new latest value of cost per contact.
        await page.getByRole('link', { name: 'Back to my work' }).click();
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        await page.getByText('5.63').first().waitFor();
      });

      it('signs out of Waypoint and of the provider, back to the sign-in page', async () => {
        await page.getByRole('banner').locator('button[popovertarget="user-menu"]').click();
        await page.locator('#user-menu').getByRole('button', { name: 'Sign out' }).click();
        // The provider asks to confirm its own sign-out, then sends the browser back.
        await page.getByRole('button', { name: /sign me out/i }).click();
        await page.waitForURL('**/sign-in');
        await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).waitFor();
        await page.goto('/my-work');
        await page.waitForURL('**/sign-in?returnUrl=%2Fmy-work');
        // Signing in again means the provider's sign-in page again: its session ended too.
        await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
        await page.getByLabel('Username').waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
      });
    }
  });

  describe('the email of a submitted gate', () => {
    it('the manager, signed in through the provider, submits the gate in the page', async () => {
      const context = await openContext(browser);
      const manager = await context.newPage();
      await manager.goto('/sign-in');
      await throughProvider(manager, 'morgan');
      await manager.goto(`/initiatives/${gate.initiativeId}`);
      await manager.getByRole('button', { name: 'Submit for decision' }).click();
      const state = manager.locator('.state', { hasText: 'Submitted' }).first();
      await state.waitFor();
      expect(await state.textContent()).toContain('Submitted');
      await context.close();
    });

    it('the executive finds its email in the mail server, and its link opens the gate', async () => {
      mail = await smtp.waitFor(
        (m) => m.to.includes(demoEmail('executive')) && m.text.includes(gate.initiativeTitle),
      );
      expect(mail.subject).toBe(
        `[${ORGANISATION}] Gate waiting for your decision: ${gate.milestoneTitle}`,
      );
      expect(mail.html).toContain(`${ORGANISATION} · Waypoint`);
      const link = linksOf(mail.html)[0] ?? '';
      expect(new URL(link).pathname).toBe(`/approvals/${gate.milestoneId}`);

      // Followed from the mailbox, not signed in yet: through the provider, then the gate opens.
      const executive = await pageAs(null);
      await executive.goto(link);
      await executive.getByRole('link', { name: `Sign in with ${PROVIDER}` }).waitFor();
      await throughProvider(executive, 'erin');
      await executive.waitForURL(`**/approvals/${gate.milestoneId}`);
      await executive.getByRole('heading', { level: 1, name: gate.milestoneTitle }).waitFor();
      await screenshot(executive, 'email-gate-opened');
      await executive.context().close();
    });
  });

  describe('what else email offers', () => {
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
});
