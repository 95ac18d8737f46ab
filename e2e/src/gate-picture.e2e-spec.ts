import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  WIDE,
} from './support/browser';

const DEMO_GATE = 'Call-backs instead of queueing / Measure';

/** Visible text of a locator with its white space folded. */
const words = async (locator: { textContent(): Promise<string | null> }): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

// Issue 15: the executive opens the demo's waiting gate and sees the whole picture, at both sizes.
describe('The gate page shows the whole picture', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function openDemoGate(page: Page): Promise<void> {
    await page.goto('/approvals');
    await page.getByRole('link', { name: DEMO_GATE }).click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Measure' }).waitFor();
  }

  for (const [size, viewport] of [
    ['wide', WIDE],
    ['phone', PHONE],
  ] as const) {
    it(`shows note, value, every measure, alerts, decisions and comments (${size})`, async () => {
      const page = await (await openContext(browser, viewport)).newPage();
      await signIn(page, 'executive');
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      await openDemoGate(page);

      // It has waited days, as the demo's story says (submitted four days before the load).
      const meta = await words(page.locator('.wp-gate__meta'));
      expect(meta).toMatch(/Submitted by Morgan Manager on \d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(meta).toMatch(/waiting for [3-9] days/);

      // The submission note.
      const note = page.getByRole('region', { name: "The submitter's note" });
      expect(await words(note)).toContain('Waiting at peak is down to 22 minutes');

      // The initiative's indices now and their change over the current cycle, in %.
      const value = page.getByRole('region', { name: 'Value for customers and for the business' });
      await value.locator('.wp-indices').waitFor();
      const valueText = await words(value);
      expect(valueText).toMatch(/Customer value now\s*-?\d+%/);
      expect(valueText).toMatch(/Business value now\s*-?\d+%/);
      expect(valueText).toMatch(/([+-]\d+ points?|no change) in \d{4}-Q\d/);

      // Every measure: the two linked first, then cost per contact flagged, money as written.
      const articles = page.locator('wp-gate-measure article');
      await page.getByRole('article', { name: 'Cost per contact' }).waitFor();
      const names = await page.locator('wp-gate-measure h4').allTextContents();
      expect(names.map((n) => n.trim())).toEqual([
        'Average wait at peak',
        'First-contact resolution',
        'Cost per contact',
      ]);
      expect(await articles.count()).toBe(3);
      const cost = await words(page.getByRole('article', { name: 'Cost per contact' }));
      expect(cost).toContain('Not linked by the submitter');
      expect(cost).toMatch(/Baseline\s*£6\.40/);
      expect(cost).toMatch(/Target\s*£5\.20/);
      expect(cost).not.toMatch(/\d £/);
      const wait = await words(page.getByRole('article', { name: 'Average wait at peak' }));
      expect(wait).not.toContain('Not linked');
      expect(wait).toMatch(/Latest reading\s*22 min/);
      expect(await words(page.locator('.wp-gate__evidence > section').nth(2))).toContain(
        "2 of the initiative's 3 measures linked to this gate by the submitter",
      );

      // Open tension alerts of the initiative (none for this one) and the earlier decisions.
      await page.locator('wp-alert-list').waitFor();
      const decisions = page.getByRole('region', { name: 'Earlier decisions' });
      await decisions.waitFor();
      expect(await words(decisions)).toContain('No decision on this milestone yet.');

      // Comments, with who wrote them and where.
      const comments = page.getByRole('region', { name: 'Comments' });
      await comments.locator('.wp-comments__item').first().waitFor();
      const commentText = await words(comments);
      expect(commentText).toContain('Lee Chen');
      expect(commentText).toContain('The Monday numbers include the bank holiday week');
      expect(commentText).toContain('on this gate');

      // Plain words: no code on the page, no sideways scroll, accessible.
      const body = await words(page.locator('main'));
      expect(body).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await page.evaluate(async () => {
        // allSettled: an animation cancelled meanwhile (its element replaced) rejects its `finished`.
        await Promise.allSettled(document.getAnimations().map((a) => a.finished));
      });
      await screenshot(page, `gate-whole-picture-${size}`);
      // The page scrolls inside the shell: look at the measures and the comments too.
      await page.getByRole('article', { name: 'Cost per contact' }).scrollIntoViewIfNeeded();
      await screenshot(page, `gate-whole-picture-${size}-measures`);
      await comments.scrollIntoViewIfNeeded();
      await screenshot(page, `gate-whole-picture-${size}-comments`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.context().close();
    });
  }

  it("shows another initiative's open tension alerts on its gate", async () => {
    // The self-service initiative's gate 1 was decided with conditions; its alerts are open.
    const page = await (await openContext(browser, WIDE)).newPage();
    await signIn(page, 'executive');
    await page.goto('/initiatives');
    await page.getByRole('link', { name: 'Self-service for occasional buyers' }).first().click();
    await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/);
    const initiativeId = page.url().split('/').at(-1) ?? '';
    const milestones = await page.evaluate(async (id) => {
      const res = await fetch(`/api/initiatives/${id}/milestones?limit=10`);
      return ((await res.json()) as { items: Array<{ id: string; position: number }> }).items;
    }, initiativeId);
    const first = milestones.find((m) => m.position === 1);
    await page.goto(`/approvals/${first?.id ?? ''}`);
    await page.getByRole('heading', { level: 1, name: 'Frame the trade-off' }).waitFor();
    const alerts = page.locator('wp-alert-list');
    await alerts.locator('.wp-alert__title').first().waitFor();
    expect(await words(alerts)).toMatch(/Loyal families/);
    const decisions = await words(page.getByRole('region', { name: 'Earlier decisions' }));
    expect(decisions).toContain('Go with conditions by Jordan Lee');
    expect(decisions).toContain('Keep a human route for loyal families in every self-service flow');
    expect(decisions).toContain('(open)');
    const selfServe = await words(
      page.getByRole('article', { name: 'Orders completed without a call' }),
    );
    expect(selfServe).toContain('Not linked by the submitter');
    expect(selfServe).toContain('Counter-measure: Cost to serve per order must not get worse.');
    await screenshot(page, 'gate-decided-with-alerts');
    await page.context().close();
  });

  it('tells a member that a missing initiative does not exist, not that their role forbids it', async () => {
    const page = await (await openContext(browser, WIDE)).newPage();
    await signIn(page, 'member');
    for (const link of [`/initiatives/${randomUUID()}`, '/initiatives/not-an-id']) {
      await page.goto(link);
      await page.getByRole('heading', { name: 'Initiative not found' }).waitFor();
      const main = await words(page.locator('main'));
      expect(main).toContain('There is no such initiative');
      expect(main).not.toMatch(/Not allowed|does not give access/);
      expect(page.url()).not.toContain('/forbidden');
      // The navigation stays.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My work' })
        .waitFor();
    }
    await screenshot(page, 'initiative-not-found-member');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
