import type { Role } from '@waypoint/contracts';

/** A user as the people rules of an initiative see them. */
export interface PersonCheck {
  id: string;
  role: Role;
  active: boolean;
}

/** Why this user cannot sponsor, or null when they can (an active executive). */
export function sponsorProblem(id: string, user: PersonCheck | undefined): string | null {
  if (!user) return `sponsorId: no user has the id ${id}.`;
  if (user.role !== 'executive') {
    return `sponsorId: the sponsor must be an executive; ${id} is a ${user.role}.`;
  }
  if (!user.active) return `sponsorId: the sponsor ${id} is deactivated.`;
  return null;
}

/** Why these users cannot form the team, or null (each must exist and be active). */
export function teamProblem(ids: readonly string[], users: readonly PersonCheck[]): string | null {
  const found = new Map(users.map((user) => [user.id, user]));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) return `teamIds: no user has the id ${unknown.join(', ')}.`;
  const inactive = ids.filter((id) => found.get(id)?.active === false);
  if (inactive.length > 0) {
    return `teamIds: team members must be active users; deactivated: ${inactive.join(', ')}.`;
  }
  return null;
}
