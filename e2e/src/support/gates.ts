import { randomUUID } from 'node:crypto';
import type { APIRequestContext, APIResponse, Browser } from 'playwright-core';
import { type DemoRole, DEMO_PASSWORD, demoEmail } from './auth';
import { openContext, server } from './browser';

// The e2e project may not depend on the libraries (module boundaries): the few fields of the
// API's answers used here, as in libs/contracts.
interface CurrentUserResponse {
  id: string;
}
interface InitiativeResponse {
  id: string;
  title: string;
  milestones: { id: string; position: number; title: string }[];
}
interface MilestoneDetailResponse {
  state: string;
  criteria: { id: string; label: string; checked: boolean }[];
}
interface MeasureResponse {
  id: string;
  name: string;
  baseline: number;
  target: number;
}
interface Page<T> {
  items: T[];
}

/** A gate created through the API and submitted, waiting for the executive's decision. */
export interface SubmittedGate {
  initiativeId: string;
  initiativeTitle: string;
  milestoneId: string;
  milestoneTitle: string;
  measureNames: string[];
}

/**
 * An API client signed in as a demo role, in its own browser context (so its session cookie
 * does not touch the page under test). Writes carry the site's Origin, as a browser's would.
 */
export interface ApiSession {
  request: APIRequestContext;
  user: CurrentUserResponse;
  close(): Promise<void>;
}

export async function apiSession(browser: Browser, role: DemoRole): Promise<ApiSession> {
  const context = await openContext(browser);
  const request = context.request;
  const login = await request.post('/api/auth/login', {
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
    headers: { Origin: server().baseUrl },
  });
  const user = (await ok(login, `sign in as ${role}`)) as CurrentUserResponse;
  return { request, user, close: () => context.close() };
}

async function ok(response: APIResponse, what: string): Promise<unknown> {
  if (!response.ok()) {
    throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  }
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

function writeHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Origin: server().baseUrl, ...extra };
}

async function getWithEtag<T>(
  request: APIRequestContext,
  path: string,
): Promise<{ body: T; etag: string }> {
  const response = await request.get(path);
  const body = (await ok(response, `GET ${path}`)) as T;
  const etag = response.headers()['etag'];
  if (!etag) throw new Error(`GET ${path} answered no ETag`);
  return { body, etag };
}

async function transition(
  session: ApiSession,
  initiativeId: string,
  to: 'proposed' | 'active',
): Promise<void> {
  const path = `/api/initiatives/${initiativeId}`;
  const { etag } = await getWithEtag<InitiativeResponse>(session.request, path);
  await ok(
    await session.request.post(`${path}/transitions`, {
      data: { to },
      headers: writeHeaders({ 'If-Match': etag }),
    }),
    `move the initiative to ${to}`,
  );
}

/**
 * Plans an initiative from the DMAIC template as the manager, with the executive as sponsor; the
 * manager proposes it and the executive activates it; the manager links the initiative's
 * measures to its first milestone, checks every exit criterion, records a reading of each
 * measure (observed now) and submits the gate (unless `submit: false`: a spec submits it in the
 * page). The executive then finds it in Approvals.
 */
export async function createSubmittedGate(
  browser: Browser,
  title: string,
  options: { submit?: boolean } = {},
): Promise<SubmittedGate> {
  const manager = await apiSession(browser, 'manager');
  const executive = await apiSession(browser, 'executive');
  try {
    const initiative = (await ok(
      await manager.request.post('/api/initiatives', {
        data: {
          title,
          template: 'dmaic',
          sponsorId: executive.user.id,
          problem: 'A browser test plans this initiative to decide its first gate.',
        },
        headers: writeHeaders({ 'Idempotency-Key': randomUUID() }),
      }),
      'create the initiative',
    )) as InitiativeResponse;

    await transition(manager, initiative.id, 'proposed');
    await transition(executive, initiative.id, 'active');

    const first = [...initiative.milestones].sort((a, b) => a.position - b.position)[0];
    if (!first) throw new Error('the template planned no milestone');
    const milestonePath = `/api/milestones/${first.id}`;

    let current = await getWithEtag<MilestoneDetailResponse>(manager.request, milestonePath);
    if (current.body.state === 'planned') {
      await ok(
        await manager.request.post(`${milestonePath}/start`, {
          headers: writeHeaders({ 'If-Match': current.etag }),
        }),
        'start the first milestone',
      );
      current = await getWithEtag<MilestoneDetailResponse>(manager.request, milestonePath);
    }

    const measures = (await ok(
      await manager.request.get(`/api/initiatives/${initiative.id}/measures?limit=50`),
      'list the measures',
    )) as Page<MeasureResponse>;
    const linked = measures.items.slice(0, 2);

    await ok(
      await manager.request.patch(milestonePath, {
        data: {
          criteria: current.body.criteria.map((c) => ({ id: c.id, label: c.label, checked: true })),
          measureIds: linked.map((m) => m.id),
        },
        headers: writeHeaders({ 'If-Match': current.etag }),
      }),
      'check the exit criteria and link the measures',
    );

    for (const measure of linked) {
      const value = measure.baseline + (measure.target - measure.baseline) / 2;
      await ok(
        await manager.request.post(`/api/measures/${measure.id}/readings`, {
          data: { value, observedAt: new Date().toISOString() },
          headers: writeHeaders({ 'Idempotency-Key': randomUUID() }),
        }),
        `record a reading of ${measure.name}`,
      );
    }

    if (options.submit !== false) {
      current = await getWithEtag<MilestoneDetailResponse>(manager.request, milestonePath);
      await ok(
        await manager.request.post(`${milestonePath}/submit`, {
          headers: writeHeaders({ 'If-Match': current.etag }),
        }),
        'submit the gate',
      );
    }

    return {
      initiativeId: initiative.id,
      initiativeTitle: initiative.title,
      milestoneId: first.id,
      milestoneTitle: first.title,
      measureNames: linked.map((m) => m.name),
    };
  } finally {
    await manager.close();
    await executive.close();
  }
}
