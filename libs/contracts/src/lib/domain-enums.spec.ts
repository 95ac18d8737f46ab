import * as enums from './domain-enums';

const valueLists: [string, readonly string[]][] = Object.entries(enums).filter(([name]) =>
  name.endsWith('_VALUES'),
);

describe('domain enums', () => {
  it('exports the enumerations of DOMAIN.md', () => {
    expect(valueLists.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'ROLE_VALUES',
        'APPROACH_VALUES',
        'INITIATIVE_STATUS_VALUES',
        'MILESTONE_STATE_VALUES',
        'DECISION_OUTCOME_VALUES',
        'STEP_STATUS_VALUES',
        'PERSPECTIVE_VALUES',
        'DIRECTION_VALUES',
        'KPI_CLASS_VALUES',
        'CADENCE_VALUES',
        'CUSTOMER_GROUP_INTENT_VALUES',
        'REVIEW_DECISION_VALUES',
      ]),
    );
  });

  it.each(valueLists)('%s is non-empty, unique and snake_case', (_name, values) => {
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) {
      expect(value).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it.each<[string, readonly string[], readonly string[]]>([
    ['Role', enums.ROLE_VALUES, ['admin', 'executive', 'manager', 'member']],
    [
      'InitiativeStatus',
      enums.INITIATIVE_STATUS_VALUES,
      ['draft', 'proposed', 'active', 'on_hold', 'completed', 'stopped'],
    ],
    [
      'MilestoneState',
      enums.MILESTONE_STATE_VALUES,
      [
        'planned',
        'in_progress',
        'submitted',
        'approved',
        'changes_requested',
        'on_hold',
        'rejected',
      ],
    ],
    [
      'DecisionOutcome',
      enums.DECISION_OUTCOME_VALUES,
      ['go', 'go_with_conditions', 'changes_requested', 'on_hold', 'rejected'],
    ],
    ['StepStatus', enums.STEP_STATUS_VALUES, ['todo', 'doing', 'blocked', 'done']],
    ['Perspective', enums.PERSPECTIVE_VALUES, ['customer', 'business']],
    [
      'Direction',
      enums.DIRECTION_VALUES,
      ['higher_is_better', 'lower_is_better', 'target_is_best'],
    ],
    ['KpiClass', enums.KPI_CLASS_VALUES, ['customer_centric', 'neutral', 'customer_toxic']],
    ['Cadence', enums.CADENCE_VALUES, ['weekly', 'monthly', 'quarterly']],
    [
      'CustomerGroupIntent',
      enums.CUSTOMER_GROUP_INTENT_VALUES,
      ['grow', 'nurture', 'retain', 'reduce_cost_to_serve'],
    ],
    ['ReviewDecision', enums.REVIEW_DECISION_VALUES, ['adopt', 'adapt', 'abandon']],
  ])('%s has exactly the values of DOMAIN.md', (_name, values, expected) => {
    expect(values).toEqual(expected);
  });

  it('keeps APPROACHES as the same list as APPROACH_VALUES', () => {
    expect(enums.APPROACHES).toBe(enums.APPROACH_VALUES);
    expect(enums.APPROACH_VALUES).toHaveLength(5);
  });
});
