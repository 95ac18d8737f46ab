import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { cycleOverlapProblem, DomainError } from '@waypoint/domain';
import { InjectRepository } from '@nestjs/typeorm';
import type { CycleSort } from '@waypoint/contracts';
import { QueryFailedError, type Repository } from 'typeorm';
import {
  conditionalUpdate,
  isUniqueViolation,
  type PageRequest,
  insertReturning,
  DuplicateRecordError,
} from '../common';
import type { DaySpan } from '@waypoint/domain';
import { CycleEntity } from './cycle.entity';

export interface CycleFilter {
  from?: string;
  to?: string;
}

const NAME_KEY = 'cycles_name_key';
/** The exclusion constraint of migration 1764000000600: no two cycles share a day. */
const NO_OVERLAP = 'cycles_no_overlap';

function isExclusionViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  return driverError.code === '23P01' && driverError.constraint === NO_OVERLAP;
}

@Injectable()
export class CyclesRepository {
  constructor(
    @InjectRepository(CycleEntity) private readonly repository: Repository<CycleEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async list(
    filter: CycleFilter,
    sort: CycleSort,
    page: PageRequest,
  ): Promise<{ rows: CycleEntity[]; total: number }> {
    const qb = this.repository.createQueryBuilder('c');
    if (filter.from) qb.andWhere('c.ends_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('c.starts_on <= :to', { to: filter.to });
    const [rows, total] = await qb
      .orderBy('c.starts_on', sort === '-startsOn' ? 'DESC' : 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async findById(id: string): Promise<CycleEntity | null> {
    return this.txHost.tx.getRepository(CycleEntity).findOneBy({ id });
  }

  /** The cycle that ends last. */
  async latest(): Promise<CycleEntity | null> {
    return this.txHost.tx
      .getRepository(CycleEntity)
      .createQueryBuilder('c')
      .orderBy('c.ends_on', 'DESC')
      .limit(1)
      .getOne();
  }

  /** A cycle that shares a day with the span, if any (other than `exceptId`). */
  async overlapping(span: Omit<DaySpan, 'name'>, exceptId?: string): Promise<CycleEntity | null> {
    const qb = this.txHost.tx
      .getRepository(CycleEntity)
      .createQueryBuilder('c')
      .where('c.starts_on <= :endsOn AND c.ends_on >= :startsOn', {
        startsOn: span.startsOn,
        endsOn: span.endsOn,
      });
    if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
    return qb.orderBy('c.starts_on', 'ASC').limit(1).getOne();
  }

  /** How many cycle reviews were written for the cycle. */
  async reviewCount(id: string): Promise<number> {
    const row = await this.txHost.tx
      .createQueryBuilder()
      .select('count(*)::int', 'count')
      .from('cycle_reviews', 'r')
      .where('r.cycle_id = :id', { id })
      .getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }

  /** The conditional write (If-Match): 404, 412, 409 (name taken) or 422 (overlap). */
  async update(
    id: string,
    expectedVersion: number,
    changes: Partial<DaySpan>,
  ): Promise<CycleEntity> {
    try {
      return await conditionalUpdate(
        this.txHost,
        CycleEntity,
        id,
        expectedVersion,
        changes,
        'No such cycle.',
      );
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) {
        throw new DuplicateRecordError(`A cycle named "${changes.name ?? ''}" already exists.`);
      }
      if (isExclusionViolation(error)) {
        throw new DomainError(
          'cycle_overlap',
          'These dates overlap another cycle; pick other dates.',
        );
      }
      throw error;
    }
  }

  /** 409 when the name is taken; 422 when a concurrent write made it overlap. */
  async insert(span: DaySpan): Promise<CycleEntity> {
    try {
      return await insertReturning(this.txHost, CycleEntity, span);
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) {
        throw new DuplicateRecordError(`A cycle named "${span.name}" already exists.`);
      }
      if (isExclusionViolation(error)) {
        throw new DomainError('cycle_overlap', cycleOverlapProblem(span, null));
      }
      throw error;
    }
  }
}
