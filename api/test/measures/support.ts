import { randomUUID } from 'node:crypto';
import { createInitiative, createMeasure, createReading } from '../factories/domain';
import { type Session, signIn } from '../support/auth';
import type { TestApp } from '../support/test-app';
import { type Answer, detailOf, fieldErrors, send } from '../support/http';

export { type Answer, detailOf, fieldErrors, send };

export const DAY_MS = 24 * 60 * 60 * 1000;

export const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY_MS);

/** One initiative and the people around it: owner, team member, outsider, admin and overseers. */
export interface Cast {
  admin: Session;
  executive: Session;
  manager: Session;
  owner: Session;
  team: Session;
  outsider: Session;
  initiativeId: string;
}

export async function castInitiative(t: TestApp): Promise<Cast> {
  const admin = await signIn(t, 'admin');
  const executive = await signIn(t, 'executive');
  const manager = await signIn(t, 'manager');
  const owner = await signIn(t, 'manager');
  const team = await signIn(t, 'member');
  const outsider = await signIn(t, 'member');
  const initiativeId = await createInitiative(t.sql, {
    ownerId: owner.user.id,
    sponsorId: executive.user.id,
    teamIds: [team.user.id],
  });
  return { admin, executive, manager, owner, team, outsider, initiativeId };
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

export const idempotencyKey = (): Record<string, string> => ({ 'Idempotency-Key': randomUUID() });

/**
 * An initiative whose business measure (cost to serve) improves while the satisfaction of a
 * protected customer group drops, within the cycle [cycleStart, cycleEnd).
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
      observedAt: at(1),
      recordedBy: seed.recorderId,
    }),
    await createReading(t.sql, costId, {
      value: 70,
      observedAt: at(20),
      recordedBy: seed.recorderId,
    }),
    await createReading(t.sql, satisfactionId, {
      value: 80,
      observedAt: at(2),
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

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar quarter `offset` quarters from the current one, worked out independently. */
export function quarter(offset: number): { name: string; startsOn: string; endsOn: string } {
  const now = new Date();
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const q = index % 4;
  return {
    name: `${year}-Q${q + 1}`,
    startsOn: `${year}-${pad(q * 3 + 1)}-01`,
    endsOn: new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10),
  };
}
