import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type Approach,
  INITIATIVE_STATUS_VALUES,
  type InitiativeSort,
  type InitiativeStatus,
  type SortOrder,
} from '@waypoint/contracts';
import type { Repository } from 'typeorm';
import { type PageRequest, conditionalUpdate, insertReturning } from '../common';
import { InitiativeEntity } from './initiative.entity';
import { type ReadScope, readableSql } from './initiative-visibility';

export interface InitiativeFilter {
  status?: InitiativeStatus;
  approach?: Approach;
  ownerId?: string;
  sponsorId?: string;
  customerGroupId?: string;
  q?: string;
  /** Only the initiatives this scope reads (absent: all). */
  readableBy?: ReadScope | null;
}

export interface InitiativeOrder {
  sort: InitiativeSort;
  order: SortOrder;
}

/** The columns of an initiative that lists show. */
export type InitiativeListRow = Pick<
  InitiativeEntity,
  | 'id'
  | 'title'
  | 'status'
  | 'approach'
  | 'ownerId'
  | 'sponsorId'
  | 'estimatedCustomerValue'
  | 'estimatedBusinessValue'
  | 'version'
  | 'updatedAt'
>;

export type InitiativeFields = Pick<
  InitiativeEntity,
  | 'title'
  | 'problem'
  | 'hypothesis'
  | 'approach'
  | 'ownerId'
  | 'sponsorId'
  | 'estimatedCustomerValue'
  | 'estimatedBusinessValue'
  | 'readinessScore'
  | 'readinessNotes'
  | 'template'
>;

export type InitiativeChanges = Partial<
  Omit<InitiativeFields, 'ownerId' | 'template'> & { status: InitiativeStatus }
>;

export const NOT_FOUND = 'No such initiative.';

/** Lifecycle order, for sorting by status. */
const STATUS_RANK = `array_position(ARRAY[${INITIATIVE_STATUS_VALUES.map((s) => `'${s}'`).join(
  ', ',
)}]::varchar[], i.status)`;

const SORT_EXPRESSIONS: Record<InitiativeSort, string> = {
  title: 'lower(i.title)',
  updatedAt: 'i.updated_at',
  status: STATUS_RANK,
};

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class InitiativesRepository {
  constructor(
    @InjectRepository(InitiativeEntity)
    private readonly repository: Repository<InitiativeEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** One page in the requested order, and how many match: two queries. */
  async list(
    filter: InitiativeFilter,
    order: InitiativeOrder,
    page: PageRequest,
  ): Promise<{ rows: InitiativeListRow[]; total: number }> {
    const query = this.repository
      .createQueryBuilder('i')
      .select([
        'i.id',
        'i.title',
        'i.status',
        'i.approach',
        'i.ownerId',
        'i.sponsorId',
        'i.estimatedCustomerValue',
        'i.estimatedBusinessValue',
        'i.version',
        'i.updatedAt',
      ]);
    if (filter.status !== undefined) query.andWhere('i.status = :status', filter);
    if (filter.approach !== undefined) query.andWhere('i.approach = :approach', filter);
    if (filter.ownerId !== undefined) query.andWhere('i.owner_id = :ownerId', filter);
    if (filter.sponsorId !== undefined) query.andWhere('i.sponsor_id = :sponsorId', filter);
    if (filter.customerGroupId !== undefined) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM initiative_customer_groups g
                  WHERE g.initiative_id = i.id AND g.customer_group_id = :customerGroupId)`,
        filter,
      );
    }
    if (filter.q !== undefined && filter.q !== '') {
      query.andWhere(`lower(i.title) LIKE :q ESCAPE '\\'`, { q: likePattern(filter.q) });
    }
    if (filter.readableBy) {
      query.andWhere(readableSql(filter.readableBy, 'i', ':me'), { me: filter.readableBy.userId });
    }
    const direction = order.order === 'asc' ? 'ASC' : 'DESC';
    // A plain count(*) of the same filter: TypeORM's getManyAndCount counts DISTINCT ids, which
    // costs five times as much on a large table and is not needed without joins.
    const counting = query.clone().select('count(*)::int', 'n');
    const [rows, counted] = await Promise.all([
      query
        .orderBy(SORT_EXPRESSIONS[order.sort], direction)
        .addOrderBy('i.id', direction)
        .limit(page.limit)
        .offset(page.offset)
        .getMany(),
      counting.getRawOne<{ n: number }>(),
    ]);
    return { rows, total: counted?.n ?? 0 };
  }

  async findById(id: string): Promise<InitiativeEntity | null> {
    return this.txHost.tx.getRepository(InitiativeEntity).findOneBy({ id });
  }

  async insert(fields: InitiativeFields): Promise<InitiativeEntity> {
    return insertReturning(this.txHost, InitiativeEntity, fields);
  }

  /** The one conditional write: 404, or 412 when the version moved on. */
  async update(
    id: string,
    expectedVersion: number,
    changes: InitiativeChanges,
  ): Promise<InitiativeEntity> {
    return conditionalUpdate(
      this.txHost,
      InitiativeEntity,
      id,
      expectedVersion,
      changes,
      NOT_FOUND,
    );
  }

  async teamIds(id: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.txHost.tx.query(
      `SELECT user_id FROM initiative_team WHERE initiative_id = $1 ORDER BY user_id`,
      [id],
    );
    return rows.map((row) => row.user_id);
  }

  async customerGroupIds(id: string): Promise<string[]> {
    const rows: Array<{ customer_group_id: string }> = await this.txHost.tx.query(
      `SELECT customer_group_id FROM initiative_customer_groups
        WHERE initiative_id = $1 ORDER BY customer_group_id`,
      [id],
    );
    return rows.map((row) => row.customer_group_id);
  }

  /** Replaces the team with these users (one DELETE, one INSERT). */
  async replaceTeam(id: string, userIds: readonly string[]): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM initiative_team WHERE initiative_id = $1`, [id]);
    if (userIds.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO initiative_team (initiative_id, user_id)
       SELECT $1, unnest($2::uuid[])`,
      [id, [...userIds]],
    );
  }

  /** Replaces the target customer groups (one DELETE, one INSERT). */
  async replaceCustomerGroups(id: string, groupIds: readonly string[]): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM initiative_customer_groups WHERE initiative_id = $1`, [
      id,
    ]);
    if (groupIds.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO initiative_customer_groups (initiative_id, customer_group_id)
       SELECT $1, unnest($2::uuid[])`,
      [id, [...groupIds]],
    );
  }
}
