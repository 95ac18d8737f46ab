import { sponsorProblem, teamProblem } from './initiative-people';

describe('sponsor and team checks', () => {
  it('accepts an active executive as sponsor and names every other case', () => {
    expect(sponsorProblem('s', { id: 's', role: 'executive', active: true })).toBeNull();
    expect(sponsorProblem('s', undefined)).toBe('sponsorId: no user has the id s.');
    expect(sponsorProblem('s', { id: 's', role: 'member', active: true })).toMatch(
      /must be an executive; s is a member/,
    );
    expect(sponsorProblem('s', { id: 's', role: 'executive', active: false })).toMatch(
      /deactivated/,
    );
  });

  it('accepts active users of any role as team and names unknown or deactivated ones', () => {
    const users = [
      { id: 'a', role: 'member' as const, active: true },
      { id: 'b', role: 'manager' as const, active: false },
    ];
    expect(teamProblem(['a'], users)).toBeNull();
    expect(teamProblem(['a', 'x', 'y'], users)).toBe('teamIds: no user has the id x, y.');
    expect(teamProblem(['a', 'b'], users)).toMatch(/deactivated: b\./);
  });
});
