import { Injectable } from '@nestjs/common';
import { DomainError, fieldErrorsOf, sponsorProblem, teamProblem } from '@waypoint/domain';
import { InitiativeRelatedRepository } from './initiative-related.repository';

/**
 * Checks the people and customer groups a request names, inside the transaction of the write:
 * 422 (`reference_invalid`) naming the field and the ids that are wrong.
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
    if (problems.length > 0) {
      throw new DomainError('reference_invalid', problems.join(' '), fieldErrorsOf(problems));
    }
  }
}
