import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, submitSignIn } from './support/auth';
import {
  elementsPastTheEdge,
  launch,
  openContext,
  pageAtRest,
  PHONE,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  type Viewport,
  WIDE,
} from './support/browser';
import { type Person, person } from './support/people';

const IDEA = 'Text small businesses when their call is next';

/** Signs in a demo account that is not one of the four demo roles (Lee, a second member). */
async function personByEmail(browser: Browser, email: string): Promise<Person> {
  const context = await openContext(browser, WIDE);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await submitSignIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

/** Looks at a place at one size: no sideways scroll, nothing past the edge, no serious axe finding. */
async function looked(page: Page, name: string): Promise<void> {
  await pageAtRest(page);
  await screenshot(page, name);
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await elementsPastTheEdge(page)).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('ideas: from a member to a planned initiative', () => {
  let browser: Browser;
  let mika: Person;
  let lee: Person;
  let morgan: Person;

  beforeAll(async () => {
    browser = await launch();
    mika = await person(browser, 'member');
    lee = await personByEmail(browser, 'lee@waypoint.test');
    morgan = await person(browser, 'manager');
  });
  afterAll(async () => {
    for (const p of [mika, lee, morgan]) await p.context.close();
    await browser.close();
  });

  it('a member submits an idea for a moment of a group’s journey', async () => {
    const page = mika.page;
    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
    await page.getByText('Priority = (customer impact + business value) ÷ effort').waitFor();
    await page.getByRole('button', { name: 'Submit an idea' }).click();
    await page.getByRole('textbox', { name: 'Idea' }).fill(IDEA);
    await page.getByLabel('Customer group').selectOption({ label: 'Small businesses' });
    await page.getByLabel('Moment').selectOption({ label: 'Get help' });
    await page
      .getByRole('textbox', { name: 'The pain' })
      .fill('Small businesses hang up after waiting; nobody calls them back.');
    await page
      .getByRole('textbox', { name: 'Evidence' })
      .fill('Sample of 50 abandoned calls: 21 were small businesses.');
    await page.getByLabel('Customer impact').selectOption('9');
    await page.getByLabel('Business value').selectOption('7');
    await page.getByLabel('Effort').selectOption({ label: 'A few weeks (2 of 5)' });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/ideas') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Submit the idea' }).click();
    expect((await saved).status()).toBe(201);
    await page
      .getByRole('status')
      .filter({ hasText: `"${IDEA}" is in the backlog` })
      .waitFor();
    // The form closed: the thank-you has focus, not the top of the page.
    await page.locator('.ideas__confirmation:focus').waitFor();
    await page.locator('.ideas__list').getByRole('link', { name: IDEA }).waitFor();
    // Counts and estimates read as a person writes them: no "0 "me too"s", no "2 - weeks".
    const item = page.locator('.idea').filter({ hasText: IDEA });
    expect(await item.locator('.idea__meta').innerText()).toMatch(
      /^Customer impact 9 of 10 · business value 7 of 10 · effort: a few weeks \(2 of 5\) · No one else agrees yet · by Mika Member, /,
    );
    expect(await page.locator('.ideas__list').innerText()).not.toMatch(/"me too"s|\d - \w/);
    await looked(page, 'ideas-wide');
    expect(mika.errors).toEqual([]);
  });

  it('another member says "me too" with evidence, once', async () => {
    const page = lee.page;
    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.locator('.ideas__list').getByRole('link', { name: IDEA }).click();
    await page.getByRole('heading', { level: 1, name: IDEA }).waitFor();
    const agree = page.getByRole('main').locator('.idea-page__agree');
    expect(await agree.innerText()).toBe('No one else agrees yet.');
    await page
      .getByRole('textbox', { name: 'Your evidence' })
      .fill('At the branch, three traders asked for a call back this week.');
    await page.getByRole('button', { name: 'Me too' }).click();
    await page.getByRole('status').filter({ hasText: 'your "me too" is counted' }).waitFor();
    await page.getByRole('main').getByText('1 person agrees.').waitFor();
    await page.getByText('You said "me too".').waitFor();
    expect(await page.getByRole('button', { name: 'Me too' }).count()).toBe(0);
    await looked(page, 'idea-detail-wide');
    expect(lee.errors).toEqual([]);
  });

  it('a manager promotes it and plans the initiative from it in the wizard', async () => {
    const page = morgan.page;
    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.locator('.ideas__list').getByRole('link', { name: IDEA }).click();
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    await page.getByRole('link', { name: 'Plan an initiative from this idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan an initiative' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `From the idea ${IDEA}` })
      .waitFor();
    await screenshot(page, 'ideas-wizard-from-idea');
    await page.getByRole('button', { name: 'Next' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.waitFor();
    expect(await title.inputValue()).toBe(IDEA);
    expect(await page.getByRole('textbox', { name: 'Problem' }).inputValue()).toContain(
      'Evidence: Sample of 50 abandoned calls',
    );
    expect(await page.getByRole('checkbox', { name: /Small businesses/ }).isChecked()).toBe(true);
    expect(
      await page.getByRole('spinbutton', { name: /Estimated customer value/ }).inputValue(),
    ).toBe('9');
    await page.getByLabel('Approach').selectOption({ label: 'Consumer insight' });
    await page.getByLabel('Executive sponsor').selectOption({ label: 'Erin Executive · Finance' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /Review/ }).waitFor();
    const created = page.waitForResponse(
      (r) => r.url().includes('/promote') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create initiative' }).click();
    expect((await created).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: IDEA }).waitFor();
    await page.getByRole('tab', { name: /Plan/ }).click();
    await page.getByText(`Planned from the idea ${IDEA}`).waitFor();
    await page.getByText('Small businesses: Get help').waitFor();
    await screenshot(page, 'ideas-initiative-from-idea');
    expect(morgan.errors).toEqual([]);
  });

  it('the submitter sees the idea promoted, and the moments heat map shows it in flight', async () => {
    const page = mika.page;
    await page.goto('/ideas');
    await page.getByRole('button', { name: 'Promoted to an initiative' }).click();
    await page.locator('.ideas__list').getByRole('link', { name: IDEA }).click();
    await page.getByRole('heading', { name: 'Promoted to an initiative' }).waitFor();
    await page.getByRole('link', { name: 'Moments' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Moments' }).waitFor();
    const inFlight = page.getByRole('table').getByRole('link', { name: IDEA });
    await inFlight.waitFor();
    expect(await inFlight.getAttribute('href')).toMatch(/^\/initiatives\//);
    await looked(page, 'moments-wide');
    expect(mika.errors).toEqual([]);
  });

  it.each<[string, Viewport]>([['phone', PHONE]])(
    'Ideas, an idea and Moments fit a %s',
    async (size, viewport) => {
      const small = await openContext(browser, viewport);
      const page = await small.newPage();
      await page.goto('/sign-in');
      await submitSignIn(page, 'member@waypoint.test', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      await page.goto('/ideas');
      await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
      await page.getByRole('link', { name: 'Call me back at a time I choose' }).waitFor();
      await looked(page, `ideas-${size}`);
      await page.getByRole('link', { name: 'Call me back at a time I choose' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Call me back at a time I choose' })
        .waitFor();
      await looked(page, `idea-detail-${size}`);
      await page.goto('/moments');
      await page.getByRole('heading', { level: 1, name: 'Moments' }).waitFor();
      await page.getByRole('main').getByText('Loyal families').first().waitFor();
      // The heat map's groups stack their moments as cards: even gaps, none where a moment is
      // not on a group's journey (8 px between cards, 16 px between groups).
      const gaps = await page.locator('table.heat tbody').evaluate((body) => {
        const visible = (el: Element) => el.getBoundingClientRect().height > 0;
        const rows = Array.from(body.querySelectorAll('tr')).map((row) =>
          Array.from(row.children)
            .filter(visible)
            .map((cell) => cell.getBoundingClientRect()),
        );
        const within = rows.flatMap((cells) =>
          cells.slice(1).map((cell, i) => Math.round(cell.top - (cells[i]?.bottom ?? 0))),
        );
        const boxes = Array.from(body.querySelectorAll('tr')).map((row) =>
          row.getBoundingClientRect(),
        );
        const between = boxes
          .slice(1)
          .map((box, i) => Math.round(box.top - (boxes[i]?.bottom ?? 0)));
        return { within: [...new Set(within)], between: [...new Set(between)] };
      });
      expect(gaps).toEqual({ within: [8], between: [16] });
      await looked(page, `moments-${size}`);
      expect(await page.locator('h1:visible').count()).toBe(1);
      await small.close();
    },
  );
});
