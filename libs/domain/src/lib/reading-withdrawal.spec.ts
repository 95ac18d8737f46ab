import { readingWithdrawalProblem, withdrawnCorrectionProblem } from './reading-withdrawal';

describe('readingWithdrawalProblem', () => {
  it.each([
    ['an effective reading', { supersededById: null, withdrawn: false }, null],
    ['a withdrawn reading', { supersededById: null, withdrawn: true }, /already withdrawn/],
    [
      'a corrected reading',
      { supersededById: 'r2', withdrawn: false },
      /withdraw the correction instead/,
    ],
    ['a withdrawn and corrected one', { supersededById: 'r2', withdrawn: true }, /already/],
  ])('%s', (_label, reading, expected) => {
    const problem = readingWithdrawalProblem(reading);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('withdrawnCorrectionProblem', () => {
  it('refuses to correct a withdrawn reading and lets any other be corrected', () => {
    expect(withdrawnCorrectionProblem({ withdrawn: true })).toMatch(/record a new reading/);
    expect(withdrawnCorrectionProblem({ withdrawn: false })).toBeNull();
  });
});
