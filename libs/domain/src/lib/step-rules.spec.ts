import { INITIATIVE_STATUS_VALUES, MILESTONE_STATE_VALUES } from '@waypoint/contracts';
import {
  carryOverTarget,
  isUnfinishedStep,
  stepReturnProblem,
  stepsClosedProblem,
} from './step-rules';

describe('stepsClosedProblem', () => {
  it.each(MILESTONE_STATE_VALUES)('milestone %s of an active initiative', (state) => {
    const problem = stepsClosedProblem({ state, initiativeStatus: 'active' });
    if (state === 'approved' || state === 'rejected') {
      expect(problem).toBe(`The milestone is ${state}: its steps do not change any more.`);
    } else {
      expect(problem).toBeNull();
    }
  });

  it.each(INITIATIVE_STATUS_VALUES)('initiative %s names the closed plan first', (status) => {
    const problem = stepsClosedProblem({ state: 'approved', initiativeStatus: status });
    expect(problem).toBe(
      status === 'completed' || status === 'stopped'
        ? `The initiative is ${status}: its plan cannot change any more.`
        : 'The milestone is approved: its steps do not change any more.',
    );
  });
});

describe('isUnfinishedStep', () => {
  it.each([
    ['todo', true],
    ['doing', true],
    ['blocked', true],
    ['done', false],
  ] as const)('%s: %s', (status, unfinished) => {
    expect(isUnfinishedStep(status)).toBe(unfinished);
  });
});

describe('carryOverTarget', () => {
  it.each([
    [['m1', 'm2', 'm3'], 'm1', 'm2'],
    [['m1', 'm2', 'm3'], 'm2', 'm3'],
    // The final gate: nowhere to go, the steps stay with it.
    [['m1', 'm2', 'm3'], 'm3', null],
    [['m1'], 'm1', null],
    [['m1', 'm2'], 'unknown', null],
  ])('%j, approving %s: %s', (placed, approved, target) => {
    expect(carryOverTarget(placed, approved)).toBe(target);
  });
});

describe('stepReturnProblem', () => {
  const open = { state: 'in_progress', initiativeStatus: 'active' } as const;
  it('lets a carried-over step go back while its gate takes changes', () => {
    expect(stepReturnProblem({ movedFromMilestoneId: 'm1' }, open)).toBeNull();
  });
  it('refuses a step that was never carried over', () => {
    expect(stepReturnProblem({ movedFromMilestoneId: null }, open)).toBe(
      'This step was not carried over from an earlier gate.',
    );
  });
  it('refuses once the gate it is under is closed', () => {
    expect(
      stepReturnProblem(
        { movedFromMilestoneId: 'm1' },
        { state: 'approved', initiativeStatus: 'active' },
      ),
    ).toBe('The milestone is approved: its steps do not change any more.');
  });
});
