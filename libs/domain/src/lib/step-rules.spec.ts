import { INITIATIVE_STATUS_VALUES, MILESTONE_STATE_VALUES } from '@waypoint/contracts';
import { stepsClosedProblem } from './step-rules';

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
