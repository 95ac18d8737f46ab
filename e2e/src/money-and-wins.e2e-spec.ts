import type { Browser } from 'playwright-core';
import { launch, pageAtRest, screenshot } from './support/browser';
import { openInitiative, person, type Person, shotsAtBothSizes, showTab } from './support/people';

/**
 * Show the money and wins (issue 17) with the demo: an executive sees expected against realised
 * money on the portfolio (by cycle, road and department, and payback), the owner of a completed
 * initiative publishes its win, and a member sees it on Wins and opens its note for customers.
 */
describe('money and wins in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an executive sees expected against realised money on the portfolio', async () => {
    const executive: Person = await person(browser, 'executive');
    const { page } = executive;
    await page.goto('/portfolio');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const money = page.getByRole('region', { name: /^Money/ });
    await money.getByText('Realised so far').waitFor();
    // The demo's realised money is in pounds, as the locale writes them.
    expect(await money.getByTestId('money-realised').textContent()).toMatch(/^£[\d,]+$/);
    const roads = money.getByTestId('money-roads');
    for (const road of ['Engineering', 'Consumer insight', 'Competing values']) {
      await roads.getByRole('rowheader', { name: new RegExp(`^${road}`) }).waitFor();
    }
    const payback = money.getByTestId('money-payback');
    await payback.getByRole('link', { name: 'Bills customers can read' }).waitFor();
    expect(await payback.textContent()).toMatch(/(Paid|Pays) back in [\d.]+ months/);
    await pageAtRest(page);
    await shotsAtBothSizes(page, 'money-portfolio', money);
    expect(executive.errors).toEqual([]);
    await executive.context.close();
  });

  it('a win names the day of its money, and links to the initiative where the money moved on since', async () => {
    const executive = await person(browser, 'executive');
    const { page } = executive;
    await page.goto('/wins');
    const win = page.getByRole('article', { name: 'Bills customers can read' });
    await win
      .getByRole('heading', {
        level: 3,
        name: /^The money on \d{1,2} [A-Z][a-z]{2} \d{4}, when the win was published$/,
      })
      .waitFor();
    // The demo published it weeks ago: realised money and payback have moved on since.
    const now = win.getByTestId('win-money-now');
    const today = (await now.innerText()).trim();
    expect(today).toMatch(
      /^Today: £[\d,]+ realised so far\. (Paid|Pays) back in [\d.]+ months? \(expected [\d.]+ months?\)\. See the money of Bills customers can read\.$/,
    );
    const paybackToday = /(?:Paid|Pays) back in .+?\)/.exec(today)?.[0] ?? 'none';
    expect(await win.getByTestId('win-money').innerText()).not.toContain(paybackToday);
    await shotsAtBothSizes(page, 'money-win-today', win);
    await now.getByRole('link', { name: 'the money of Bills customers can read' }).click();
    const money = page.getByRole('region', { name: 'Money' });
    expect(await money.getByTestId('money-payback').innerText()).toBe(`${paybackToday}.`);
    expect(executive.errors).toEqual([]);
    await executive.context.close();
  });

  it('an owner publishes the win of a completed initiative, and a member sees it on Wins', async () => {
    const owner = await person(browser, 'manager');
    await openInitiative(owner.page, 'Renewal letters in plain words');
    await showTab(owner.page, 'Plan and team');
    const section = owner.page.getByRole('region', { name: 'Money' });
    await section.getByTestId('money-case').waitFor();
    await shotsAtBothSizes(owner.page, 'money-initiative', section);
    await section.getByRole('button', { name: 'Publish the win' }).click();
    const form = owner.page.getByRole('form', { name: 'Publish the win' });
    await form.getByLabel('What we learned').fill('Customers read three lines, not three pages.');
    await form
      .getByLabel('For customers: what you told us')
      .fill('You told us our renewal letters were hard to follow.');
    await form
      .getByLabel('For customers: what we changed')
      .fill('Your renewal letter now says in a few lines what changes for you.');
    await form.getByRole('button', { name: 'Publish the win' }).click();
    await section.getByText("This initiative's win is published").waitFor();
    expect(owner.errors).toEqual([]);
    await owner.context.close();

    const member = await person(browser, 'member');
    const { page } = member;
    await page.goto('/wins');
    await page.getByRole('heading', { level: 1, name: 'Wins' }).waitFor();
    const win = page.getByRole('article', { name: 'Renewal letters in plain words' });
    await win.getByText('Customers read three lines, not three pages.').waitFor();
    expect(await win.getByTestId('win-money').textContent()).toMatch(/£[\d,]+ realised/);
    await page.getByRole('article', { name: 'Bills customers can read' }).waitFor();
    await shotsAtBothSizes(page, 'money-wins');

    await win.getByRole('link', { name: 'The note for customers' }).click();
    const note = page.getByTestId('customer-note');
    await note.getByRole('heading', { level: 1, name: 'Renewal letters in plain words' }).waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('You told us our renewal letters were hard to follow.');
    // No internal figures on the note: no money, no measures, no codes.
    expect(text).not.toMatch(/[£€$]|_|Calls about|per month/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the note' }).isVisible()).toBe(false);
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    await screenshot(page, 'money-customer-note-print');
    await page.emulateMedia({ media: 'screen' });
    await shotsAtBothSizes(page, 'money-customer-note', note);
    expect(member.errors).toEqual([]);
    await member.context.close();
  });
});
