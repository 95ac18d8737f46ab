import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateCycleRequest,
  CyclePeriod,
  CycleResponse,
  CycleSort,
  Page,
} from '@waypoint/contracts';
import {
  assertRule,
  cycleSpanProblem,
  type DaySpan,
  DomainError,
  periodAfter,
  periodContaining,
  today,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { pageOf, type PageRequest, ValueWrites } from '../common';
import { type CycleFilter, CyclesRepository } from './cycles.repository';
import { mapCycle } from './dto/cycle.dto';

/** Improvement cycles (seed 002: progressive improvement in roughly three-monthly cycles). */
@Injectable()
export class CyclesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cycles: CyclesRepository,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  async list(
    filter: CycleFilter,
    sort: CycleSort,
    page: PageRequest,
  ): Promise<Page<CycleResponse>> {
    const { rows, total } = await this.cycles.list(filter, sort, page);
    return pageOf(rows.map(mapCycle), total, page);
  }

  /** A cycle of at most a year that shares no day with another (422 names the other). */
  async create(request: CreateCycleRequest, actor: Actor): Promise<CycleResponse> {
    assertRule('cycle_period_invalid', cycleSpanProblem(request.startsOn, request.endsOn));
    return this.txHost.withTransaction(() => this.insert(request, actor));
  }

  /**
   * The calendar period after the latest cycle (a quarter unless asked otherwise, named e.g.
   * 2026-Q4); with no cycle yet, the current one.
   */
  async createNext(period: CyclePeriod, actor: Actor): Promise<CycleResponse> {
    return this.txHost.withTransaction(async () => {
      const latest = await this.cycles.latest();
      const span = latest ? periodAfter(latest.endsOn, period) : periodContaining(today(), period);
      return this.insert(span, actor);
    });
  }

  private async insert(span: DaySpan, actor: Actor): Promise<CycleResponse> {
    const other = await this.cycles.overlapping(span);
    if (other) {
      throw new DomainError(
        'cycle_overlap',
        `${span.startsOn}..${span.endsOn} overlaps the cycle "${other.name}" (${other.startsOn}..${other.endsOn}); cycles must not overlap.`,
      );
    }
    const created = mapCycle(await this.cycles.insert(span));
    await this.audit.record({
      actor,
      action: 'create',
      entityType: 'cycle',
      entityId: created.id,
      after: created,
    });
    await this.valueWrites.cyclesChanged();
    return created;
  }
}
