import { randomUUID } from 'node:crypto';
import type { Session } from '../support/auth';
import { type Answer, etag, send } from '../support/http';
import type { GATE_PEOPLE, SignedIn } from '../support/people';
import type { TestApp } from '../support/test-app';
import {
  createInitiative,
  createMeasure,
  createMilestone,
  createReading,
  type Criterion,
} from './domain';

/**
 * Gate tracks for the milestone, gate and step specs: initiatives around GATE_PEOPLE, milestones,
 * measures and readings straight into the database, and the API calls that move a gate.
 */

type GatePeople = SignedIn<typeof GATE_PEOPLE>;

export async function initiativeFor(
  t: TestApp,
  cast: GatePeople,
  seed: { status?: string; title?: string; ownerId?: string; sponsorId?: string } = {},
): Promise<string> {
  return createInitiative(t.sql, {
    ownerId: seed.ownerId ?? cast.owner.user.id,
    sponsorId: seed.sponsorId ?? cast.sponsor.user.id,
    teamIds: [cast.member.user.id],
    status: seed.status ?? 'active',
    title: seed.title ?? `Initiative ${randomUUID().slice(0, 8)}`,
  });
}

export const checked = (...labels: string[]): Criterion[] =>
  labels.map((label, i) => ({ id: `c${i + 1}`, label, checked: true }));

/** A planned milestone at `position` (straight into the database; version 1). */
export async function milestoneAt(
  t: TestApp,
  initiativeId: string,
  position: number,
  seed: { title?: string; criteria?: Criterion[]; state?: string; measureIds?: string[] } = {},
): Promise<string> {
  const id = await createMilestone(t.sql, initiativeId, {
    position,
    title: seed.title ?? `Milestone ${position}`,
    criteria: seed.criteria ?? checked('Done'),
    state: seed.state ?? 'planned',
    startedAt: seed.state && seed.state !== 'planned' ? new Date() : null,
  });
  for (const measureId of seed.measureIds ?? []) {
    await t.sql.query(`INSERT INTO milestone_measures (milestone_id, measure_id) VALUES ($1, $2)`, [
      id,
      measureId,
    ]);
  }
  return id;
}

export async function measureOf(
  t: TestApp,
  initiativeId: string,
  name: string,
  seed: { baseline?: number; target?: number; direction?: string } = {},
): Promise<string> {
  return createMeasure(t.sql, initiativeId, { name, ...seed });
}

export async function readingOf(
  t: TestApp,
  measureId: string,
  recorder: Session,
  value: number,
  observedAt = new Date(),
): Promise<string> {
  return createReading(t.sql, measureId, { value, observedAt, recordedBy: recorder.user.id });
}

export interface MilestoneBody {
  id: string;
  version: number;
  state: string;
  position: number;
  startable: boolean;
  criteria: Criterion[];
  measureIds: string[];
  startedAt: string | null;
  submittedAt: string | null;
  openConditions: Array<{ id: string; text: string; version: number; open: boolean }>;
  latestSubmission: {
    id: string;
    snapshot: Record<string, unknown> & {
      measures: Array<Record<string, unknown>>;
      openConditions: Array<{ id: string; text: string }>;
    };
  } | null;
  decisions: Array<{ id: string; outcome: string; conditions: Array<{ id: string }> }>;
}

export async function getMilestone(
  t: TestApp,
  session: Session,
  id: string,
): Promise<MilestoneBody> {
  const res = await send<MilestoneBody>(t, session, 'GET', `/api/milestones/${id}`);
  if (res.status !== 200) throw new Error(`GET milestone: ${res.status} ${res.text}`);
  return res.body;
}

/** POSTs a transition (start, submit, resume) with the milestone's current ETag. */
export async function transition(
  t: TestApp,
  session: Session,
  id: string,
  action: 'start' | 'submit' | 'resume',
): Promise<Answer<MilestoneBody>> {
  const current = await getMilestone(t, session, id);
  return send<MilestoneBody>(
    t,
    session,
    'POST',
    `/api/milestones/${id}/${action}`,
    undefined,
    etag(current.version),
  );
}

export async function initiativeStatus(t: TestApp, initiativeId: string): Promise<string> {
  const rows = await t.sql.query<{ status: string }>(
    `SELECT status FROM initiatives WHERE id = $1`,
    [initiativeId],
  );
  return rows.rows[0]?.status ?? '';
}

export interface GateSetup {
  initiativeId: string;
  milestoneIds: string[];
  measureIds: string[];
}

/**
 * An active initiative with `count` milestones (each with one checked criterion and a linked
 * measure), the first one started, read and submitted by `submitter` (the owner by default).
 */
export async function submittedGate(
  t: TestApp,
  cast: GatePeople,
  options: { count?: number; submitter?: Session; ownerId?: string; sponsorId?: string } = {},
): Promise<GateSetup> {
  const submitter = options.submitter ?? cast.owner;
  const initiativeId = await initiativeFor(t, cast, {
    ownerId: options.ownerId ?? submitter.user.id,
    ...(options.sponsorId ? { sponsorId: options.sponsorId } : {}),
  });
  const measureId = await measureOf(t, initiativeId, 'Average wait');
  const milestoneIds: string[] = [];
  for (let position = 1; position <= (options.count ?? 2); position++) {
    milestoneIds.push(await milestoneAt(t, initiativeId, position, { measureIds: [measureId] }));
  }
  const first = milestoneIds[0] ?? '';
  const started = await transition(t, submitter, first, 'start');
  if (started.status !== 200) throw new Error(`start: ${started.status} ${started.text}`);
  await readingOf(t, measureId, submitter, 30);
  const submitted = await transition(t, submitter, first, 'submit');
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  return { initiativeId, milestoneIds, measureIds: [measureId] };
}

export interface DecisionBody {
  id: string;
  outcome: string;
  rationale: string;
  submissionId: string;
  decider: { id: string; displayName: string };
  conditions: Array<{ id: string; text: string; open: boolean; version: number }>;
}

export async function decide(
  t: TestApp,
  session: Session,
  milestoneId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer<DecisionBody>> {
  return send<DecisionBody>(
    t,
    session,
    'POST',
    `/api/milestones/${milestoneId}/decisions`,
    body,
    headers,
  );
}
