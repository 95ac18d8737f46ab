import {
  baselineFreezeProblem,
  type CounterCandidate,
  type CounterMeasureInput,
  counterMeasureProblems,
  scaleProblems,
} from './measure-rules';

const counter: CounterCandidate = {
  id: 'm-2',
  initiativeId: 'i-1',
  name: 'Cost per call',
  perspective: 'business',
};
const base: CounterMeasureInput = {
  measureId: 'm-1',
  initiativeId: 'i-1',
  perspective: 'customer',
  counterMeasureId: 'm-2',
  counter,
  guardedNames: [],
};

describe('counter-measure rules', () => {
  it('accepts a business measure of the same initiative for a customer measure', () => {
    expect(counterMeasureProblems(base)).toEqual([]);
    expect(counterMeasureProblems({ ...base, counterMeasureId: null, counter: null })).toEqual([]);
  });

  it.each<[string, Partial<CounterMeasureInput>, RegExp]>([
    ['a business measure with one', { perspective: 'business' }, /Only a customer measure/],
    ['itself', { counterMeasureId: 'm-1' }, /its own counter-measure/],
    ['an unknown measure', { counter: null }, /not a measure of this initiative/],
    [
      'a measure of another initiative',
      { counter: { ...counter, initiativeId: 'i-2' } },
      /not a measure of this initiative/,
    ],
    [
      'a customer measure as counter',
      { counter: { ...counter, perspective: 'customer' } },
      /must be a business measure; "Cost per call"/,
    ],
  ])('refuses %s', (_name, change, message) => {
    const problems = counterMeasureProblems({ ...base, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('keeps a measure that guards others a business measure', () => {
    const problems = counterMeasureProblems({
      ...base,
      counterMeasureId: null,
      counter: null,
      guardedNames: ['NPS', 'Wait'],
    });
    expect(problems).toEqual([
      'This measure is the counter-measure of "NPS", "Wait", so it must stay a business measure.',
    ]);
    expect(
      counterMeasureProblems({
        ...base,
        perspective: 'business',
        counterMeasureId: null,
        counter: null,
        guardedNames: ['NPS'],
      }),
    ).toEqual([]);
  });
});

describe('baseline freeze', () => {
  const frozen = { baseline: 40, baselineFrozenAt: new Date('2026-02-01T00:00:00Z') };

  it('refuses a new baseline once frozen, naming when it froze', () => {
    expect(baselineFreezeProblem(frozen, 35)).toMatch(/frozen on 2026-02-01T00:00:00.000Z/);
  });

  it('allows the same baseline, no baseline, or any baseline before the freeze', () => {
    expect(baselineFreezeProblem(frozen, 40)).toBeNull();
    expect(baselineFreezeProblem(frozen, undefined)).toBeNull();
    expect(baselineFreezeProblem({ baseline: 40, baselineFrozenAt: null }, 35)).toBeNull();
  });
});

describe('scale', () => {
  it('uses the domain scale rule', () => {
    expect(scaleProblems({ baseline: 40, target: 20, direction: 'lower_is_better' })).toEqual([]);
    expect(scaleProblems({ baseline: 40, target: 60, direction: 'lower_is_better' })[0]).toMatch(
      /lower-is-better/,
    );
  });
});
