import type { Browser, Page } from 'playwright-core';
import {
  signatureVerifies,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../scripts/testing/webhook-receiver';
import { withAppServices } from './support/app-env';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
} from './support/browser';

// A real HTTP server beside the app, as a Slack or Teams channel's incoming webhook would be.
let receiver: WebhookReceiver;
withAppServices(async () => {
  receiver = await startWebhookReceiver();
  return {
    env: { WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true', OUTBOX_POLL_MS: '200' },
    stop: () => receiver.close(),
  };
});

/**
 * Administration › Webhooks: an admin registers a Slack webhook (the secret shown once), sends a
 * test and reads the delivery log, changes it to Teams, disables it, rotates its secret and
 * deletes it.
 */
describe('Administration › Webhooks in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let secret = '';

  beforeAll(async () => {
    browser = await launch();
    const context = await openContext(browser);
    page = await context.newPage();
    await signIn(page, 'admin');
  });
  afterAll(async () => {
    await browser.close();
  });

  const row = () => page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').first();

  it('is reached from Administration, and refuses an address that is not https', async () => {
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook yet').waitFor();
    await page.getByRole('button', { name: 'New webhook' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Portfolio channel');
    await page.getByRole('textbox', { name: 'Address' }).fill('http://hooks.example.com/x');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page
      .getByRole('alert')
      .getByText('The address must start with https:// (plain http:// only to this machine).')
      .waitFor();
    expect(await page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').count()).toBe(
      0,
    );
  });

  it('registers a Slack webhook for three kinds of event and shows its secret once', async () => {
    await page.getByRole('textbox', { name: 'Address' }).fill(receiver.url('/slack'));
    await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Slack' });
    await page.getByRole('checkbox', { name: 'Alert raised' }).uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const shown = page.getByRole('region', { name: 'The secret of Portfolio channel' });
    await shown.waitFor();
    secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(await row().textContent()).toContain(
      'Sent: Gate submitted, Gate decided, Initiative status changed',
    );
    await screenshot(page, 'webhooks-created');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    await row().waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);
  });

  it('sends a test, signed, and the delivery log shows it', async () => {
    await row()
      .getByRole('button', { name: /^Send test/ })
      .click();
    await row().getByText('Test delivered: the address answered 200.').waitFor();
    const [request] = await receiver.waitFor((r) => r.path === '/slack');
    if (!request) throw new Error('no test arrived');
    expect(signatureVerifies(request, secret)).toBe(true);
    expect(String(request.body['text'])).toContain('A test of the webhook “Portfolio channel”');

    await row()
      .getByRole('button', { name: /^Delivery log/ })
      .click();
    const log = page.getByRole('region', { name: 'Delivery log of Portfolio channel' });
    const line = log.getByRole('listitem').first();
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Test\s*Delivered/);
    expect(await line.textContent()).toContain('1 attempt · the address answered 200');
    await screenshot(page, 'webhooks-delivery-log');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits a phone: no sideways scroll', async () => {
    const context = await openContext(browser, PHONE);
    const phone = await context.newPage();
    await signIn(phone, 'admin');
    await phone.goto('/admin/webhooks');
    await phone.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').first().waitFor();
    await phone
      .getByRole('button', { name: /^Delivery log/ })
      .first()
      .click();
    await phone
      .getByRole('region', { name: /^Delivery log of/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    expect(await sidewaysScroll(phone)).toBe(0);
    await screenshot(phone, 'webhooks-phone');
    await context.close();
  });

  it('changes the format to Teams, disables it, and rotates its secret', async () => {
    await row().getByRole('button', { name: /^Edit/ }).click();
    await row()
      .getByRole('combobox', { name: 'Format' })
      .selectOption({ label: 'Microsoft Teams' });
    await row().getByRole('button', { name: 'Save changes' }).click();
    await row().getByText('Microsoft Teams', { exact: true }).waitFor();

    await row()
      .getByRole('button', { name: /^Disable/ })
      .click();
    await row().getByText('Disabled', { exact: true }).waitFor();
    await row()
      .getByRole('button', { name: /^Enable/ })
      .waitFor();

    await row()
      .getByRole('button', { name: /^New secret/ })
      .click();
    const shown = page.getByRole('region', { name: 'The secret of Portfolio channel' });
    await shown.waitFor();
    const rotated = (await shown.locator('code').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
  });

  it('deletes it after asking', async () => {
    await row()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await row().getByText('Delete it and its delivery log? Nothing waiting is sent.').waitFor();
    await row().getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('status').getByText('Portfolio channel is deleted.').waitFor();
    await page.getByText('No webhook yet').waitFor();
    expect(await page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').count()).toBe(
      0,
    );
  });
});
