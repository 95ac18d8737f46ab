import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  conditionalUpdate,
  insertReturning,
  isUniqueViolation,
  type PageRequest,
  DuplicateRecordError,
} from '../common';
import { DepartmentEntity } from './department.entity';

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
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
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

  async findById(id: string): Promise<DepartmentEntity | null> {
    const repository = this.txHost.tx.getRepository(DepartmentEntity);
    return repository.findOneBy({ id });
  }

  /** 409 when the name is taken (ignoring case). */
  async insert(name: string): Promise<DepartmentEntity> {
    try {
      return await insertReturning(this.txHost, DepartmentEntity, { name });
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(name);
      throw error;
    }
  }

  /** The conditional write: 404, 412 (stale version) or 409 (name taken). */
  async update(
    id: string,
    expectedVersion: number,
    changes: DepartmentChanges,
  ): Promise<DepartmentEntity> {
    try {
      return await conditionalUpdate(
        this.txHost,
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
