import type { TestApp } from '../support/test-app';
import type { INITIATIVE_PEOPLE, SignedIn } from '../support/people';
import type { Session } from '../support/auth';
import { send } from '../support/http';
import { DAY_MS, quarter } from '../support/time';
import {
  createCustomerGroup,
  createCycle,
  createInitiative,
  createMeasure,
  createMilestone,
  createReading,
  insertRow,
} from './domain';
import { initiativeAround, seedTension } from './measures';

/**
 * Creates the first quarter of `year` through the API (as an executive or admin): as any cycle
 * written, it has the value engine reconcile every initiative's alert records in the current
 * cycle with the readings factories wrote behind its back. Answers the cycle's id.
 */
export async function createCycleThroughApi(
  t: TestApp,
  session: Session,
  year: number,
): Promise<string> {
  const created = await send<{ id: string }>(t, session, 'POST', '/api/cycles', {
    name: `${year}-Q1`,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-03-31`,
  });
  if (created.status !== 201) throw new Error(`cycle not created: ${created.status}`);
  return created.body.id;
}

/** A gate decision on a milestone (with its submission), optionally with open conditions. */
export async function createDecision(
  t: TestApp,
  seed: {
    milestoneId: string;
    initiativeId: string;
    submittedBy: string;
    deciderId: string;
    outcome?: string;
    rationale?: string;
    conditions?: string[];
    decidedAt?: Date;
  },
): Promise<{ decisionId: string; conditionIds: string[] }> {
  const submissionId = await insertRow(t.sql, 'gate_submissions', {
    milestone_id: seed.milestoneId,
    submitted_by: seed.submittedBy,
    snapshot: { criteria: [] },
  });
  const decisionId = await insertRow(t.sql, 'gate_decisions', {
    milestone_id: seed.milestoneId,
    submission_id: submissionId,
    decider_id: seed.deciderId,
    outcome: seed.outcome ?? 'go',
    rationale: seed.rationale ?? '',
    decided_at: seed.decidedAt ?? new Date(),
  });
  const conditionIds: string[] = [];
  for (const text of seed.conditions ?? []) {
    conditionIds.push(
      await insertRow(t.sql, 'decision_conditions', {
        decision_id: decisionId,
        initiative_id: seed.initiativeId,
        text,
      }),
    );
  }
  return { decisionId, conditionIds };
}

/** A gate track: milestone 1 approved, milestone 2 submitted `waitingHours` ago. */
export async function gateTrack(
  t: TestApp,
  initiativeId: string,
  waitingHours: number,
): Promise<{ approved: string; submitted: string }> {
  const approved = await createMilestone(t.sql, initiativeId, {
    position: 1,
    title: 'Define',
    state: 'approved',
  });
  const submitted = await createMilestone(t.sql, initiativeId, {
    position: 2,
    title: 'Measure',
    state: 'submitted',
  });
  await t.sql.query(`UPDATE milestones SET submitted_at = $2 WHERE id = $1`, [
    submitted,
    new Date(Date.now() - waitingHours * 3_600_000),
  ]);
  return { approved, submitted };
}

export async function createReview(
  t: TestApp,
  seed: { initiativeId: string; cycleId: string; authorId: string; decision: string | null },
): Promise<string> {
  return insertRow(t.sql, 'cycle_reviews', {
    initiative_id: seed.initiativeId,
    cycle_id: seed.cycleId,
    author_id: seed.authorId,
    intent: 'Try it',
    decision: seed.decision,
  });
}

/**
 * A small portfolio over the previous quarter (`prev`):
 * - A (`initiativeId`, active, team from two departments): NPS up while its counter-measure,
 *   cost per call, gets worse (each read just before the quarter and in it); gate 1 approved with one open and one closed condition, gate 2
 *   submitted 10 hours ago; reviewed "adopt";
 * - B (`tension`, active): cost to serve improves while a protected group's satisfaction drops;
 *   reviewed "adapt";
 * - a draft without milestones or measures.
 */
export interface PortfolioWorld {
  initiativeId: string;
  prev: string;
  older: string;
  future: string;
  tension: Awaited<ReturnType<typeof seedTension>>;
  draftId: string;
  nps: string;
  cost: string;
  npsReadings: string[];
}

export async function seedPortfolio(
  t: TestApp,
  c: SignedIn<typeof INITIATIVE_PEOPLE>,
): Promise<PortfolioWorld> {
  const initiativeId = await initiativeAround(t, c);
  const p = quarter(-1);
  const o = quarter(-2);
  const prev = await createCycle(t.sql, p.name, p.startsOn, p.endsOn);
  const older = await createCycle(t.sql, o.name, o.startsOn, o.endsOn);
  const protectedGroup = await createCustomerGroup(t.sql, {
    name: 'Small accounts',
    protected: true,
  });
  const start = new Date(`${p.startsOn}T00:00:00Z`);
  const tension = await seedTension(t, {
    ownerId: c.owner.user.id,
    recorderId: c.team.user.id,
    protectedGroupId: protectedGroup,
    cycleStart: start,
  });
  const draftId = await createInitiative(t.sql, {
    ownerId: c.manager.user.id,
    title: 'A draft idea',
    status: 'draft',
  });
  // Initiative A: customer value up, its counter-measure (cost per call) worse.
  const cost = await createMeasure(t.sql, initiativeId, {
    name: 'Cost per call',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 10,
    target: 8,
    kpiClass: 'neutral',
  });
  const nps = await createMeasure(t.sql, initiativeId, {
    name: 'NPS',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 20,
    target: 50,
    counterMeasureId: cost,
  });
  const at = (days: number): Date => new Date(start.getTime() + days * DAY_MS);
  const by = c.team.user.id;
  const npsReadings = [
    await createReading(t.sql, nps, { value: 20, observedAt: at(-8), recordedBy: by }),
    await createReading(t.sql, nps, { value: 40, observedAt: at(40), recordedBy: by }),
  ];
  // Read before the quarter (where its standing opens) and in it.
  await createReading(t.sql, cost, { value: 10, observedAt: at(-7), recordedBy: by });
  await createReading(t.sql, cost, { value: 12, observedAt: at(41), recordedBy: by });
  const track = await gateTrack(t, initiativeId, 10);
  const { conditionIds } = await createDecision(t, {
    milestoneId: track.approved,
    initiativeId: initiativeId,
    submittedBy: c.owner.user.id,
    deciderId: c.executive.user.id,
    outcome: 'go_with_conditions',
    rationale: 'Fine, with conditions',
    conditions: ['Publish the call-back script', 'Train the night shift'],
  });
  await t.sql.query(
    `UPDATE decision_conditions SET closed_at = now(), closed_by = $2, close_note = 'Done' WHERE id = $1`,
    [conditionIds[0], c.owner.user.id],
  );
  await createReview(t, {
    initiativeId: initiativeId,
    cycleId: prev,
    authorId: c.owner.user.id,
    decision: 'adopt',
  });
  await createReview(t, {
    initiativeId: tension.initiativeId,
    cycleId: prev,
    authorId: c.owner.user.id,
    decision: 'adapt',
  });
  const future = await createCycleThroughApi(t, c.executive, 2040);
  return { initiativeId, prev, older, future, tension, draftId, nps, cost, npsReadings };
}
