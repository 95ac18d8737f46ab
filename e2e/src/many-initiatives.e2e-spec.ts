import type { APIRequestContext, APIResponse, Browser, Page } from 'playwright-core';
import { signIn } from './support/auth';
import {
  launch,
  openContext,
  pageAtRest,
  PHONE,
  screenshot,
  seriousA11yViolations,
  server,
  sidewaysScroll,
  WIDE,
} from './support/browser';
import { apiSession, type ApiSession } from './support/gates';

/**
 * My work, KPI review and Customer groups with 300 initiatives more than the demo: each place
 * reads a list endpoint page by page (never once per initiative), and what belongs to the 250th
 * initiative is there after "Show more", at desktop and phone widths.
 */

const COUNT = 300;
/** A place with hundreds of rows, clicked through page by page on a shared machine. */
const PLACE_TIMEOUT = 240_000;
const label = (i: number): string => String(i).padStart(3, '0');

interface Paged<T> {
  items: T[];
  total: number;
}

async function body<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POST with the site's Origin, as a browser would send it. */
async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, {
    data,
    headers: { Origin: server().baseUrl },
  });
  return body<T>(response, `POST ${path}`);
}

/** Initiative n: a draft the demo manager owns with the demo member on the team, aimed at the group. */
async function seedInitiative(
  manager: ApiSession,
  memberId: string,
  groupId: string,
  n: number,
): Promise<void> {
  const { request } = manager;
  const initiative = await post<{ id: string }>(request, '/api/initiatives', {
    title: `Bulk initiative ${label(n)}`,
    approach: 'engineering',
    teamIds: [memberId],
    customerGroupIds: [groupId],
  });
  const milestone = await post<{ id: string }>(
    request,
    `/api/initiatives/${initiative.id}/milestones`,
    {
      title: `Bulk milestone ${label(n)}`,
      goal: 'Show that the lists hold many initiatives.',
      criteria: [{ label: 'Seen on every list' }],
      measureIds: [],
    },
  );
  await post(request, `/api/milestones/${milestone.id}/steps`, {
    title: `Bulk step ${label(n)}`,
    assigneeId: memberId,
  });
  await post(request, `/api/initiatives/${initiative.id}/measures`, {
    name: `Bulk measure ${label(n)}`,
    unit: 'min',
    perspective: 'customer',
    direction: 'lower_is_better',
    baseline: 40,
    target: 20,
    cadence: 'monthly',
    kpiClass: n % 3 === 1 ? 'customer_toxic' : 'customer_centric',
    customerGroupId: groupId,
    recorderId: memberId,
  });
}

/** The API requests a page makes, to show that none of them is per initiative. */
function recordApiRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/events') {
      paths.push(`${request.method()} ${url.pathname}${url.search}`);
    }
  });
  return paths;
}

const PER_INITIATIVE =
  /^GET \/api\/(initiatives\/[^/?]+\/(measures|milestones)|milestones\/[^/?]+\/steps)/;

/** The reads of the three places (the shell's own requests left aside). */
const READS = /^GET \/api\/(measures|steps|portfolio|initiatives|customer-groups)\b/;
/** The navigation's count of plans waiting for my acceptance: the shell's, not the place's. */
const PLANS_WAITING_COUNT = /^GET \/api\/initiatives\?status=proposed&sponsorId=[^&]+&limit=1$/;
const isPlaceRead = (request: string): boolean =>
  READS.test(request) && !PLANS_WAITING_COUNT.test(request);

/**
 * Clicks "Show N more <noun>" in `scope` until `target` shows, and answers how many clicks it took.
 */
async function showMoreUntil(
  page: Page,
  scope: string,
  noun: string,
  target: ReturnType<Page['getByText']>,
): Promise<number> {
  for (let clicks = 0; clicks < 12; clicks++) {
    if ((await target.count()) > 0) return clicks;
    const more = page
      .locator(scope)
      .getByRole('button', { name: new RegExp(`^Show \\d+ more ${noun}$`) });
    const before = await page.locator(`${scope} li`).count();
    await more.click();
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(`${selector} li`).length > count,
      [scope, before] as const,
    );
  }
  throw new Error(`"${noun}": the target never showed`);
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return sidewaysScroll(page);
}

describe('the lists with 300 initiatives more', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
    const manager = await apiSession(browser, 'manager');
    const member = await apiSession(browser, 'member');
    const groups = await body<Paged<{ id: string; name: string }>>(
      await manager.request.get('/api/customer-groups?limit=200'),
      'customer groups',
    );
    const loyal = groups.items.find((g) => g.name === 'Loyal families');
    if (!loyal) throw new Error('the demo has no "Loyal families" group');
    // Four at a time: the server is shared with the other browser spec running beside this one.
    const numbers = Array.from({ length: COUNT }, (_, i) => i + 1);
    for (let i = 0; i < numbers.length; i += 4) {
      await Promise.all(
        numbers.slice(i, i + 4).map((n) => seedInitiative(manager, member.user.id, loyal.id, n)),
      );
    }
    await member.close();
    await manager.close();
  }, 600_000);

  afterAll(async () => {
    await browser.close();
  });

  describe.each([
    { size: 'desktop', viewport: WIDE },
    { size: 'phone', viewport: PHONE },
  ])('at $size width', ({ size, viewport }) => {
    it(
      'My work shows the member the step and the measure of the 250th initiative',
      async () => {
        const context = await openContext(browser, viewport);
        const page = await context.newPage();
        await signIn(page, 'member');
        // The member lands on My work: let that first load finish before counting requests.
        await pageAtRest(page);
        const requests = recordApiRequests(page);
        await page.goto('/my-work');
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        await page.locator('.step-list').waitFor();
        await page.getByRole('heading', { name: /^My steps \(\d+\)$/ }).waitFor();
        await pageAtRest(page);
        await screenshot(page, `many-my-work-${size}-top`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        const stepsHeading = await page.getByRole('heading', { name: /^My steps/ }).textContent();
        expect(Number(/\((\d+)\)/.exec(stepsHeading ?? '')?.[1])).toBeGreaterThan(COUNT);

        const step = page.locator('.step-list').getByRole('heading', { name: 'Bulk step 250' });
        // Page by page (50 a page): the 250th initiative's step is beyond the fourth page.
        const clicks = await showMoreUntil(
          page,
          '.my-work__section:has(.step-list)',
          'steps',
          step,
        );
        expect(clicks).toBeGreaterThanOrEqual(4);
        await step.waitFor();
        const measure = page
          .locator('.measure-list')
          .getByRole('heading', { name: 'Bulk measure 250' });
        await showMoreUntil(page, '.my-work__section:has(.measure-list)', 'measures', measure);
        await measure.waitFor();

        expect(requests.filter((r) => PER_INITIATIVE.test(r))).toEqual([]);
        // One request for the first page of my steps and one per "Show more".
        expect(requests.filter((r) => r.startsWith('GET /api/steps?')).length).toBe(clicks + 1);
        expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
        await step.scrollIntoViewIfNeeded();
        await pageAtRest(page);
        await screenshot(page, `many-my-work-${size}-step-250`);
        await context.close();
      },
      PLACE_TIMEOUT,
    );

    it(
      'KPI review lists every measure, by class, page by page',
      async () => {
        const context = await openContext(browser, viewport);
        const page = await context.newPage();
        await signIn(page, 'executive');
        await pageAtRest(page);
        const requests = recordApiRequests(page);
        await page.goto('/kpi-review');
        await page.getByRole('heading', { level: 1, name: 'KPI review' }).waitFor();
        await page.getByRole('heading', { name: /^All measures \(\d+\)$/ }).waitFor();
        await pageAtRest(page);
        // Two requests for the place, whatever the number of initiatives.
        expect(requests.filter(isPlaceRead).sort()).toEqual([
          'GET /api/measures?sort=initiative&limit=50&offset=0',
          'GET /api/portfolio/summary',
        ]);

        await screenshot(page, `many-kpi-review-${size}-top`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        // Customer-toxic: every third bulk measure (1, 4, …, 250, …: 100 of them) and the demo's.
        await page.getByRole('combobox', { name: 'KPI class' }).click();
        await page.getByRole('option', { name: /^Customer-toxic/ }).click();
        await page.getByRole('heading', { name: /^Customer-toxic measures \(\d+\)$/ }).waitFor();
        const heading = await page
          .getByRole('heading', { name: /^Customer-toxic measures/ })
          .textContent();
        expect(Number(/\((\d+)\)/.exec(heading ?? '')?.[1])).toBeGreaterThanOrEqual(100);
        const row = page.locator('.kpi__list').getByText('Bulk measure 250', { exact: true });
        await showMoreUntil(page, 'section[aria-labelledby="kpi-measures"]', 'measures', row);
        await row.waitFor();
        const line = page.locator('.kpi__row').filter({ hasText: 'Bulk measure 250' });
        expect(await line.getByRole('link', { name: 'Bulk initiative 250' }).count()).toBe(1);

        expect(requests.filter((r) => PER_INITIATIVE.test(r))).toEqual([]);
        expect(await page.getByText('Worsening', { exact: true }).count()).toBe(0);
        expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
        await line.scrollIntoViewIfNeeded();
        await pageAtRest(page);
        await screenshot(page, `many-kpi-review-${size}-measure-250`);
        await context.close();
      },
      PLACE_TIMEOUT,
    );

    it(
      'Customer groups shows the 250th initiative and its measure under Loyal families',
      async () => {
        const context = await openContext(browser, viewport);
        const page = await context.newPage();
        await signIn(page, 'executive');
        await pageAtRest(page);
        const requests = recordApiRequests(page);
        await page.goto('/customer-groups');
        await page.getByRole('heading', { level: 1, name: 'Customer groups' }).waitFor();
        await page.getByRole('button', { name: /^Loyal families/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Loyal families' }).waitFor();
        await page.getByRole('heading', { name: /^Initiatives aimed at it \(\d+\)$/ }).waitFor();
        await page.getByRole('heading', { name: /^Measures aimed at it \(\d+\)$/ }).waitFor();
        await pageAtRest(page);
        await screenshot(page, `many-customer-groups-${size}-top`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        // One request for the groups, one each for the chosen group's initiatives and measures.
        expect(requests.filter(isPlaceRead).map((r) => r.split('?')[0])).toEqual(
          expect.arrayContaining([
            'GET /api/customer-groups',
            'GET /api/initiatives',
            'GET /api/measures',
          ]),
        );
        expect(requests.filter(isPlaceRead).length).toBeLessThanOrEqual(5);

        const section = 'section.group';
        const initiative = page
          .locator(section)
          .locator('.group__list')
          .first()
          .getByRole('link', { name: 'Bulk initiative 250', exact: true });
        await showMoreUntil(
          page,
          `${section} .group__columns > div:first-child`,
          'initiatives',
          initiative,
        );
        await initiative.waitFor();
        const measure = page.locator(section).getByText(/^\s*Bulk measure 250/);
        await showMoreUntil(
          page,
          `${section} .group__columns > div:last-child`,
          'measures',
          measure,
        );
        await measure.first().waitFor();

        expect(requests.filter((r) => PER_INITIATIVE.test(r))).toEqual([]);
        expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
        await measure.first().scrollIntoViewIfNeeded();
        await pageAtRest(page);
        await screenshot(page, `many-customer-groups-${size}-measure-250`);
        await context.close();
      },
      PLACE_TIMEOUT,
    );
  });
});
