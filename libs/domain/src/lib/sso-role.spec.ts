import type { Role } from '@waypoint/contracts';
import { groupsOfClaim, roleFromGroups } from './sso-role';

const mapping = new Map<string, Role>([
  ['wp-admins', 'admin'],
  ['wp-execs', 'executive'],
  ['wp-managers', 'manager'],
  ['wp-members', 'member'],
]);

describe('roleFromGroups', () => {
  it.each<[string, string[], ReadonlyMap<string, Role>, Role | null, Role, Role]>([
    ['one mapped group', ['wp-execs'], mapping, 'member', 'member', 'executive'],
    ['the highest of several', ['wp-members', 'wp-admins', 'x'], mapping, null, 'member', 'admin'],
    ['no mapped group: the default', ['sales'], mapping, 'executive', 'member', 'member'],
    ['no groups at all: the default', [], mapping, 'manager', 'member', 'member'],
    ['no mapping: the role stays', ['wp-admins'], new Map(), 'manager', 'member', 'manager'],
    ['no mapping, new account: the default', ['wp-admins'], new Map(), null, 'member', 'member'],
  ])('%s', (_name, groups, map, current, fallback, expected) => {
    expect(roleFromGroups(groups, map, current, fallback)).toBe(expected);
  });
});

describe('groupsOfClaim', () => {
  it.each<[unknown, string[]]>([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    ['a', ['a']],
    [['a', 3, null], ['a']],
    [undefined, []],
    [{ a: 1 }, []],
  ])('%j -> %j', (claim, expected) => {
    expect(groupsOfClaim(claim)).toEqual(expected);
  });
});
