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
import { pageOf, type PageRequest } from '../common';
import { InitiativeRelatedRepository } from './initiative-related.repository';
import { mapInitiative, mapListItem } from './initiative.mapper';
import { readScope } from './initiative-visibility';
import { InitiativesRepository, NOT_FOUND } from './initiatives.repository';

/** Natural direction of each sort key when the client does not say. */
const DEFAULT_ORDER: Record<InitiativeSort, SortOrder> = {
  title: 'asc',
  status: 'asc',
  updatedAt: 'desc',
};

/** Reading initiatives: the list (members see theirs) and the detail. */
@Injectable()
export class InitiativeReadsService {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly related: InitiativeRelatedRepository,
  ) {}

  /**
   * One page, with owner, sponsor, team size, departments and current milestone loaded for the
   * whole page at once: five queries whatever the page size.
   */
  async list(
    query: InitiativeListQuery & PageRequest,
    user: AuthenticatedUser,
  ): Promise<Page<InitiativeListItem>> {
    const { limit, offset, sort = 'updatedAt', order, ...filter } = query;
    const page = { limit, offset };
    const { rows, total } = await this.initiatives.list(
      { ...filter, readableBy: readScope(user) },
      { sort, order: order ?? DEFAULT_ORDER[sort] },
      page,
    );
    const ids = rows.map((row) => row.id);
    const users = await this.related.users(rows.flatMap((row) => [row.ownerId, row.sponsorId]));
    const stats = await this.related.teamStats(ids);
    const milestones = await this.related.milestoneStates(ids);
    return pageOf(
      rows.map((row) => mapListItem(row, users, stats.get(row.id), milestones.get(row.id) ?? [])),
      total,
      page,
    );
  }

  async get(id: string): Promise<InitiativeResponse> {
    return this.describe(id);
  }

  /** The full detail, through the caller's transaction when given. */
  async describe(id: string): Promise<InitiativeResponse> {
    const entity = await this.initiatives.findById(id);
    if (!entity) throw new NotFoundException(NOT_FOUND);
    const users = await this.related.users([entity.ownerId, entity.sponsorId]);
    const team = await this.related.team(id);
    const customerGroups = await this.related.customerGroups(id);
    const milestones = await this.related.milestones(id);
    const measures = await this.related.measures(id);
    const openConditions = await this.related.openConditions(id);
    return mapInitiative(entity, {
      users,
      team,
      customerGroups,
      milestones,
      measures,
      openConditions,
    });
  }
}
