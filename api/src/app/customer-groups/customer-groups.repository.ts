import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { CustomerGroupIntent } from '@waypoint/contracts';
import type { Repository } from 'typeorm';
import {
  isUniqueViolation,
  type PageRequest,
  conditionalUpdate,
  insertReturning,
  DuplicateRecordError,
} from '../common';
import { CustomerGroupEntity } from './customer-group.entity';

export interface CustomerGroupFields {
  name: string;
  description: string;
  intent: CustomerGroupIntent;
  valueProposition: string;
  protected: boolean;
}

export type CustomerGroupChanges = Partial<CustomerGroupFields>;

const NAME_KEY = 'customer_groups_name_key';

function nameTaken(name: string | undefined): DuplicateRecordError {
  return new DuplicateRecordError(
    `A customer group named "${name ?? ''}" already exists (names are compared ignoring case).`,
  );
}

@Injectable()
export class CustomerGroupsRepository {
  constructor(
    @InjectRepository(CustomerGroupEntity)
    private readonly repository: Repository<CustomerGroupEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async list(
    filter: { intent?: CustomerGroupIntent },
    page: PageRequest,
  ): Promise<{ rows: CustomerGroupEntity[]; total: number }> {
    const query = this.repository.createQueryBuilder('g');
    if (filter.intent !== undefined) query.where('g.intent = :intent', { intent: filter.intent });
    const [rows, total] = await query
      .orderBy('lower(g.name)', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async findById(id: string): Promise<CustomerGroupEntity | null> {
    const repository = this.txHost.tx.getRepository(CustomerGroupEntity);
    return repository.findOneBy({ id });
  }

  /** The initiatives that have a measure of this group (their value picture reads the group). */
  async initiativesMeasuring(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT DISTINCT initiative_id AS id FROM measures WHERE customer_group_id = $1`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** 409 when the name is taken (ignoring case). */
  async insert(fields: CustomerGroupFields): Promise<CustomerGroupEntity> {
    try {
      return await insertReturning(this.txHost, CustomerGroupEntity, fields);
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(fields.name);
      throw error;
    }
  }

  /** The conditional write: 404, 412 (stale version) or 409 (name taken). */
  async update(
    id: string,
    expectedVersion: number,
    changes: CustomerGroupChanges,
  ): Promise<CustomerGroupEntity> {
    try {
      return await conditionalUpdate(
        this.txHost,
        CustomerGroupEntity,
        id,
        expectedVersion,
        changes,
        'No such customer group.',
      );
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(changes.name);
      throw error;
    }
  }
}
