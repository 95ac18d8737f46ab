import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateReadingRequest,
  MeasureUserRef,
  Page,
  ReadingResponse,
  ReadingSort,
} from '@waypoint/contracts';
import { type CorrectorInput, DomainError, mayCorrectReading } from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { pageOf, type PageRequest, ValueWrites } from '../common';
import { MeasuresRepository } from './measures.repository';
import { type ReadingFilter, type ReadingRow, ReadingsRepository } from './readings.repository';

/** How far ahead of the server's clock an observation may be (clock skew of the client). */
export const OBSERVED_AT_SKEW_MS = 60_000;

export function mapReading(
  row: ReadingRow,
  users: ReadonlyMap<string, MeasureUserRef>,
): ReadingResponse {
  return {
    id: row.id,
    measureId: row.measureId,
    value: row.value,
    observedAt: row.observedAt.toISOString(),
    recordedBy: users.get(row.recordedBy) ?? { id: row.recordedBy, displayName: '' },
    recordedAt: row.recordedAt.toISOString(),
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    superseded: row.supersededById !== null,
  };
}

/** A corrector with no standing beyond their own readings (the demo story, scripts). */
const NO_STANDING = { isAdmin: false, isOwner: false, isSponsor: false };

/** Readings of a measure: append-only; a correction is a new reading that supersedes one. */
@Injectable()
export class ReadingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly readings: ReadingsRepository,
    private readonly measures: MeasuresRepository,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  async list(
    measureId: string,
    filter: ReadingFilter,
    sort: ReadingSort,
    page: PageRequest,
  ): Promise<Page<ReadingResponse>> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DomainError('invalid_request', '"from" must not be after "to".');
    }
    const { rows, total } = await this.readings.list(measureId, filter, sort, page);
    const users = await this.measures.users(rows.map((r) => r.recordedBy));
    return pageOf(
      rows.map((row) => mapReading(row, users)),
      total,
      page,
    );
  }

  /**
   * Records a reading. A correction (supersedesId) is made only by the corrected reading's
   * recorder, the initiative's owner or sponsor, or an admin (403 otherwise); the history keeps
   * who corrected it (recordedBy, the audit's `correct`) and why (the note).
   */
  async record(
    measureId: string,
    request: CreateReadingRequest,
    actor: Actor,
    standing: Omit<CorrectorInput, 'correctorId' | 'recorderId'> = NO_STANDING,
  ): Promise<ReadingResponse> {
    const observedAt = new Date(request.observedAt);
    if (observedAt.getTime() > Date.now() + OBSERVED_AT_SKEW_MS) {
      throw new DomainError(
        'reading_in_future',
        `observedAt (${observedAt.toISOString()}) is in the future: record what was observed, not what is expected.`,
      );
    }
    return this.txHost.withTransaction(async () => {
      const measure = await this.measures.findById(measureId);
      if (!measure) throw new NotFoundException('No such measure.');
      const supersedesId = request.supersedesId ?? null;
      if (supersedesId !== null) {
        const corrected = await this.readings.findById(supersedesId);
        if (!corrected || corrected.measureId !== measureId) {
          throw new DomainError(
            'reference_invalid',
            `supersedesId ${supersedesId} is not a reading of this measure.`,
          );
        }
        const may = mayCorrectReading({
          ...standing,
          correctorId: actor.userId,
          recorderId: corrected.recordedBy,
        });
        if (!may) {
          throw new ForbiddenException(
            "Only the reading's recorder, the initiative's owner or sponsor, or an admin may correct it.",
          );
        }
        if (corrected.supersededById !== null) {
          throw new DomainError(
            'reading_superseded',
            `The reading ${supersedesId} is already superseded by ${corrected.supersededById}: correct that one instead.`,
          );
        }
      }
      const created = await this.readings.insert({
        measureId,
        value: request.value,
        observedAt,
        recordedBy: actor.userId,
        note: request.note ?? '',
        evidenceUrl: request.evidenceUrl ?? null,
        supersedesId,
      });
      const row: ReadingRow = { ...created, supersededById: null };
      const users = await this.measures.users([actor.userId]);
      const reading = mapReading(row, users);
      await this.audit.record({
        actor,
        action: supersedesId === null ? 'record' : 'correct',
        entityType: 'reading',
        entityId: created.id,
        initiativeId: measure.initiativeId,
        after: reading,
      });
      await this.valueWrites.initiativesChanged([measure.initiativeId]);
      return reading;
    });
  }
}
