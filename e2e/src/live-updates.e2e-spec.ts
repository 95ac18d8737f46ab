import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn } from './support/auth';
import { launch, openContext, screenshot, server } from './support/browser';
import { showTab } from './support/people';

/** What this spec reads of a step (the e2e project does not import the contracts library). */
type StepStatus = 'todo' | 'doing' | 'blocked' | 'done';
interface StepResponse {
  id: string;
  title: string;
  status: StepStatus;
  version: number;
}

const CALL_BACKS = 'Call-backs instead of queueing';
const STEP = 'Agree call-back slots with the rota team';
const LABEL: Record<StepStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  blocked: 'Blocked',
  done: 'Done',
};

interface Listed {
  id: string;
  title: string;
  currentMilestone: { id: string } | null;
}

/** The step as the member's session reads it through the API. */
async function stepAsSeenBy(page: Page): Promise<StepResponse> {
  const list = await page.request.get(
    `/api/initiatives?limit=100&q=${encodeURIComponent('Call-backs')}`,
  );
  const items = ((await list.json()) as { items: Listed[] }).items;
  const milestoneId = items.find((i) => i.title === CALL_BACKS)?.currentMilestone?.id;
  if (!milestoneId) throw new Error('the demo initiative has no current milestone');
  const steps = await page.request.get(`/api/milestones/${milestoneId}/steps?limit=200`);
  const step = ((await steps.json()) as { items: StepResponse[] }).items.find(
    (s) => s.title === STEP,
  );
  if (!step) throw new Error(`no step "${STEP}"`);
  return step;
}

async function moveStep(page: Page, step: StepResponse, status: StepStatus): Promise<StepResponse> {
  const answer = await page.request.patch(`/api/steps/${step.id}`, {
    data: { status },
    headers: { Origin: server().baseUrl, 'If-Match': `"${step.version}"` },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as StepResponse;
}

describe('live updates in Chromium', () => {
  let browser: Browser;
  let managerContext: BrowserContext;
  let memberContext: BrowserContext;
  let manager: Page;
  let member: Page;

  beforeAll(async () => {
    browser = await launch();
    managerContext = await openContext(browser);
    memberContext = await openContext(browser);
    manager = await managerContext.newPage();
    member = await memberContext.newPage();
    await signIn(manager, 'manager');
    await signIn(member, 'member');
  });
  afterAll(async () => {
    await managerContext.close();
    await memberContext.close();
    await browser.close();
  });

  it("shows a member's step move on the manager's open initiative page, without a reload", async () => {
    await manager.goto('/initiatives');
    const opened = manager.waitForResponse((r) => r.url().endsWith('/api/events'));
    await manager.getByRole('link', { name: CALL_BACKS }).click();
    await manager.getByRole('heading', { level: 1, name: CALL_BACKS }).waitFor();
    const stream = await opened;
    expect(stream.headers()['content-type']).toContain('text/event-stream');

    const before = await stepAsSeenBy(member);
    const target: StepStatus = before.status === 'doing' ? 'blocked' : 'doing';
    await manager
      .getByRole('region', { name: new RegExp(`^${LABEL[before.status]}`) })
      .getByText(STEP)
      .waitFor();
    // Something typed but not yet sent (on the Comments tab) must survive the refresh.
    await showTab(manager, 'Comments');
    const comment = manager.getByRole('textbox', { name: /comment/i }).first();
    await comment.fill('Half-written thought');
    await showTab(manager, 'Gates and steps');
    let navigations = 0;
    manager.on('framenavigated', () => (navigations += 1));

    const moved = await moveStep(member, before, target);
    await manager
      .getByRole('region', { name: new RegExp(`^${LABEL[target]}`) })
      .getByText(STEP)
      .waitFor({ timeout: 15_000 });
    expect(navigations).toBe(0);
    await screenshot(manager, 'live-update-step-moved');
    await showTab(manager, 'Comments');
    expect(await comment.inputValue()).toBe('Half-written thought');
    await showTab(manager, 'Gates and steps');

    // Put the demo back as it was for the other browser specs.
    await moveStep(member, moved, before.status);
    await manager
      .getByRole('region', { name: new RegExp(`^${LABEL[before.status]}`) })
      .getByText(STEP)
      .waitFor({ timeout: 15_000 });
  });
});
