import { readableSql, readScope } from './initiative-visibility';

describe('which initiatives a user reads', () => {
  it.each(['admin', 'executive', 'manager'] as const)('a %s reads every initiative', (role) => {
    expect(readScope({ id: 'u1', role })).toBeNull();
  });

  it('a member reads what they own or are on the team of, not what they sponsor', () => {
    const scope = readScope({ id: 'u1', role: 'member' });
    expect(scope).toEqual({ userId: 'u1', relations: ['owner', 'team'] });
    expect(scope && readableSql(scope, 'i', ':me')).toBe(
      '(i.owner_id = :me OR EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = :me))',
    );
  });

  it('reads nothing through no relation', () => {
    expect(readableSql({ userId: 'u1', relations: [] }, 'i', '$1')).toBe('false');
  });
});
