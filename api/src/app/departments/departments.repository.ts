import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { conditionalUpdate, insertReturning } from '../common/versioned-writes';
import { isUniqueViolation } from '../common/database-errors';
import type { PageRequest } from '../common/paging';
import { DepartmentEntity } from './department.entity';
import { DuplicateRecordError } from '../common/persistence-errors';

export interface DepartmentChanges {
  name?: string;
}

const NAME_KEY = 'departments_name_key';

function nameTaken(name: string | undefined): DuplicateRecordError {
  return new DuplicateRecordError(
    `A department named "${name ?? ''}" already exists (names are compared ignoring case).`,
  );
}

@Injectable()
export class DepartmentsRepository {
  constructor(
    @InjectRepository(DepartmentEntity)
    private readonly repository: Repository<DepartmentEntity>,
  ) {}

  async list(page: PageRequest): Promise<{ rows: DepartmentEntity[]; total: number }> {
    const [rows, total] = await this.repository
      .createQueryBuilder('d')
      .select(['d.id', 'd.name', 'd.version', 'd.createdAt', 'd.updatedAt'])
      .orderBy('lower(d.name)', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async findById(id: string, manager?: EntityManager): Promise<DepartmentEntity | null> {
    const repository = manager ? manager.getRepository(DepartmentEntity) : this.repository;
    return repository.findOneBy({ id });
  }

  /** 409 when the name is taken (ignoring case). */
  async insert(manager: EntityManager, name: string): Promise<DepartmentEntity> {
    try {
      return await insertReturning(manager, DepartmentEntity, { name });
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(name);
      throw error;
    }
  }

  /** The conditional write: 404, 412 (stale version) or 409 (name taken). */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: DepartmentChanges,
  ): Promise<DepartmentEntity> {
    try {
      return await conditionalUpdate(
        manager,
        DepartmentEntity,
        id,
        expectedVersion,
        changes,
        'No such department.',
      );
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(changes.name);
      throw error;
    }
  }
}
