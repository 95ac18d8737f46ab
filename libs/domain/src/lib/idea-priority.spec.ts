import fc from 'fast-check';
import {
  ideaMergeProblem,
  ideaOpenProblem,
  ideaPriority,
  inBothGainCorner,
  meTooProblem,
} from './idea-priority';

describe('ideaPriority', () => {
  it.each([
    // customer, business, effort, me-toos, priority
    [8, 6, 2, 0, 7],
    [8, 6, 2, 3, 8.5],
    [10, 10, 1, 0, 20],
    [3, 4, 5, 0, 1.4],
    [0, 0, 5, 0, 0],
    // Only ten "me too"s count.
    [5, 5, 5, 25, 7],
    // Effort below 1 counts as 1.
    [4, 4, 0, 0, 8],
  ])(
    '(%d + %d) / %d with %d me-toos is %d',
    (customerImpact, businessValue, effort, meTooCount, expected) => {
      expect(ideaPriority({ customerImpact, businessValue, effort, meTooCount })).toBe(expected);
    },
  );

  it('is finite, never negative, and grows with every counted "me too"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 9 }),
        (customerImpact, businessValue, effort, meTooCount) => {
          const base = { customerImpact, businessValue, effort, meTooCount };
          const p = ideaPriority(base);
          expect(Number.isFinite(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(ideaPriority({ ...base, meTooCount: meTooCount + 1 })).toBeGreaterThan(p);
        },
      ),
    );
  });
});

describe('the both-gain corner', () => {
  it.each([
    [6, 6, true],
    [10, 7, true],
    [5, 9, false],
    [9, 5, false],
  ])('customer %d, business %d: %s', (customerImpact, businessValue, expected) => {
    expect(inBothGainCorner({ customerImpact, businessValue })).toBe(expected);
  });
});

describe('triage rules', () => {
  it('only an open idea is open to triage', () => {
    expect(ideaOpenProblem('open')).toBeNull();
    expect(ideaOpenProblem('merged')).toMatch(/merged/);
    expect(ideaOpenProblem('declined')).toMatch(/declined/);
    expect(ideaOpenProblem('promoted')).toMatch(/initiative/);
  });

  it('the submitter does not say "me too" to their own idea', () => {
    expect(meTooProblem({ status: 'open', submittedById: 'a' }, 'b')).toBeNull();
    expect(meTooProblem({ status: 'open', submittedById: 'a' }, 'a')).toMatch(/submitted/);
    expect(meTooProblem({ status: 'declined', submittedById: 'a' }, 'b')).toMatch(/declined/);
  });

  it('merges an open idea into another open idea only', () => {
    expect(ideaMergeProblem({ id: 'a', status: 'open' }, { id: 'b', status: 'open' })).toBeNull();
    expect(ideaMergeProblem({ id: 'a', status: 'open' }, { id: 'a', status: 'open' })).toMatch(
      /itself/,
    );
    expect(ideaMergeProblem({ id: 'a', status: 'open' }, { id: 'b', status: 'declined' })).toMatch(
      /still open/,
    );
    expect(ideaMergeProblem({ id: 'a', status: 'promoted' }, { id: 'b', status: 'open' })).toMatch(
      /initiative/,
    );
  });
});
