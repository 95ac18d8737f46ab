import {
  baselineFreezeProblem,
  confirmTemplateMeasures,
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

describe('the template measures the manager confirmed', () => {
  const template = [
    {
      name: 'Cost per contact',
      unit: 'EUR',
      perspective: 'business' as const,
      direction: 'lower_is_better' as const,
      baseline: 6.5,
      target: 6,
      cadence: 'monthly' as const,
      kpiClass: 'neutral' as const,
    },
    {
      name: 'First-contact resolution',
      unit: '%',
      perspective: 'customer' as const,
      direction: 'higher_is_better' as const,
      baseline: 60,
      target: 75,
      cadence: 'monthly' as const,
      kpiClass: 'customer_centric' as const,
    },
  ];

  it('takes the confirmed values by name and keeps the rest as the template has them', () => {
    const { measures, problems } = confirmTemplateMeasures(template, [
      { name: 'Cost per contact', baseline: 6.4, target: 5.8 },
    ]);
    expect(problems).toEqual([]);
    expect(measures.map((m) => [m.name, m.baseline, m.target])).toEqual([
      ['Cost per contact', 6.4, 5.8],
      ['First-contact resolution', 60, 75],
    ]);
  });

  it('names an unknown measure, a measure given twice and a target on the wrong side', () => {
    const { problems } = confirmTemplateMeasures(template, [
      { name: 'Churn', baseline: 1, target: 2 },
      { name: 'First-contact resolution', baseline: 60, target: 70 },
      { name: 'First-contact resolution', baseline: 60, target: 50 },
    ]);
    expect(problems).toEqual([
      'measures: the template has no measure "Churn".',
      'measures: "First-contact resolution" is given twice.',
      'measures: First-contact resolution: A higher-is-better measure needs a target (50) at or above its baseline (60).',
    ]);
  });
});
