import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  InitiativeListItem,
  InitiativeListQuery,
  InitiativeResponse,
  InitiativeSort,
  Page,
  SortOrder,
} from '@waypoint/contracts';
import type { AuthenticatedUser } from '../auth';
import type { PageRequest } from '../common';
import { InitiativeAnswersRepository } from './initiative-answers.repository';
import { completeInitiative } from './initiative.mapper';
import { readScope } from './initiative-visibility';
import { NOT_FOUND } from './initiatives.repository';

/** Natural direction of each sort key when the client does not say. */
const DEFAULT_ORDER: Record<InitiativeSort, SortOrder> = {
  title: 'asc',
  status: 'asc',
  updatedAt: 'desc',
};

/**
 * Reading initiatives: the list (members see theirs) and the detail, each one statement whose
 * JSON PostgreSQL builds; the route's response schema serialises it.
 */
@Injectable()
export class InitiativeReadsService {
  constructor(private readonly answers: InitiativeAnswersRepository) {}

  /** One page with owner, sponsor, team size, departments and current milestone: one statement. */
  async list(
    query: InitiativeListQuery & PageRequest,
    user: AuthenticatedUser,
  ): Promise<Page<InitiativeListItem>> {
    const { limit, offset, sort = 'updatedAt', order, ...filter } = query;
    return this.answers.list(
      { ...filter, readableBy: readScope(user) },
      { sort, order: order ?? DEFAULT_ORDER[sort] },
      { limit, offset },
    );
  }

  async get(id: string): Promise<InitiativeResponse> {
    return this.describe(id);
  }

  /** The full detail, through the caller's transaction when given. */
  async describe(id: string): Promise<InitiativeResponse> {
    const row = await this.answers.detail(id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return completeInitiative(row);
  }
}
