import { randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateReadingRequest,
  MeasureUserRef,
  Page,
  ReadingResponse,
  ReadingSort,
  WithdrawReadingRequest,
} from '@waypoint/contracts';
import {
  assertRule,
  type CorrectorInput,
  DomainError,
  mayCorrectReading,
  readingWithdrawalProblem,
  withdrawnCorrectionProblem,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow, pageOf, type PageRequest, ValueWrites } from '../common';
import { LiveBus } from '../live';
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
    withdrawal:
      row.withdrawnAt !== null && row.withdrawnBy !== null
        ? {
            reason: row.withdrawalReason ?? '',
            withdrawnBy: users.get(row.withdrawnBy) ?? { id: row.withdrawnBy, displayName: '' },
            withdrawnAt: row.withdrawnAt.toISOString(),
          }
        : null,
  };
}

/** Everyone a reading names: its recorder and who withdrew it. */
function peopleOf(rows: readonly ReadingRow[]): string[] {
  return rows.flatMap((r) =>
    r.withdrawnBy === null ? [r.recordedBy] : [r.recordedBy, r.withdrawnBy],
  );
}

/**
 * What a route already knows of a reading's writer: the initiative its access check found for
 * the measure, and the writer's name as the session has it.
 */
export interface KnownWriter {
  initiativeId: string;
  displayName: string;
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
    private readonly live: LiveBus,
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
    const users = await this.measures.users(peopleOf(rows));
    return pageOf(
      rows.map((row) => mapReading(row, users)),
      total,
      page,
    );
  }

  /**
   * Records a reading. A correction (supersedesId) is made only by the corrected reading's
   * recorder, the initiative's owner or sponsor, or an admin (403 otherwise); the history keeps
   * who corrected it (recordedBy, the audit's `correct`) and why (the note). The initiative's
   * value rows are recomputed once the reading is committed, before this answers (ValueWrites).
   */
  async record(
    measureId: string,
    request: CreateReadingRequest,
    actor: Actor,
    standing: Omit<CorrectorInput, 'correctorId' | 'recorderId'> = NO_STANDING,
    known?: KnownWriter,
  ): Promise<ReadingResponse> {
    const observedAt = new Date(request.observedAt);
    if (observedAt.getTime() > Date.now() + OBSERVED_AT_SKEW_MS) {
      throw new DomainError(
        'reading_in_future',
        `observedAt (${observedAt.toISOString()}) is in the future: record what was observed, not what is expected.`,
      );
    }
    const write = async () => {
      // A route has found the initiative already (its access check) and knows the writer's name
      // (the session): one round trip fewer in the hot write. The demo story looks them up.
      const measure = known
        ? {
            initiativeId: known.initiativeId,
            users: new Map([[actor.userId, { id: actor.userId, displayName: known.displayName }]]),
          }
        : await this.measures.initiativeForWriter(measureId, actor.userId);
      if (!measure) throw new NotFoundException('No such measure.');
      const { users } = measure;
      const supersedesId = request.supersedesId ?? null;
      if (supersedesId !== null) {
        await this.readings.lock(supersedesId);
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
        assertRule(
          'reading_withdrawn',
          withdrawnCorrectionProblem({ withdrawn: corrected.withdrawnAt !== null }),
          'supersedesId',
        );
        if (corrected.supersededById !== null) {
          throw new DomainError(
            'reading_superseded',
            `The reading ${supersedesId} is already superseded by ${corrected.supersededById}: correct that one instead.`,
          );
        }
      }
      // The id is chosen here so that the reading and its audit event (which shows it) are
      // written by one statement: one round trip.
      const values = {
        id: randomUUID(),
        measureId,
        value: request.value,
        observedAt,
        recordedBy: actor.userId,
        recordedAt: clockNow(),
        note: request.note ?? '',
        evidenceUrl: request.evidenceUrl ?? null,
        supersedesId,
      };
      const unlinked = {
        supersededById: null,
        withdrawalReason: null,
        withdrawnBy: null,
        withdrawnAt: null,
      };
      const created = await this.readings.insertAudited(values, (change) =>
        this.audit.recordAlone(change, {
          actor,
          action: supersedesId === null ? 'record' : 'correct',
          entityType: 'reading',
          entityId: values.id,
          initiativeId: measure.initiativeId,
          after: mapReading({ ...values, ...unlinked }, users),
        }),
      );
      return {
        reading: mapReading({ ...created, ...unlinked }, users),
        initiativeId: measure.initiativeId,
      };
    };
    // A new reading whose route knows its writer is one statement (the reading and its audit
    // event), PostgreSQL's own transaction: no BEGIN and COMMIT around it. A correction reads
    // and locks the reading it corrects first, so it keeps a transaction.
    const alone = known !== undefined && (request.supersedesId ?? null) === null;
    // The reading's live event is held until its initiative's rows are recomputed and goes out
    // with them (one NOTIFY, not two; a page that refetches on it sees the new rows), or at the
    // end if the recomputation sends nothing or fails.
    return this.live.holdUntilDone(async () => {
      const { reading, initiativeId } = alone
        ? await write()
        : await this.txHost.withTransaction(write);
      await this.valueWrites.readingsCommitted([initiativeId]);
      return reading;
    });
  }

  /**
   * Withdraws a reading with a reason: it stays in the history and stops counting everywhere a
   * value is computed (latest reading, progress, staleness, indices, gate evidence, reviews).
   * Allowed to whoever may correct it (its recorder, the owner, the sponsor, an admin); final.
   */
  async withdraw(
    measureId: string,
    readingId: string,
    request: WithdrawReadingRequest,
    actor: Actor,
    standing: Omit<CorrectorInput, 'correctorId' | 'recorderId'> = NO_STANDING,
  ): Promise<ReadingResponse> {
    const reason = request.reason.trim();
    const { withdrawn, initiativeId } = await this.txHost.withTransaction(async () => {
      const measure = await this.measures.findById(measureId);
      if (!measure) throw new NotFoundException('No such measure.');
      await this.readings.lock(readingId);
      const reading = await this.readings.findById(readingId);
      if (!reading || reading.measureId !== measureId) {
        throw new NotFoundException('No such reading of this measure.');
      }
      const may = mayCorrectReading({
        ...standing,
        correctorId: actor.userId,
        recorderId: reading.recordedBy,
      });
      if (!may) {
        throw new ForbiddenException(
          "Only the reading's recorder, the initiative's owner or sponsor, or an admin may withdraw it.",
        );
      }
      assertRule(
        'reading_withdrawn',
        readingWithdrawalProblem({
          withdrawn: reading.withdrawnAt !== null,
          supersededById: reading.supersededById,
        }),
      );
      await this.readings.withdraw({ readingId, reason, withdrawnBy: actor.userId });
      const after = await this.readings.findById(readingId);
      if (!after) throw new NotFoundException('No such reading of this measure.');
      const users = await this.measures.users(peopleOf([after]));
      const withdrawn = mapReading(after, users);
      await this.audit.record({
        actor,
        action: 'withdraw',
        entityType: 'reading',
        entityId: readingId,
        initiativeId: measure.initiativeId,
        before: mapReading(reading, users),
        after: withdrawn,
      });
      return { withdrawn, initiativeId: measure.initiativeId };
    });
    await this.valueWrites.readingsCommitted([initiativeId]);
    return withdrawn;
  }
}
