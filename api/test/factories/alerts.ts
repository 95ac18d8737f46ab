import type { INITIATIVE_PEOPLE, SignedIn } from '../support/people';
import type { TestApp } from '../support/test-app';
import { quarter } from '../support/time';
import { createCustomerGroup, createCycle, createMeasure, createReading } from './domain';
import { initiativeAround } from './measures';

/** Issue 13, scenario 1: a quarterly protected-group measure beside cost to serve. */
export interface QuarterlyTension {
  initiativeId: string;
  q3: string;
  q4: string;
  satisfactionId: string;
  costId: string;
  /** A moment inside the running quarter (Q4) that is not in the future. */
  inQ4: () => Date;
}

/**
 * The previous quarter (called Q3) and the current one (Q4); an initiative around INITIATIVE_PEOPLE
 * with a protected group's satisfaction (higher is better, baseline 60, target 80) read 60 in Q3
 * and cost to serve (lower is better, baseline 100, target 70) read 95 in Q3. The Q4 readings
 * (52 and 85) are left to the spec, written through the API.
 */
export async function seedQuarterlyTension(
  t: TestApp,
  people: SignedIn<typeof INITIATIVE_PEOPLE>,
): Promise<QuarterlyTension> {
  const previous = quarter(-1);
  const current = quarter(0);
  const q3 = await createCycle(t.sql, previous.name, previous.startsOn, previous.endsOn);
  const q4 = await createCycle(t.sql, current.name, current.startsOn, current.endsOn);
  const group = await createCustomerGroup(t.sql, { name: 'Loyal families', protected: true });
  const initiativeId = await initiativeAround(t, people);
  const costId = await createMeasure(t.sql, initiativeId, {
    name: 'Cost to serve',
    perspective: 'business',
    direction: 'lower_is_better',
    baseline: 100,
    target: 70,
    cadence: 'quarterly',
    kpiClass: 'neutral',
  });
  const satisfactionId = await createMeasure(t.sql, initiativeId, {
    name: 'Satisfaction of loyal families',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 60,
    target: 80,
    cadence: 'quarterly',
    customerGroupId: group,
  });
  const inQ3 = new Date(`${previous.startsOn}T12:00:00Z`);
  inQ3.setUTCDate(inQ3.getUTCDate() + 20);
  const recordedBy = people.team.user.id;
  await createReading(t.sql, satisfactionId, { value: 60, observedAt: inQ3, recordedBy });
  await createReading(t.sql, costId, { value: 95, observedAt: inQ3, recordedBy });
  const q4Start = Date.parse(`${current.startsOn}T00:00:00Z`);
  return {
    initiativeId,
    q3,
    q4,
    satisfactionId,
    costId,
    inQ4: () => new Date(Math.max(q4Start, Date.now() - 60_000)),
  };
}
