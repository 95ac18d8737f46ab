import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InitiativeRelatedRepository, type UserCheck } from './initiative-related.repository';

/** Why this user cannot sponsor, or null when they can (an active executive). */
export function sponsorProblem(id: string, user: UserCheck | undefined): string | null {
  if (!user) return `sponsorId: no user has the id ${id}.`;
  if (user.role !== 'executive') {
    return `sponsorId: the sponsor must be an executive; ${id} is a ${user.role}.`;
  }
  if (!user.active) return `sponsorId: the sponsor ${id} is deactivated.`;
  return null;
}

/** Why these users cannot form the team, or null (each must exist and be active). */
export function teamProblem(ids: readonly string[], users: readonly UserCheck[]): string | null {
  const found = new Map(users.map((user) => [user.id, user]));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) return `teamIds: no user has the id ${unknown.join(', ')}.`;
  const inactive = ids.filter((id) => found.get(id)?.active === false);
  if (inactive.length > 0) {
    return `teamIds: team members must be active users; deactivated: ${inactive.join(', ')}.`;
  }
  return null;
}

/**
 * Checks the people and customer groups a request names, inside the transaction of the write:
 * 422 naming the field and the ids that are wrong.
 */
@Injectable()
export class InitiativeReferences {
  constructor(private readonly related: InitiativeRelatedRepository) {}

  async check(request: {
    sponsorId?: string;
    teamIds?: string[];
    customerGroupIds?: string[];
  }): Promise<void> {
    const problems: string[] = [];
    const userIds = [...(request.teamIds ?? []), ...(request.sponsorId ? [request.sponsorId] : [])];
    const users = await this.related.userChecks([...new Set(userIds)]);
    if (request.sponsorId !== undefined) {
      const sponsor = users.find((user) => user.id === request.sponsorId);
      const problem = sponsorProblem(request.sponsorId, sponsor);
      if (problem) problems.push(problem);
    }
    if (request.teamIds !== undefined) {
      const problem = teamProblem(request.teamIds, users);
      if (problem) problems.push(problem);
    }
    if (request.customerGroupIds !== undefined && request.customerGroupIds.length > 0) {
      const found = await this.related.existingCustomerGroupIds(request.customerGroupIds);
      const unknown = request.customerGroupIds.filter((id) => !found.has(id));
      if (unknown.length > 0) {
        problems.push(`customerGroupIds: no customer group has the id ${unknown.join(', ')}.`);
      }
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems.join(' '));
  }
}
