import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { DecisionOutcome, EvidenceSnapshot } from '@waypoint/contracts';
import { type Repository } from 'typeorm';
import {
  isUniqueViolation,
  DuplicateRecordError,
  RecordNotFoundError,
  StaleVersionError,
  type PageRequest,
  insertReturning,
  orderedUuid,
  returnedRows,
  clockNow,
} from '../common';
import { GateDecisionEntity, GateSubmissionEntity } from './gate-records.entity';

export const CONDITION_NOT_FOUND = 'No such condition.';

/** A condition with the milestone whose decision set it. */
export interface ConditionRow {
  id: string;
  decisionId: string;
  initiativeId: string;
  milestoneId: string;
  milestonePosition: number;
  milestoneTitle: string;
  text: string;
  closedAt: Date | null;
  closedBy: string | null;
  closeNote: string | null;
  version: number;
}

interface RawCondition {
  id: string;
  decision_id: string;
  initiative_id: string;
  milestone_id: string;
  milestone_position: number;
  milestone_title: string;
  text: string;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
  version: number;
}

const CONDITION_SELECT = `
  SELECT c.id, c.decision_id, c.initiative_id, d.milestone_id, m.position AS milestone_position,
         m.title AS milestone_title, c.text, c.closed_at, c.closed_by, c.close_note, c.version
    FROM decision_conditions c
    JOIN gate_decisions d ON d.id = c.decision_id
    JOIN milestones m ON m.id = d.milestone_id`;

function conditionRow(raw: RawCondition): ConditionRow {
  return {
    id: raw.id,
    decisionId: raw.decision_id,
    initiativeId: raw.initiative_id,
    milestoneId: raw.milestone_id,
    milestonePosition: raw.milestone_position,
    milestoneTitle: raw.milestone_title,
    text: raw.text,
    closedAt: raw.closed_at,
    closedBy: raw.closed_by,
    closeNote: raw.close_note,
    version: raw.version,
  };
}

/** Gate submissions (frozen evidence), decisions and their conditions. */
@Injectable()
export class GateRecordsRepository {
  constructor(
    @InjectRepository(GateSubmissionEntity)
    private readonly submissions: Repository<GateSubmissionEntity>,
    @InjectRepository(GateDecisionEntity)
    private readonly decisions: Repository<GateDecisionEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async latestSubmission(milestoneId: string): Promise<GateSubmissionEntity | null> {
    const repository = this.txHost.tx.getRepository(GateSubmissionEntity);
    return repository
      .createQueryBuilder('s')
      .where('s.milestoneId = :milestoneId', { milestoneId })
      .orderBy('s.submittedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(1)
      .getOne();
  }

  async insertSubmission(values: {
    milestoneId: string;
    submittedBy: string;
    note: string;
    snapshot: EvidenceSnapshot;
  }): Promise<GateSubmissionEntity> {
    return insertReturning(this.txHost, GateSubmissionEntity, {
      ...values,
      submittedAt: clockNow(),
    });
  }

  /** The decisions on a milestone, oldest first. */
  async decisionsOf(
    milestoneId: string,
    page: PageRequest,
  ): Promise<{ rows: GateDecisionEntity[]; total: number }> {
    const repository = this.txHost.tx.getRepository(GateDecisionEntity);
    const [rows, total] = await repository
      .createQueryBuilder('d')
      .where('d.milestoneId = :milestoneId', { milestoneId })
      .orderBy('d.decidedAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  /** 409 when the submission already has a decision (submission_id is unique). */
  async insertDecision(values: {
    milestoneId: string;
    submissionId: string;
    deciderId: string;
    outcome: DecisionOutcome;
    rationale: string;
  }): Promise<GateDecisionEntity> {
    try {
      return await insertReturning(this.txHost, GateDecisionEntity, {
        ...values,
        decidedAt: clockNow(),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'gate_decisions_submission_id_key')) {
        throw new DuplicateRecordError('This submission has been decided already.');
      }
      throw error;
    }
  }

  /** Inserts the conditions in the order given (their ids sort in that order). */
  async insertConditions(decisionId: string, initiativeId: string, texts: string[]): Promise<void> {
    for (const text of texts) {
      await this.txHost.tx.query(
        `INSERT INTO decision_conditions (id, decision_id, initiative_id, text) VALUES ($1, $2, $3, $4)`,
        [orderedUuid(), decisionId, initiativeId, text],
      );
    }
  }

  /** The conditions of these decisions, in one IN (...) query, in the order written. */
  async conditionsOf(decisionIds: string[]): Promise<ConditionRow[]> {
    if (decisionIds.length === 0) return [];
    const rows: RawCondition[] = await this.txHost.tx.query(
      `${CONDITION_SELECT} WHERE c.decision_id = ANY($1::uuid[]) ORDER BY c.decision_id, c.id`,
      [decisionIds],
    );
    return rows.map(conditionRow);
  }

  /** The open conditions of the initiative, by the position of their milestone. */
  async openConditions(initiativeId: string): Promise<ConditionRow[]> {
    const rows: RawCondition[] = await this.txHost.tx.query(
      `${CONDITION_SELECT} WHERE c.initiative_id = $1 AND c.closed_at IS NULL
        ORDER BY m.position, c.id`,
      [initiativeId],
    );
    return rows.map(conditionRow);
  }

  async findCondition(id: string): Promise<ConditionRow | null> {
    const rows: RawCondition[] = await this.txHost.tx.query(`${CONDITION_SELECT} WHERE c.id = $1`, [
      id,
    ]);
    return rows[0] ? conditionRow(rows[0]) : null;
  }

  /** The conditional close (one UPDATE on id and version): 404, or 412 when stale. */
  async closeCondition(
    id: string,
    expectedVersion: number,
    closedBy: string,
    note: string,
  ): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.txHost.tx.query(
        `UPDATE decision_conditions
            SET closed_at = now(), closed_by = $3, close_note = $4, version = version + 1
          WHERE id = $1 AND version = $2 AND closed_at IS NULL
          RETURNING id`,
        [id, expectedVersion, closedBy, note],
      ),
    );
    if (rows.length === 1) return;
    const exists: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM decision_conditions WHERE id = $1`,
      [id],
    );
    if (exists.length === 0) throw new RecordNotFoundError(CONDITION_NOT_FOUND);
    throw new StaleVersionError();
  }
}
