import { createInitiative, createMeasure, createReading } from './domain';
import { DAY_MS } from '../support/time';
import type { INITIATIVE_PEOPLE, SignedIn } from '../support/people';
import type { TestApp } from '../support/test-app';

/** The active initiative of INITIATIVE_PEOPLE: owned by `owner`, sponsored by `executive`, `team` on it. */
export async function initiativeAround(
  t: TestApp,
  people: SignedIn<typeof INITIATIVE_PEOPLE>,
): Promise<string> {
  return createInitiative(t.sql, {
    ownerId: people.owner.user.id,
    sponsorId: people.executive.user.id,
    teamIds: [people.team.user.id],
  });
}

/** A valid body for POST /api/initiatives/:id/measures. */
export function measureBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Average wait',
    unit: 'min',
    perspective: 'customer',
    direction: 'lower_is_better',
    baseline: 40,
    target: 20,
    cadence: 'monthly',
    kpiClass: 'customer_centric',
    ...overrides,
  };
}

/**
 * An initiative whose business measure (cost to serve) improves while the satisfaction of a
 * protected customer group drops over the cycle that starts at `cycleStart`: both were read just
 * before the cycle (where their standings open) and again inside it (where they close).
 */
export async function seedTension(
  t: TestApp,
  seed: {
    ownerId: string;
    recorderId: string;
    protectedGroupId: string;
    cycleStart: Date;
    title?: string;
    teamIds?: string[];
  },
): Promise<{ initiativeId: string; costId: string; satisfactionId: string; readingIds: string[] }> {
  const initiativeId = await createInitiative(t.sql, {
    ownerId: seed.ownerId,
    title: seed.title ?? 'Self-service for small accounts',
    teamIds: seed.teamIds ?? [],
  });
  const costId = await createMeasure(t.sql, initiativeId, {
    name: 'Cost to serve per account',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 100,
    target: 60,
    kpiClass: 'neutral',
  });
  const satisfactionId = await createMeasure(t.sql, initiativeId, {
    name: 'Satisfaction of small accounts',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 70,
    target: 90,
    customerGroupId: seed.protectedGroupId,
    counterMeasureId: costId,
  });
  const at = (days: number): Date => new Date(seed.cycleStart.getTime() + days * DAY_MS);
  const readingIds = [
    await createReading(t.sql, costId, {
      value: 100,
      observedAt: at(-10),
      recordedBy: seed.recorderId,
    }),
    await createReading(t.sql, costId, {
      value: 70,
      observedAt: at(20),
      recordedBy: seed.recorderId,
    }),
    await createReading(t.sql, satisfactionId, {
      value: 80,
      observedAt: at(-9),
      recordedBy: seed.recorderId,
    }),
    await createReading(t.sql, satisfactionId, {
      value: 66,
      observedAt: at(21),
      recordedBy: seed.recorderId,
    }),
  ];
  return { initiativeId, costId, satisfactionId, readingIds };
}
