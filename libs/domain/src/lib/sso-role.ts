import type { Role } from '@waypoint/contracts';

/** Roles from the most to the least rights: a person in several mapped groups gets the first. */
const RANK: readonly Role[] = ['admin', 'executive', 'manager', 'member'];

/**
 * The role single sign-on gives a person from the groups the provider says they are in. With no
 * mapping, the provider does not manage roles: the current role stays (`fallback` for a new
 * account). With a mapping, the highest role of a mapped group wins, and someone in no mapped
 * group gets `fallback` (the default role), so leaving a group takes its rights away.
 */
export function roleFromGroups(
  groups: readonly string[],
  mapping: ReadonlyMap<string, Role>,
  current: Role | null,
  fallback: Role,
): Role {
  if (mapping.size === 0) return current ?? fallback;
  const granted = new Set(groups.flatMap((group) => mapping.get(group) ?? []));
  return RANK.find((role) => granted.has(role)) ?? fallback;
}

/** A groups claim as a list of names: a list of strings, or one string; anything else is none. */
export function groupsOfClaim(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}
