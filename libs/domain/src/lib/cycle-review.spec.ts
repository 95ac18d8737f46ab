import { decisionProblem } from './cycle-review';

const q3 = { name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };

describe('the decision of a cycle review', () => {
  it('may wait while the cycle runs, and may be made then', () => {
    expect(decisionProblem(q3, null, '2026-07-01')).toBeNull();
    expect(decisionProblem(q3, 'adapt', '2026-08-15')).toBeNull();
    expect(decisionProblem(q3, null, '2026-09-30')).toBeNull();
  });

  it('is required once the cycle has ended', () => {
    expect(decisionProblem(q3, null, '2026-10-01')).toMatch(
      /2026-Q3 ended on 2026-09-30: its review needs a decision/,
    );
    expect(decisionProblem(q3, 'abandon', '2027-01-01')).toBeNull();
  });

  it('cannot come before the cycle starts', () => {
    expect(decisionProblem(q3, 'adopt', '2026-06-30')).toMatch(/starts on 2026-07-01/);
    expect(decisionProblem(q3, null, '2026-06-30')).toBeNull();
  });
});
