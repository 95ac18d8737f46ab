import { assertRule, assertRules, DomainError, fieldErrorsOf } from './errors';

const caught = (work: () => void): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('domain errors', () => {
  it('assertRule passes when the rule names no problem, else throws its code and message', () => {
    expect(() => assertRule('plan_closed', null)).not.toThrow();
    const error = caught(() => assertRule('plan_closed', 'Closed.'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'plan_closed', message: 'Closed.', errors: undefined });
  });

  it('assertRule puts the problem under the field it names', () => {
    expect(caught(() => assertRule('position_invalid', 'Too far.', 'position'))).toMatchObject({
      code: 'position_invalid',
      errors: { position: ['Too far.'] },
    });
  });

  it('assertRules joins every problem and lists each under the field', () => {
    expect(() => assertRules('counter_measure_invalid', [])).not.toThrow();
    expect(
      caught(() => assertRules('counter_measure_invalid', ['A.', 'B.'], 'counterMeasureId')),
    ).toMatchObject({
      code: 'counter_measure_invalid',
      message: 'A. B.',
      errors: { counterMeasureId: ['A.', 'B.'] },
    });
  });

  it('fieldErrorsOf reads `field: message` problems and leaves the others out', () => {
    expect(
      fieldErrorsOf(['sponsorId: no user.', 'teamIds: one.', 'teamIds: two.', 'Plain.']),
    ).toEqual({ sponsorId: ['no user.'], teamIds: ['one.', 'two.'] });
  });

  it('names the error class', () => {
    expect(new DomainError('invalid_request', 'No.').name).toBe('DomainError');
  });
});
