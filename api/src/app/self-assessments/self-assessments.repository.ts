import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { SelfAssessmentScore, SelfAssessmentStatus } from '@waypoint/contracts';
import {
  conditionalUpdate,
  DuplicateRecordError,
  insertReturning,
  isUniqueViolation,
  type PageRequest,
} from '../common';
import { SelfAssessmentEntity } from './self-assessment.entity';

/** An assessment as lists and pages show it, with its cycle, department and answer count. */
export interface SelfAssessmentRow {
  id: string;
  cycleId: string;
  cycleName: string;
  startsOn: string;
  endsOn: string;
  departmentId: string | null;
  departmentName: string | null;
  status: SelfAssessmentStatus;
  questionSetVersion: number;
  openedAt: Date;
  closedAt: Date | null;
  version: number;
  answerCount: number;
  /** Whether the person asking has answered. */
  answered: boolean;
}

export interface SelfAssessmentFilter {
  cycleId?: string;
  status?: SelfAssessmentStatus;
}

const NOT_FOUND = 'No such self-assessment.';
const SCOPE_KEY = 'self_assessments_scope_key';

const SELECT_ROW = `
  SELECT a.id, a.cycle_id AS "cycleId", c.name AS "cycleName",
         c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
         a.department_id AS "departmentId", d.name AS "departmentName", a.status,
         a.question_set_version AS "questionSetVersion", a.opened_at AS "openedAt",
         a.closed_at AS "closedAt", a.version,
         (SELECT count(*) FROM self_assessment_answers x WHERE x.assessment_id = a.id)::int
           AS "answerCount",
         EXISTS (SELECT 1 FROM self_assessment_participants p
                  WHERE p.assessment_id = a.id AND p.user_id = $1) AS answered
    FROM self_assessments a
    JOIN cycles c ON c.id = a.cycle_id
    LEFT JOIN departments d ON d.id = a.department_id`;

/**
 * Self-assessments, who has answered them, and their anonymous answers. The answers table holds
 * no user id: an answer is found by its respondent key only (see the migration).
 */
@Injectable()
export class SelfAssessmentsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.tx.query(sql, params) as Promise<T[]>;
  }

  /** Newest cycle first, the organisation's before the departments' (by name). */
  async list(
    filter: SelfAssessmentFilter,
    page: PageRequest,
    viewerId: string,
  ): Promise<{ rows: SelfAssessmentRow[]; total: number }> {
    const where = `WHERE ($2::uuid IS NULL OR a.cycle_id = $2) AND ($3::text IS NULL OR a.status = $3)`;
    const params = [viewerId, filter.cycleId ?? null, filter.status ?? null];
    const rows = await this.query<SelfAssessmentRow>(
      `${SELECT_ROW} ${where}
        ORDER BY c.starts_on DESC, d.name ASC NULLS FIRST, a.id
        LIMIT $4 OFFSET $5`,
      [...params, page.limit, page.offset],
    );
    const counted = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM self_assessments a
        WHERE ($1::uuid IS NULL OR a.cycle_id = $1) AND ($2::text IS NULL OR a.status = $2)`,
      params.slice(1),
    );
    return { rows, total: counted[0]?.n ?? 0 };
  }

  async findRow(id: string, viewerId: string): Promise<SelfAssessmentRow | null> {
    const rows = await this.query<SelfAssessmentRow>(`${SELECT_ROW} WHERE a.id = $2`, [
      viewerId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The assessment, locked until the unit of work ends (answers and closing take turns). */
  async lock(id: string): Promise<SelfAssessmentEntity | null> {
    return this.txHost.tx
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async cycleExists(id: string): Promise<boolean> {
    const rows = await this.query(`SELECT 1 FROM cycles WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async departmentExists(id: string): Promise<boolean> {
    const rows = await this.query(`SELECT 1 FROM departments WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** 409 when the cycle already has an assessment of this scope. */
  async insert(values: Partial<SelfAssessmentEntity>): Promise<SelfAssessmentEntity> {
    try {
      return await insertReturning(this.txHost, SelfAssessmentEntity, values);
    } catch (error) {
      if (isUniqueViolation(error, SCOPE_KEY)) {
        throw new DuplicateRecordError(
          values.departmentId
            ? 'This cycle already has a self-assessment for this department.'
            : 'This cycle already has a self-assessment for the whole organisation.',
        );
      }
      throw error;
    }
  }

  /** Closes it (404, 412) and forgets every respondent key: no answer can be tied to anyone. */
  async close(id: string, expectedVersion: number, at: Date): Promise<void> {
    await conditionalUpdate(
      this.txHost,
      SelfAssessmentEntity,
      id,
      expectedVersion,
      { status: 'closed', closedAt: at, answerKey: null },
      NOT_FOUND,
    );
    await this.query(
      `UPDATE self_assessment_answers SET respondent_key = NULL WHERE assessment_id = $1`,
      [id],
    );
  }

  /** Records that the person answered; true the first time. */
  async addParticipant(assessmentId: string, userId: string): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO self_assessment_participants (assessment_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [assessmentId, userId],
    );
    return rows.length > 0;
  }

  async hasAnswered(assessmentId: string, userId: string): Promise<boolean> {
    const rows = await this.query(
      `SELECT 1 FROM self_assessment_participants WHERE assessment_id = $1 AND user_id = $2`,
      [assessmentId, userId],
    );
    return rows.length > 0;
  }

  /** The answer of this respondent key: written the first time, replaced after. */
  async saveAnswer(
    assessmentId: string,
    key: string,
    scores: readonly SelfAssessmentScore[],
  ): Promise<void> {
    await this.query(
      `INSERT INTO self_assessment_answers (assessment_id, respondent_key, scores)
       VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (assessment_id, respondent_key) DO UPDATE SET scores = EXCLUDED.scores`,
      [assessmentId, key, JSON.stringify(scores)],
    );
  }

  async findAnswer(assessmentId: string, key: string): Promise<SelfAssessmentScore[] | null> {
    const rows = await this.query<{ scores: SelfAssessmentScore[] }>(
      `SELECT scores FROM self_assessment_answers WHERE assessment_id = $1 AND respondent_key = $2`,
      [assessmentId, key],
    );
    return rows[0]?.scores ?? null;
  }

  /** Every answer's scores (in no meaningful order, with nothing that names their authors). */
  async answers(assessmentId: string): Promise<SelfAssessmentScore[][]> {
    const rows = await this.query<{ scores: SelfAssessmentScore[] }>(
      `SELECT scores FROM self_assessment_answers WHERE assessment_id = $1 ORDER BY id`,
      [assessmentId],
    );
    return rows.map((r) => r.scores);
  }

  /** The same scope's assessment in the latest cycle that starts before this one's, if any. */
  async previous(row: SelfAssessmentRow, viewerId: string): Promise<SelfAssessmentRow | null> {
    const rows = await this.query<SelfAssessmentRow>(
      `${SELECT_ROW}
        WHERE a.department_id IS NOT DISTINCT FROM $2::uuid AND c.starts_on < $3::date
        ORDER BY c.starts_on DESC LIMIT 1`,
      [viewerId, row.departmentId, row.startsOn],
    );
    return rows[0] ?? null;
  }
}
