import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateCycleRequest,
  CyclePeriod,
  CycleResponse,
  CycleSort,
  Page,
  UpdateCycleRequest,
} from '@waypoint/contracts';
import {
  assertRule,
  cycleDatesLockedProblem,
  cycleSpanProblem,
  type DaySpan,
  DomainError,
  periodAfter,
  periodContaining,
  today,
  cycleOverlapProblem,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { pageOf, type PageRequest, requireChanges, ValueWrites } from '../common';
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

  /**
   * Renames a cycle, or moves its dates while nothing depends on them (no cycle review, not
   * ended: libs/domain `cycleDatesLockedProblem`). Conditional on the version read (If-Match).
   */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateCycleRequest,
    actor: Actor,
  ): Promise<CycleResponse> {
    const changes = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const current = await this.cycles.findById(id);
      if (!current) throw new NotFoundException('No such cycle.');
      const before = mapCycle(current);
      const span = {
        startsOn: changes.startsOn ?? before.startsOn,
        endsOn: changes.endsOn ?? before.endsOn,
      };
      const datesChange = span.startsOn !== before.startsOn || span.endsOn !== before.endsOn;
      if (datesChange) {
        assertRule(
          'cycle_in_use',
          cycleDatesLockedProblem({
            reviews: await this.cycles.reviewCount(id),
            endsOn: before.endsOn,
            today: today(),
          }),
        );
        assertRule('cycle_period_invalid', cycleSpanProblem(span.startsOn, span.endsOn));
        const other = await this.cycles.overlapping(span, id);
        if (other) {
          throw new DomainError('cycle_overlap', cycleOverlapProblem(span, other));
        }
      }
      const after = mapCycle(
        await this.cycles.update(id, expectedVersion, {
          ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
          ...(datesChange ? span : {}),
        }),
      );
      await this.audit.record({
        actor,
        action: 'update',
        entityType: 'cycle',
        entityId: id,
        before,
        after,
      });
      if (datesChange) await this.valueWrites.cyclesChanged();
      return after;
    });
  }

  private async insert(span: DaySpan, actor: Actor): Promise<CycleResponse> {
    const other = await this.cycles.overlapping(span);
    if (other) {
      throw new DomainError('cycle_overlap', cycleOverlapProblem(span, other));
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
