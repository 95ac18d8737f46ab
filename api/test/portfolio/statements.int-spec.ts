import type { PortfolioSummaryResponse } from '@waypoint/contracts';
import { createCycle, createInitiative, createMeasure, createReading } from '../factories/domain';
import { createUser } from '../factories/users';
import { type Session, signIn } from '../support/auth';
import { DAY_MS, quarter } from '../support/time';
import { send } from '../support/http';
import {
  createCycleThroughApi,
  createDecision,
  createReview,
  gateTrack,
} from '../factories/portfolio';
import { useTestApp } from '../support/use-test-app';

/**
 * The portfolio answers load everything with a fixed number of set-based statements: the
 * X-SQL-Statements header is the same with 2 initiatives and with 12.
 */
describe('portfolio statement counts do not grow with the number of initiatives', () => {
  const t = useTestApp({ valueCheck: true });
  let executive: Session;
  let cycleId: string;
  let cycleStart: Date;

  beforeAll(async () => {
    executive = await signIn(t, 'executive');
    const q = quarter(-1);
    cycleId = await createCycle(t.sql, q.name, q.startsOn, q.endsOn);
    cycleStart = new Date(`${q.startsOn}T00:00:00Z`);
  });

  /** An initiative with a team, a gate track, a decision with a condition, measures, readings, a review. */
  async function seedInitiative(index: number): Promise<void> {
    const owner = await createUser(t.sql, { role: 'manager' });
    const member = await createUser(t.sql, { role: 'member' });
    const id = await createInitiative(t.sql, {
      ownerId: owner.id,
      sponsorId: executive.user.id,
      teamIds: [member.id],
      title: `Initiative ${index}`,
    });
    const cost = await createMeasure(t.sql, id, {
      name: 'Cost',
      perspective: 'business',
      baseline: 100,
      target: 50,
    });
    const wait = await createMeasure(t.sql, id, { name: 'Wait', counterMeasureId: cost });
    for (const [measure, values] of [
      [cost, [100, 80, 70]],
      [wait, [30, 35, 38]],
    ] as const) {
      // The first reading just before the cycle (where the standing opens), then two in it.
      for (const [index, value] of values.entries()) {
        const day = index === 0 ? -5 : index * 20 + 1;
        await createReading(t.sql, measure, {
          value,
          observedAt: new Date(cycleStart.getTime() + day * DAY_MS),
          recordedBy: member.id,
        });
      }
    }
    const track = await gateTrack(t, id, index + 1);
    await createDecision(t, {
      milestoneId: track.approved,
      initiativeId: id,
      submittedBy: owner.id,
      deciderId: executive.user.id,
      outcome: 'go_with_conditions',
      rationale: 'Go',
      conditions: ['Report monthly'],
    });
    await createReview(t, { initiativeId: id, cycleId, authorId: owner.id, decision: 'adapt' });
  }

  const endpoints = (): string[] => [
    '/api/portfolio/summary',
    '/api/portfolio/tension',
    `/api/portfolio/tension?cycleId=${cycleId}`,
    '/api/portfolio/alerts',
    '/api/portfolio/series',
    '/api/briefs/portfolio',
    '/api/exports/initiatives.csv',
    '/api/exports/measures.csv',
    '/api/exports/decisions.csv',
  ];

  async function statementCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const path of endpoints()) {
      const res = await send(t, executive, 'GET', path);
      expect([path, res.status]).toEqual([path, 200]);
      counts[path] = Number(res.headers.get('x-sql-statements'));
    }
    return counts;
  }

  it('answers with as many statements for 12 initiatives as for 2', async () => {
    for (let i = 0; i < 2; i++) await seedInitiative(i);
    // The alert records of what the factories wrote (the engine reconciles on a cycle write).
    await createCycleThroughApi(t, executive, 2040);
    const withTwo = await statementCounts();
    const two = await send<PortfolioSummaryResponse>(t, executive, 'GET', '/api/portfolio/summary');
    expect(two.body.initiatives).toBe(2);
    expect(two.body.alerts.count).toBeGreaterThan(0);

    for (let i = 2; i < 12; i++) await seedInitiative(i);
    await createCycleThroughApi(t, executive, 2041);
    const withTwelve = await statementCounts();
    const twelve = await send<PortfolioSummaryResponse>(
      t,
      executive,
      'GET',
      '/api/portfolio/summary',
    );
    expect(twelve.body.initiatives).toBe(12);
    expect(twelve.body.openConditions).toBe(12);
    expect(twelve.body.alerts.count).toBe(two.body.alerts.count * 6);

    for (const path of endpoints()) {
      expect([path, withTwo[path]]).toEqual([path, expect.any(Number)]);
      expect(withTwo[path]).toBeGreaterThan(0);
    }
    expect(withTwelve).toEqual(withTwo);
  });
});
