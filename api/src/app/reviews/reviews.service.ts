import {
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
  PreconditionFailedException,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CycleReviewResponse,
  MeasureUserRef,
  Page,
  PutCycleReviewRequest,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import {
  PRECONDITION_FAILED_MESSAGE,
  PRECONDITION_REQUIRED_MESSAGE,
  pageOf,
  type PageRequest,
} from '../common';
import { cycleRef, type ValueModel, ValueService } from '../value';
import { assertRule, decisionProblem, today } from '@waypoint/domain';
import { CyclesRepository } from '../cycles';
import { type ReviewFields, type ReviewRow, ReviewsRepository } from './reviews.repository';

export function mapReview(
  row: ReviewRow,
  model: ValueModel,
  authors: ReadonlyMap<string, MeasureUserRef>,
): CycleReviewResponse {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    cycle: cycleRef(row.cycle),
    intent: row.intent,
    predictedChange: row.predictedChange,
    decision: row.decision,
    learnings: row.learnings,
    nextIntent: row.nextIntent,
    author: authors.get(row.authorId) ?? { id: row.authorId, displayName: '' },
    measured: model.measuredChange(row.initiativeId, row.cycle),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Cycle reviews (plan-do-check-act) with the measured change: the cycle standings of the
 * initiative's measures as the value engine stores them.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly reviews: ReviewsRepository,
    private readonly cycles: CyclesRepository,
    private readonly value: ValueService,
    private readonly audit: AuditService,
  ) {}

  async list(initiativeId: string, page: PageRequest): Promise<Page<CycleReviewResponse>> {
    const { rows, total } = await this.reviews.list(initiativeId, page);
    const cycles = rows.map((r) => r.cycle);
    const model = await this.value.model([initiativeId], { indices: cycles, standings: cycles });
    const authors = await this.reviews.authors(rows.map((r) => r.authorId));
    return pageOf(
      rows.map((row) => mapReview(row, model, authors)),
      total,
      page,
    );
  }

  /**
   * Creates the review (no If-Match) or replaces it (If-Match required: 428 without, 412 when
   * stale). Answers whether it was created.
   */
  async put(
    initiativeId: string,
    cycleId: string,
    expectedVersion: number | null,
    request: PutCycleReviewRequest,
    actor: Actor,
  ): Promise<{ created: boolean; review: CycleReviewResponse }> {
    const fields: ReviewFields = {
      intent: request.intent ?? '',
      predictedChange: request.predictedChange ?? '',
      decision: request.decision ?? null,
      learnings: request.learnings ?? '',
      nextIntent: request.nextIntent ?? '',
    };
    const { id, created } = await this.txHost.withTransaction(async () => {
      const cycle = await this.cycles.findById(cycleId);
      if (!cycle) throw new NotFoundException('No such cycle.');
      const problem = decisionProblem(cycle, fields.decision, today());
      assertRule('review_decision_invalid', problem, 'decision');
      const existing = await this.reviews.find(initiativeId, cycleId);
      return existing
        ? this.replace(existing, expectedVersion, fields, actor)
        : this.create({ initiativeId, cycleId }, expectedVersion, fields, actor);
    });
    const row = await this.reviews.findById(id);
    if (!row) throw new NotFoundException('No such cycle review.');
    const model = await this.value.model([initiativeId], {
      indices: [row.cycle],
      standings: [row.cycle],
    });
    return { created, review: mapReview(row, model, await this.reviews.authors([row.authorId])) };
  }

  private async create(
    target: { initiativeId: string; cycleId: string },
    expectedVersion: number | null,
    fields: ReviewFields,
    actor: Actor,
  ): Promise<{ id: string; created: boolean }> {
    if (expectedVersion !== null) {
      throw new PreconditionFailedException(
        `${PRECONDITION_FAILED_MESSAGE} (There is no review of this cycle yet: leave out If-Match to create it.)`,
      );
    }
    const id = await this.reviews.insert({ ...target, ...fields, authorId: actor.userId });
    await this.audit.record({
      actor,
      action: 'create',
      entityType: 'cycle_review',
      entityId: id,
      initiativeId: target.initiativeId,
      after: { ...target, ...fields },
    });
    return { id, created: true };
  }

  private async replace(
    existing: ReviewRow,
    expectedVersion: number | null,
    fields: ReviewFields,
    actor: Actor,
  ): Promise<{ id: string; created: boolean }> {
    if (expectedVersion === null) {
      throw new HttpException(PRECONDITION_REQUIRED_MESSAGE, HttpStatus.PRECONDITION_REQUIRED);
    }
    await this.reviews.update(existing.id, expectedVersion, fields);
    const before: ReviewFields = {
      intent: existing.intent,
      predictedChange: existing.predictedChange,
      decision: existing.decision,
      learnings: existing.learnings,
      nextIntent: existing.nextIntent,
    };
    await this.audit.record({
      actor,
      action: 'update',
      entityType: 'cycle_review',
      entityId: existing.id,
      initiativeId: existing.initiativeId,
      before: { cycleId: existing.cycle.id, ...before },
      after: { cycleId: existing.cycle.id, ...fields },
    });
    return { id: existing.id, created: false };
  }
}
