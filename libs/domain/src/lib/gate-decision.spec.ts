import {
  DECISION_OUTCOME_VALUES,
  type DecisionOutcome,
  type InitiativeStatus,
  type Role,
} from '@waypoint/contracts';
import { DecisionInvalidError, DeciderNotAllowedError, InitiativeTransitionError } from './errors';
import {
  assertCanDecide,
  assertDecisionValid,
  canDecide,
  decisionRules,
  decisionViolations,
  initiativeStatusAfterDecision,
  initiativeStatusAfterResume,
  type DecisionInput,
} from './gate-decision';

describe('decisionRules', () => {
  it.each([
    ['go', false, 'forbidden'],
    ['go_with_conditions', true, 'required'],
    ['changes_requested', true, 'forbidden'],
    ['on_hold', true, 'forbidden'],
    ['rejected', true, 'forbidden'],
  ] as const)('%s: rationale required %s, conditions %s', (outcome, rationale, conditions) => {
    expect(decisionRules(outcome)).toEqual({ rationaleRequired: rationale, conditions });
  });
});

describe('decisionViolations', () => {
  const why = 'The pilot shows the wait time halves.';
  const outcomesButGo = DECISION_OUTCOME_VALUES.filter((o) => o !== 'go');

  it.each<[string, DecisionInput, string[]]>([
    ['a plain go without rationale', { outcome: 'go' }, []],
    ['a plain go with rationale', { outcome: 'go', rationale: why }, []],
    ['a plain go with empty conditions', { outcome: 'go', conditions: [] }, []],
    [
      'a go with conditions',
      { outcome: 'go_with_conditions', rationale: why, conditions: ['Hire'] },
      [],
    ],
    ['a rejection with rationale', { outcome: 'rejected', rationale: why }, []],
    [
      'a go with conditions but none',
      { outcome: 'go_with_conditions', rationale: why },
      ['conditions_missing'],
    ],
    [
      'a go with conditions with a blank one',
      { outcome: 'go_with_conditions', rationale: why, conditions: ['Hire', '  '] },
      ['condition_blank'],
    ],
    [
      'a go with conditions with nothing',
      { outcome: 'go_with_conditions' },
      ['rationale_missing', 'conditions_missing'],
    ],
    ['a go carrying conditions', { outcome: 'go', conditions: ['Hire'] }, ['conditions_forbidden']],
    [
      'a hold carrying conditions, no rationale',
      { outcome: 'on_hold', rationale: null, conditions: ['Hire'] },
      ['rationale_missing', 'conditions_forbidden'],
    ],
    [
      'a rejection with a blank rationale',
      { outcome: 'rejected', rationale: ' \n ' },
      ['rationale_missing'],
    ],
  ])('%s', (_label, decision, kinds) => {
    expect(decisionViolations(decision).map((v) => v.kind)).toEqual(kinds);
  });

  it.each(outcomesButGo)('requires a rationale for %s', (outcome) => {
    const conditions = outcome === 'go_with_conditions' ? ['Hire'] : [];
    expect(decisionViolations({ outcome, conditions })).toEqual([
      {
        kind: 'rationale_missing',
        message: `A rationale is required for a decision of "${outcome.replace(/_/g, ' ')}".`,
      },
    ]);
    expect(decisionViolations({ outcome, conditions, rationale: why })).toEqual([]);
  });

  it('says which condition is blank', () => {
    expect(
      decisionViolations({ outcome: 'go_with_conditions', rationale: why, conditions: ['a', ''] }),
    ).toEqual([{ kind: 'condition_blank', index: 1, message: 'Condition 2 is empty.' }]);
  });

  it('throws a typed error listing every violation', () => {
    expect(() => assertDecisionValid({ outcome: 'rejected' })).toThrow(DecisionInvalidError);
    expect(() =>
      assertDecisionValid({
        outcome: 'go_with_conditions',
        rationale: why,
        conditions: ['a', ' '],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'decision_invalid',
        errors: { 'conditions.1': ['Condition 2 is empty.'] },
      }) as Error,
    );
    expect(() => assertDecisionValid({ outcome: 'rejected', rationale: why })).not.toThrow();
  });
});

describe('canDecide', () => {
  it.each<[string, string, Role, boolean]>([
    ['the sponsor', 'sponsor', 'executive', true],
    ['another executive', 'exec2', 'executive', true],
    ['the sponsor as an admin', 'sponsor', 'admin', true],
    ['the sponsor no longer an executive (demoted)', 'sponsor', 'manager', false],
    ['the owner, even promoted to executive', 'owner', 'executive', false],
    ['a manager who is not the sponsor', 'manager2', 'manager', false],
    ['an admin who is not the sponsor', 'admin', 'admin', false],
    ['a member', 'member', 'member', false],
    ['the submitter, even as executive', 'submitter', 'executive', false],
  ])('%s: %s', (_label, deciderId, deciderRole, expected) => {
    const input = {
      deciderId,
      deciderRole,
      sponsorId: 'sponsor',
      submitterId: 'submitter',
      ownerId: 'owner',
    };
    expect(canDecide(input)).toBe(expected);
    if (expected) {
      expect(() => assertCanDecide(input)).not.toThrow();
    } else {
      expect(() => assertCanDecide(input)).toThrow(DeciderNotAllowedError);
    }
  });

  it('does not let the sponsor decide a gate they submitted', () => {
    const input = {
      deciderId: 'sponsor',
      deciderRole: 'executive' as const,
      sponsorId: 'sponsor',
      submitterId: 'sponsor',
      ownerId: 'owner',
    };
    expect(canDecide(input)).toBe(false);
    expect(() => assertCanDecide(input)).toThrow(
      'The person who submitted a gate cannot decide it.',
    );
  });

  it('does not let the owner decide, even promoted to executive with an admin submitting', () => {
    const input = {
      deciderId: 'owner',
      deciderRole: 'executive' as const,
      sponsorId: 'sponsor',
      submitterId: 'admin',
      ownerId: 'owner',
    };
    expect(() => assertCanDecide(input)).toThrow(
      expect.objectContaining({ code: 'decider_not_allowed' }),
    );
    expect(() => assertCanDecide(input)).toThrow("The initiative's owner cannot decide its gates.");
  });
});

describe('initiativeStatusAfterDecision', () => {
  it.each<[InitiativeStatus, DecisionOutcome, boolean, InitiativeStatus]>([
    ['active', 'go', false, 'active'],
    ['active', 'go_with_conditions', false, 'active'],
    ['active', 'go', true, 'completed'],
    ['active', 'go_with_conditions', true, 'completed'],
    ['active', 'changes_requested', false, 'active'],
    ['active', 'changes_requested', true, 'active'],
    ['active', 'on_hold', false, 'on_hold'],
    ['active', 'rejected', false, 'stopped'],
    ['active', 'rejected', true, 'stopped'],
    ['on_hold', 'rejected', false, 'stopped'],
    ['on_hold', 'on_hold', false, 'on_hold'],
    ['on_hold', 'go', false, 'active'],
  ])('%s initiative, %s (final milestone: %s) → %s', (current, outcome, isFinal, expected) => {
    expect(initiativeStatusAfterDecision(current, outcome, { isFinalMilestone: isFinal })).toBe(
      expected,
    );
  });

  it.each<[InitiativeStatus, DecisionOutcome, boolean]>([
    ['draft', 'go', false],
    ['draft', 'rejected', false],
    ['proposed', 'go', false],
    ['proposed', 'rejected', false],
    ['completed', 'rejected', false],
    ['stopped', 'go', false],
    ['on_hold', 'go', true],
  ])('refuses a %s initiative with %s (final: %s)', (current, outcome, isFinal) => {
    expect(() =>
      initiativeStatusAfterDecision(current, outcome, { isFinalMilestone: isFinal }),
    ).toThrow(InitiativeTransitionError);
  });

  it('makes a held initiative active again when its milestone resumes', () => {
    expect(initiativeStatusAfterResume('on_hold')).toBe('active');
    expect(initiativeStatusAfterResume('active')).toBe('active');
    expect(() => initiativeStatusAfterResume('stopped')).toThrow(InitiativeTransitionError);
  });
});
