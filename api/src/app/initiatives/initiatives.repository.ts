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
import { conditionalUpdate, insertReturning } from '../common';
import { InitiativeEntity } from './initiative.entity';
import type { ReadScope } from './initiative-visibility';

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

/** The ORDER BY expression of each sort key, over `initiatives i`. */
export const SORT_EXPRESSIONS: Record<InitiativeSort, string> = {
  title: 'lower(i.title)',
  updatedAt: 'i.updated_at',
  status: STATUS_RANK,
};

@Injectable()
export class InitiativesRepository {
  constructor(
    @InjectRepository(InitiativeEntity)
    private readonly repository: Repository<InitiativeEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

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
