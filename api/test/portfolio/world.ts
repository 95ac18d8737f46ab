import {
  createCustomerGroup,
  createCycle,
  createInitiative,
  createMeasure,
  createReading,
} from '../factories/domain';
import { type Cast, castInitiative, DAY_MS, quarter, seedTension } from '../measures/support';
import type { TestApp } from '../support/test-app';
import { createDecision, createReview, gateTrack } from './support';

/**
 * A small portfolio over the previous quarter (`prev`):
 * - A (`c.initiativeId`, active, team from two departments): NPS up while its counter-measure,
 *   cost per call, gets worse; gate 1 approved with one open and one closed condition, gate 2
 *   submitted 10 hours ago; reviewed "adopt";
 * - B (`tension`, active): cost to serve improves while a protected group's satisfaction drops;
 *   reviewed "adapt";
 * - a draft without milestones or measures.
 */
export interface PortfolioWorld {
  c: Cast;
  prev: string;
  older: string;
  future: string;
  tension: Awaited<ReturnType<typeof seedTension>>;
  draftId: string;
  nps: string;
  cost: string;
  npsReadings: string[];
}

export async function seedPortfolio(t: TestApp): Promise<PortfolioWorld> {
  const c = await castInitiative(t);
  const p = quarter(-1);
  const o = quarter(-2);
  const prev = await createCycle(t.sql, p.name, p.startsOn, p.endsOn);
  const older = await createCycle(t.sql, o.name, o.startsOn, o.endsOn);
  const future = await createCycle(t.sql, '2040-Q1', '2040-01-01', '2040-03-31');
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
  const cost = await createMeasure(t.sql, c.initiativeId, {
    name: 'Cost per call',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 10,
    target: 8,
    kpiClass: 'neutral',
  });
  const nps = await createMeasure(t.sql, c.initiativeId, {
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
    await createReading(t.sql, nps, { value: 20, observedAt: at(3), recordedBy: by }),
    await createReading(t.sql, nps, { value: 40, observedAt: at(40), recordedBy: by }),
  ];
  await createReading(t.sql, cost, { value: 10, observedAt: at(4), recordedBy: by });
  await createReading(t.sql, cost, { value: 12, observedAt: at(41), recordedBy: by });
  const track = await gateTrack(t, c.initiativeId, 10);
  const { conditionIds } = await createDecision(t, {
    milestoneId: track.approved,
    initiativeId: c.initiativeId,
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
    initiativeId: c.initiativeId,
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
  return { c, prev, older, future, tension, draftId, nps, cost, npsReadings };
}
