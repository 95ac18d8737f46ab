import {
  cycleReadingSpans,
  effectiveReadings,
  isInCycle,
  latestReadings,
  mayCorrectReading,
  readingSpans,
} from './readings';
import { Q4_2026, day, daysAfter, reading } from '../test/factories';

describe('isInCycle', () => {
  it.each([
    ['the start', Q4_2026.start, true],
    ['inside', day('2026-11-15'), true],
    ['1 ms before the end', new Date(Q4_2026.end.getTime() - 1), true],
    ['the end', Q4_2026.end, false],
    ['1 ms before the start', new Date(Q4_2026.start.getTime() - 1), false],
  ])('counts %s as in the cycle: %s', (_label, at, expected) => {
    expect(isInCycle(at, Q4_2026)).toBe(expected);
  });
});

describe('effectiveReadings', () => {
  it('leaves out every reading another one supersedes, keeping order', () => {
    const original = reading('m1', 10, day('2026-10-05'));
    const other = reading('m1', 12, day('2026-10-12'));
    const correction = reading('m1', 11, day('2026-10-05'), { supersedesId: original.id });
    const second = reading('m1', 11.5, day('2026-10-05'), { supersedesId: correction.id });
    expect(effectiveReadings([original, other, correction, second])).toEqual([other, second]);
  });

  it('leaves out withdrawn readings; a withdrawn correction still supersedes its original', () => {
    const kept = reading('m1', 10, day('2026-10-05'));
    const withdrawn = reading('m1', -3, day('2026-10-06'), { withdrawn: true });
    const original = reading('m1', 12, day('2026-10-07'));
    const correction = reading('m1', 13, day('2026-10-07'), {
      supersedesId: original.id,
      withdrawn: true,
    });
    const notWithdrawn = reading('m1', 11, day('2026-10-08'), { withdrawn: false });
    expect(effectiveReadings([kept, withdrawn, original, correction, notWithdrawn])).toEqual([
      kept,
      notWithdrawn,
    ]);
  });

  it('leaves a withdrawn reading out of the latest reading and the cycle spans', () => {
    const early = reading('m1', 10, day('2026-10-05'));
    const late = reading('m1', 999, day('2026-12-05'), { withdrawn: true });
    expect(latestReadings([early, late], day('2026-12-31')).get('m1')).toBe(early);
    expect(cycleReadingSpans([early, late], Q4_2026).get('m1')).toEqual({
      first: early,
      last: early,
    });
  });

  it('keeps readings whose supersedesId is null', () => {
    const r = reading('m1', 1, day('2026-10-05'), { supersedesId: null });
    expect(effectiveReadings([r])).toEqual([r]);
  });
});

describe('readingSpans', () => {
  it('finds the first and last reading of each measure whatever the input order', () => {
    const a2 = reading('a', 2, day('2026-10-20'));
    const a1 = reading('a', 1, day('2026-10-02'));
    const a3 = reading('a', 3, day('2026-11-20'));
    const b1 = reading('b', 7, day('2026-10-10'));
    const spans = readingSpans([a2, b1, a3, a1], () => true);
    expect(spans.get('a')).toEqual({ first: a1, last: a3 });
    expect(spans.get('b')).toEqual({ first: b1, last: b1 });
    expect(spans.has('c')).toBe(false);
  });

  it('breaks ties on observedAt by input order: first is the earlier, last the later', () => {
    const x = reading('a', 1, day('2026-10-02'));
    const y = reading('a', 2, day('2026-10-02'));
    expect(readingSpans([x, y], () => true).get('a')).toEqual({ first: x, last: y });
  });

  it('applies supersession before choosing', () => {
    const wrong = reading('a', 100, day('2026-12-30'));
    const fixed = reading('a', 10, day('2026-12-30'), { supersedesId: wrong.id });
    const early = reading('a', 5, day('2026-10-01'));
    expect(cycleReadingSpans([early, wrong, fixed], Q4_2026).get('a')).toEqual({
      first: early,
      last: fixed,
    });
  });

  it('keeps only the readings of the cycle, [start, end)', () => {
    const before = reading('a', 1, daysAfter(Q4_2026.start, -1));
    const atStart = reading('a', 2, Q4_2026.start);
    const inside = reading('a', 3, day('2026-12-01'));
    const atEnd = reading('a', 4, Q4_2026.end);
    expect(cycleReadingSpans([before, atStart, inside, atEnd], Q4_2026).get('a')).toEqual({
      first: atStart,
      last: inside,
    });
  });
});

describe('latestReadings', () => {
  it('takes the latest reading observed at or before now, never a future one', () => {
    const now = day('2026-11-01');
    const old = reading('a', 1, day('2026-10-01'));
    const atNow = reading('a', 2, now);
    const future = reading('a', 3, daysAfter(now, 1));
    const onlyFuture = reading('b', 9, daysAfter(now, 2));
    const latest = latestReadings([old, future, atNow, onlyFuture], now);
    expect(latest.get('a')).toBe(atNow);
    expect(latest.has('b')).toBe(false);
  });
});

describe('mayCorrectReading', () => {
  const base = {
    correctorId: 'u',
    recorderId: 'r',
    isAdmin: false,
    isOwner: false,
    isSponsor: false,
  };
  it.each<[string, Partial<typeof base>, boolean]>([
    ['the recorder', { correctorId: 'r' }, true],
    ['the owner', { isOwner: true }, true],
    ['the sponsor', { isSponsor: true }, true],
    ['an admin', { isAdmin: true }, true],
    ['another team member', {}, false],
  ])('%s: %s', (_label, change, expected) => {
    expect(mayCorrectReading({ ...base, ...change })).toBe(expected);
  });
});
