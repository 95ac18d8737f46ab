import { UnprocessableEntityException } from '@nestjs/common';
import { assertInitiativeTransition, InvalidWeightError } from '@waypoint/domain';
import { applyRule, domainProblem } from './domain-problem';

describe('domain rules as 422 problems', () => {
  it('answers the value of a rule that passes', () => {
    expect(applyRule(() => 42)).toBe(42);
  });

  it('turns a refused initiative transition into a 422 naming both statuses', () => {
    const refuse = (): void => applyRule(() => assertInitiativeTransition('draft', 'completed'));
    expect(refuse).toThrow(UnprocessableEntityException);
    expect(refuse).toThrow('An initiative cannot go from "draft" to "completed".');
  });

  it('maps every domain error by its code, keeping the message', () => {
    const problem = domainProblem(new InvalidWeightError(-1));
    expect(problem.getStatus()).toBe(422);
    expect(problem.message).toContain('-1');
  });

  it('lets other errors through unchanged', () => {
    const error = new Error('database away');
    expect(() =>
      applyRule(() => {
        throw error;
      }),
    ).toThrow(error);
  });
});
