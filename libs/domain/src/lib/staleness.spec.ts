import fc from 'fast-check';
import type { Cadence } from '@waypoint/contracts';
import { CADENCE_WINDOWS, isStale, readingDueAt, staleSince } from './staleness';
import { CADENCES, day, daysAfter } from '../test/factories';

const last = day('2026-10-01');

describe('staleness', () => {
  it.each<[Cadence, number, number]>([
    ['weekly', 7, 9],
    ['monthly', 31, 38],
    ['quarterly', 92, 106],
  ])('%s: due after %d days, stale after %d days', (cadence, dueDays, staleDays) => {
    expect(readingDueAt(last, cadence)).toEqual(daysAfter(last, dueDays));
    expect(staleSince(last, cadence)).toEqual(daysAfter(last, staleDays));
    const since = daysAfter(last, staleDays);
    expect(isStale(last, cadence, daysAfter(last, dueDays))).toBe(false);
    expect(isStale(last, cadence, since)).toBe(false);
    expect(isStale(last, cadence, new Date(since.getTime() + 1))).toBe(true);
  });

  it('documents a grace period for every cadence', () => {
    for (const cadence of CADENCES) {
      expect(CADENCE_WINDOWS[cadence].graceDays).toBeGreaterThan(0);
    }
  });

  it('counts from trackedSince for a measure never read', () => {
    const created = day('2026-11-01');
    expect(staleSince(null, 'weekly', created)).toEqual(day('2026-11-10'));
    expect(readingDueAt(null, 'weekly', created)).toEqual(day('2026-11-08'));
    expect(isStale(null, 'weekly', day('2026-11-05'), created)).toBe(false);
    expect(isStale(null, 'weekly', day('2026-11-11'), created)).toBe(true);
  });

  it('prefers the last reading over trackedSince', () => {
    expect(staleSince(day('2026-12-01'), 'weekly', day('2026-01-01'))).toEqual(day('2026-12-10'));
  });

  it('treats a measure never read with nothing to count from as stale', () => {
    expect(staleSince(null, 'monthly')).toBeNull();
    expect(readingDueAt(null, 'monthly')).toBeNull();
    expect(isStale(null, 'monthly', last)).toBe(true);
  });

  it('is not stale right after a reading, and stays stale once stale', () => {
    const instant = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((t) => new Date(t));
    fc.assert(
      fc.property(
        fc.constantFrom(...CADENCES),
        instant,
        fc.nat({ max: 400 * 86_400_000 }),
        fc.nat({ max: 400 * 86_400_000 }),
        (cadence, readAt, wait, more) => {
          const now = new Date(readAt.getTime() + wait);
          const later = new Date(now.getTime() + more);
          expect(isStale(readAt, cadence, readAt)).toBe(false);
          if (isStale(readAt, cadence, now)) {
            expect(isStale(readAt, cadence, later)).toBe(true);
          }
          const { intervalDays, graceDays } = CADENCE_WINDOWS[cadence];
          expect(isStale(readAt, cadence, now)).toBe(
            wait > (intervalDays + graceDays) * 86_400_000,
          );
        },
      ),
    );
  });
});
