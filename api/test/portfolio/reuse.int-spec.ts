import type { InitiativeListItem, Page, PortfolioTensionResponse } from '@waypoint/contracts';
import { createInitiative, createMeasure, createReading } from '../factories/domain';
import { type Session, signIn } from '../support/auth';
import { send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

const DAY_MS = 86_400_000;

/**
 * Portfolio answers are reused while nothing changed (PortfolioCache) and recomputed after any
 * write, through the API or straight into the database (by a writer that keeps the stored value
 * rows, as the factories and seed scripts do); the portfolio reads the stored rows, corrections
 * included. Every route reports its SQL statement count, and the list's does not grow with the
 * page size.
 */
describe('portfolio answers after writes, and statement counts of every route', () => {
  const t = useTestApp({ valueCheck: true });
  let executive: Session;
  let owner: Session;
  let initiativeId: string;
  let measureId: string;

  beforeAll(async () => {
    executive = await signIn(t, 'executive');
    owner = await signIn(t, 'manager');
    initiativeId = await createInitiative(t.sql, {
      ownerId: owner.user.id,
      sponsorId: executive.user.id,
      title: 'Reuse check',
    });
    // Lower is better, 40 -> 20: a reading of 30 is half way.
    measureId = await createMeasure(t.sql, initiativeId, { baseline: 40, target: 20 });
    await createReading(t.sql, measureId, {
      value: 30,
      observedAt: new Date(Date.now() - 10 * DAY_MS),
      recordedBy: owner.user.id,
    });
  });

  async function tension(): Promise<{ index: number | null; statements: number }> {
    const res = await send<PortfolioTensionResponse>(t, executive, 'GET', '/api/portfolio/tension');
    expect(res.status).toBe(200);
    const point = res.body.points.find((p) => p.id === initiativeId);
    return {
      index: point?.customerIndex ?? null,
      statements: Number(res.headers.get('x-sql-statements')),
    };
  }

  it('reuses an answer while nothing changed: one statement checks for changes', async () => {
    const first = await tension();
    expect(first.index).toBeCloseTo(0.5, 5);
    const again = await tension();
    expect(again).toEqual({ index: first.index, statements: 1 });
    expect(first.statements).toBeGreaterThan(1);
  });

  it('answers 304 to the ETag of the answer still reused, and a new ETag after a write', async () => {
    const first = await send(t, executive, 'GET', '/api/portfolio/tension');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const same = await send(t, executive, 'GET', '/api/portfolio/tension', undefined, {
      'If-None-Match': etag,
    });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.get('x-sql-statements')).toBe('1');
    // Another limit is another answer: its own ETag, sent in full.
    const other = await send(t, executive, 'GET', '/api/portfolio/tension?limit=5', undefined, {
      'If-None-Match': etag,
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    await createReading(t.sql, measureId, {
      value: 30,
      observedAt: new Date(Date.now() - 9 * DAY_MS),
      recordedBy: owner.user.id,
    });
    const after = await send(t, executive, 'GET', '/api/portfolio/tension', undefined, {
      'If-None-Match': etag,
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.text).not.toBe('');
  });

  it('sees a reading written straight into the database (with its value rows) at once', async () => {
    await tension();
    await createReading(t.sql, measureId, {
      value: 25,
      observedAt: new Date(Date.now() - 5 * DAY_MS),
      recordedBy: owner.user.id,
    });
    const after = await tension();
    expect(after.index).toBeCloseTo(0.75, 5);
    expect(after.statements).toBeGreaterThan(1);
  });

  it('sees a reading recorded through the API, and a correction of the latest reading', async () => {
    const recorded = await send<{ id: string }>(
      t,
      owner,
      'POST',
      `/api/measures/${measureId}/readings`,
      { value: 20, observedAt: new Date(Date.now() - DAY_MS).toISOString() },
    );
    expect(recorded.status).toBe(201);
    expect(Number(recorded.headers.get('x-sql-statements'))).toBeGreaterThan(0);
    expect((await tension()).index).toBeCloseTo(1, 5);

    const corrected = await send(t, owner, 'POST', `/api/measures/${measureId}/readings`, {
      value: 35,
      observedAt: new Date(Date.now() - DAY_MS).toISOString(),
      supersedesId: recorded.body.id,
    });
    expect(corrected.status).toBe(201);
    expect((await tension()).index).toBeCloseTo(0.25, 5);
  });

  it('refuses bad input to the tension query without caching anything', async () => {
    const bad = await send(t, executive, 'GET', '/api/portfolio/tension?status=nonsense');
    expect(bad.status).toBe(400);
    const unknown = await send(
      t,
      executive,
      'GET',
      '/api/portfolio/tension?cycleId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.status).toBe(422);
    expect((await tension()).index).toBeCloseTo(0.25, 5);
  });

  it('reports statements on the list and the detail; the list does not grow with the page', async () => {
    for (let i = 0; i < 4; i++) {
      await createInitiative(t.sql, { ownerId: owner.user.id, title: `Filler ${i}` });
    }
    const counts: number[] = [];
    for (const limit of [1, 5]) {
      const res = await send<Page<InitiativeListItem>>(
        t,
        executive,
        'GET',
        `/api/initiatives?limit=${limit}`,
      );
      expect(res.body.items).toHaveLength(limit);
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
    const detail = await send(t, executive, 'GET', `/api/initiatives/${initiativeId}`);
    expect(detail.status).toBe(200);
    expect(Number(detail.headers.get('x-sql-statements'))).toBeGreaterThan(0);
  });
});
