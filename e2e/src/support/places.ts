import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type DemoRole, signIn } from './auth';
import {
  elementsPastTheEdge,
  launch,
  openContext,
  pageAtRest,
  screenshot,
  seriousA11yViolations,
  sidewaysScroll,
  type Viewport,
} from './browser';

/** The demo initiative every role can open (DOMAIN.md's worked example). */
export const DEMO_INITIATIVE = 'Call-backs instead of queueing';

/** One place a person opens: how they get there and the heading that shows it has loaded. */
export interface Place {
  /** Short name, used in the test's title and the screenshot's file name. */
  name: string;
  heading: RegExp;
  open(page: Page): Promise<void>;
}

const at =
  (path: string) =>
  async (page: Page): Promise<void> => {
    await page.goto(path);
  };

/** Opens a link found on another page, as a person would (ids are not known in advance). */
const through =
  (path: string, link: string | RegExp) =>
  async (page: Page): Promise<void> => {
    await page.goto(path);
    await page.getByRole('link', { name: link }).first().click();
  };

const place = (name: string, heading: RegExp, open: (page: Page) => Promise<void>): Place => ({
  name,
  heading,
  open,
});

const PORTFOLIO = place('portfolio', /^Portfolio$/, at('/portfolio'));
const APPROVALS = place('approvals', /^Approvals/, at('/approvals'));
const GATE_DECISION = place(
  'gate-decision',
  /./,
  through('/approvals', /Decide|Measure|Open|Review/),
);
const INITIATIVES = place('initiatives', /^Initiatives$/, at('/initiatives'));
const INITIATIVE = place(
  'initiative',
  new RegExp(`^${DEMO_INITIATIVE}$`),
  through('/initiatives', DEMO_INITIATIVE),
);
const WIZARD = place('wizard', /^Plan an initiative/, at('/initiatives/new'));
const MY_WORK = place('my-work', /^My work$/, at('/my-work'));
const CYCLES = place('cycles', /^Cycles$/, at('/cycles'));
const CUSTOMER_GROUPS = place('customer-groups', /^Customer groups$/, at('/customer-groups'));
const KPI_REVIEW = place('kpi-review', /^KPI review$/, at('/kpi-review'));
/** Issue 17: the backlog, one idea of it, and the journeys' heat map. */
const IDEAS = place('ideas', /^Ideas$/, at('/ideas'));
const IDEA = place(
  'idea',
  /^Call me back at a time I choose$/,
  through('/ideas', 'Call me back at a time I choose'),
);
const MOMENTS = place('moments', /^Moments$/, at('/moments'));
/** The open conditions across initiatives: the list behind the portfolio's figure. */
const CONDITIONS = place('conditions', /^Open conditions$/, at('/conditions'));
const BRIEF = place('brief', /^Portfolio brief$/, at('/brief'));
/** The brief of the demo initiative, chosen from the briefs (the portfolio brief's table). */
const INITIATIVE_BRIEF = place(
  'initiative-brief',
  new RegExp(`^${DEMO_INITIATIVE}$`),
  through('/brief', DEMO_INITIATIVE),
);
/** Who cannot read the portfolio chooses an initiative's brief here. */
const BRIEFS = place('briefs', /^Briefs$/, at('/brief'));
const PROFILE = place('profile', /^Profile$/, at('/profile'));
/** The self-assessment: the answer form, the radar beside the previous cycle, the roads. */
const SELF_ASSESSMENT = place('self-assessment', /^Self-assessment$/, at('/self-assessment'));
/** Wins (everyone) and the printable note for customers of the demo's win. */
const WINS = place('wins', /^Wins$/, at('/wins'));
const WIN_NOTE = place(
  'win-note',
  /^Bills customers can read$/,
  through('/wins', 'The note for customers'),
);
const NOT_FOUND = place('not-found', /./, at('/no-such-place'));
const ADMIN = [
  place('admin', /^Administration$/, at('/admin')),
  place('admin-people', /^People$/, at('/admin/users')),
  place('admin-departments', /^Departments$/, at('/admin/departments')),
  place('admin-customer-groups', /^Customer groups$/, at('/admin/customer-groups')),
  place('admin-cycles', /^Cycles$/, at('/admin/cycles')),
  place('admin-webhooks', /^Webhooks$/, at('/admin/webhooks')),
  place('admin-audit', /^Audit trail$/, at('/admin/audit')),
];

/**
 * Every place each role is offered (web/src/app/places.ts), plus the pages reached from them: an
 * initiative and its brief, the gate an executive decides, the wizard, the profile, the
 * administration screens and a page that does not exist.
 */
export const PLACES_BY_ROLE: Readonly<Record<DemoRole, readonly Place[]>> = {
  admin: [
    PORTFOLIO,
    CONDITIONS,
    APPROVALS,
    INITIATIVES,
    INITIATIVE,
    MY_WORK,
    CYCLES,
    CUSTOMER_GROUPS,
    IDEAS,
    IDEA,
    MOMENTS,
    KPI_REVIEW,
    BRIEF,
    SELF_ASSESSMENT,
    WINS,
    ...ADMIN,
    PROFILE,
  ],
  executive: [
    PORTFOLIO,
    CONDITIONS,
    APPROVALS,
    GATE_DECISION,
    INITIATIVES,
    INITIATIVE,
    CYCLES,
    CUSTOMER_GROUPS,
    IDEAS,
    MOMENTS,
    KPI_REVIEW,
    BRIEF,
    INITIATIVE_BRIEF,
    SELF_ASSESSMENT,
    WINS,
    PROFILE,
  ],
  manager: [
    INITIATIVES,
    INITIATIVE,
    CONDITIONS,
    WIZARD,
    MY_WORK,
    CYCLES,
    CUSTOMER_GROUPS,
    IDEAS,
    IDEA,
    MOMENTS,
    KPI_REVIEW,
    BRIEF,
    SELF_ASSESSMENT,
    WINS,
    PROFILE,
  ],
  member: [
    INITIATIVES,
    INITIATIVE,
    MY_WORK,
    CUSTOMER_GROUPS,
    IDEAS,
    IDEA,
    MOMENTS,
    BRIEFS,
    INITIATIVE_BRIEF,
    SELF_ASSESSMENT,
    WINS,
    WIN_NOTE,
    PROFILE,
    NOT_FOUND,
  ],
};

/**
 * Words of the code, not of people: `go_with_conditions`, `freeze_baseline`. Lower case joined
 * by underscores; an email address or a URL is not one (they are cut out first).
 */
const CODE_WORD = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/**
 * The snake_case words a person can see on the page (visible text, tooltips' text included).
 * `shownSecrets` are texts the page must show verbatim (a new API token's random secret, which
 * can read like a code word: "wpt_wi-Am…"); they are cut out too.
 */
export async function codeWordsOnScreen(
  page: Page,
  shownSecrets: readonly string[] = [],
): Promise<string[]> {
  const text = shownSecrets.reduce(
    (rest, secret) => rest.split(secret).join(' '),
    await page.evaluate(() => document.body.innerText),
  );
  const words = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .match(CODE_WORD);
  return [...new Set(words ?? [])];
}

/**
 * Every place of the given roles at one width, signed in as each role through the sign-in form:
 * nothing wider than the screen, no snake_case word on screen, and axe-core finds no serious or
 * critical violation. The screenshots (test-output/e2e/screenshots/every-<role>-<place>-<size>)
 * are for looking at. The files split the roles and widths between them, so they run in parallel.
 */
export function describePlacesAt(
  size: 'phone' | 'large',
  viewport: Viewport,
  roles: readonly DemoRole[],
): void {
  describe.each(roles)(`every place of the %s at ${viewport.width} px`, (role) => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      browser = await launch();
      context = await openContext(browser, viewport);
      page = await context.newPage();
      await signIn(page, role);
    });
    afterAll(async () => {
      await browser.close();
    });

    it.each(PLACES_BY_ROLE[role].map((p) => [p.name, p]))(`%s`, async (_name, visit) => {
      await visit.open(page);
      await page.getByRole('heading', { level: 1, name: visit.heading }).first().waitFor();
      // Charts lay out in a second pass: wait until the place has loaded and holds still.
      await pageAtRest(page);
      await screenshot(page, `every-${role}-${visit.name}-${size}`);
      const overflow = await sidewaysScroll(page);
      expect({
        place: visit.name,
        overflow,
        pastTheEdge: overflow > 0 ? await elementsPastTheEdge(page) : [],
      }).toEqual({ place: visit.name, overflow: 0, pastTheEdge: [] });
      expect({ place: visit.name, codeWords: await codeWordsOnScreen(page) }).toEqual({
        place: visit.name,
        codeWords: [],
      });
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}
