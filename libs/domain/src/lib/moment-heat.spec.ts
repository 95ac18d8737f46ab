import fc from 'fast-check';
import { heatMapColumns, momentHeat, momentOrderProblem } from './moment-heat';

describe('momentHeat', () => {
  it.each([
    // rating, active initiatives, open ideas, level, pain, unattended, words
    [null, 0, 0, 'unrated', null, false, 'Not rated yet; nothing in flight; no open ideas.'],
    [1, 0, 2, 'poor', 1, true, 'Rated 1 of 5: poor; nothing in flight; 2 open ideas.'],
    [2, 1, 1, 'poor', 0.75, false, 'Rated 2 of 5: poor; 1 initiative in flight; 1 open idea.'],
    [3, 0, 0, 'fair', 0.5, false, 'Rated 3 of 5: fair; nothing in flight; no open ideas.'],
    [4, 2, 0, 'good', 0.25, false, 'Rated 4 of 5: good; 2 initiatives in flight; no open ideas.'],
    [5, 0, 0, 'good', 0, false, 'Rated 5 of 5: good; nothing in flight; no open ideas.'],
  ] as const)(
    'rating %p with %d initiatives and %d ideas is %s',
    (rating, activeInitiatives, openIdeas, level, pain, unattended, words) => {
      expect(momentHeat({ rating, activeInitiatives, openIdeas })).toEqual({
        level,
        pain,
        unattended,
        words,
      });
    },
  );

  it('a worse rating never has less pain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (rating) => {
        const worse = momentHeat({ rating, activeInitiatives: 0, openIdeas: 0 }).pain ?? -1;
        const better = momentHeat({ rating: rating + 1, activeInitiatives: 0, openIdeas: 0 }).pain;
        expect(worse).toBeGreaterThan(better ?? 2);
      }),
    );
  });
});

describe('momentOrderProblem', () => {
  it('takes a permutation of the journey', () => {
    expect(momentOrderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
  });
  it.each([
    [['a', 'b'], /only those/],
    [['a', 'b', 'c', 'd'], /only those/],
    [['a', 'a', 'b'], /once/],
    [['a', 'b', 'x'], /only those/],
  ])('refuses %j', (proposed, message) => {
    expect(momentOrderProblem(['a', 'b', 'c'], proposed)).toMatch(message);
  });
});

describe('heatMapColumns', () => {
  it('lines up moments of the same name across journeys, in journey order', () => {
    expect(
      heatMapColumns([
        [
          { name: 'Choose', position: 1 },
          { name: 'Buy', position: 2 },
          { name: 'Get help', position: 3 },
        ],
        [
          { name: 'choose', position: 1 },
          { name: 'Get started', position: 2 },
          { name: 'Renew', position: 4 },
        ],
      ]),
    ).toEqual(['Choose', 'Buy', 'Get started', 'Get help', 'Renew']);
  });
  it('places a name by its average position', () => {
    expect(
      heatMapColumns([
        [
          { name: 'Choose', position: 1 },
          { name: 'Get help', position: 2 },
        ],
        [
          { name: 'Choose', position: 1 },
          { name: 'Get started', position: 2 },
          { name: 'Get help', position: 3 },
        ],
      ]),
    ).toEqual(['Choose', 'Get started', 'Get help']);
  });
  it('is empty without journeys', () => {
    expect(heatMapColumns([])).toEqual([]);
  });
});
