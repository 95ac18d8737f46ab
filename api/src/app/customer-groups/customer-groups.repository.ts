import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CustomerGroupIntent } from '@waypoint/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/database-errors';
import type { PageRequest } from '../common/paging';
import { conditionalUpdate, insertReturning } from '../common/versioned-writes';
import { CustomerGroupEntity } from './customer-group.entity';
import { DuplicateRecordError } from '../common/persistence-errors';

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

  async findById(id: string, manager?: EntityManager): Promise<CustomerGroupEntity | null> {
    const repository = manager ? manager.getRepository(CustomerGroupEntity) : this.repository;
    return repository.findOneBy({ id });
  }

  /** 409 when the name is taken (ignoring case). */
  async insert(manager: EntityManager, fields: CustomerGroupFields): Promise<CustomerGroupEntity> {
    try {
      return await insertReturning(manager, CustomerGroupEntity, fields);
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(fields.name);
      throw error;
    }
  }

  /** The conditional write: 404, 412 (stale version) or 409 (name taken). */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: CustomerGroupChanges,
  ): Promise<CustomerGroupEntity> {
    try {
      return await conditionalUpdate(
        manager,
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
