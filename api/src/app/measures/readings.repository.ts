import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DomainError } from '@waypoint/domain';
import type { ReadingSort } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import {
  type ChangeStatement,
  clockNow,
  hydrateRow,
  insertReturning,
  isForeignKeyViolation,
  isUniqueViolation,
  type PageRequest,
  returnedRows,
} from '../common';
import { ReadingEntity } from './reading.entity';
import { ReadingWithdrawalEntity } from './reading-withdrawal.entity';

export interface ReadingFilter {
  from?: Date;
  to?: Date;
  effective?: boolean;
}

export interface ReadingRow {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
  recordedBy: string;
  recordedAt: Date;
  note: string;
  evidenceUrl: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  /** The withdrawal, when the reading was withdrawn. */
  withdrawalReason: string | null;
  withdrawnBy: string | null;
  withdrawnAt: Date | null;
}

export interface NewWithdrawal {
  readingId: string;
  reason: string;
  withdrawnBy: string;
}

export type NewReading = Pick<
  ReadingEntity,
  | 'measureId'
  | 'value'
  | 'observedAt'
  | 'recordedBy'
  | 'recordedAt'
  | 'note'
  | 'evidenceUrl'
  | 'supersedesId'
>;

const SORTS: Record<ReadingSort, string> = {
  '-observedAt': 'r.observed_at DESC, r.recorded_at DESC, r.id DESC',
  observedAt: 'r.observed_at ASC, r.recorded_at ASC, r.id ASC',
  '-recordedAt': 'r.recorded_at DESC, r.id DESC',
  recordedAt: 'r.recorded_at ASC, r.id ASC',
};

const SELECT = `
  SELECT r.id, r.measure_id AS "measureId", r.value, r.observed_at AS "observedAt",
         r.recorded_by AS "recordedBy", r.recorded_at AS "recordedAt", r.note,
         r.evidence_url AS "evidenceUrl", r.supersedes_id AS "supersedesId",
         (SELECT s.id FROM readings s WHERE s.supersedes_id = r.id) AS "supersededById",
         w.reason AS "withdrawalReason", w.withdrawn_by AS "withdrawnBy",
         w.withdrawn_at AS "withdrawnAt"
    FROM readings r LEFT JOIN reading_withdrawals w ON w.reading_id = r.id`;

/** A reading that counts: neither superseded nor withdrawn. */
const EFFECTIVE = `NOT EXISTS (SELECT 1 FROM readings s WHERE s.supersedes_id = r.id)
    AND NOT EXISTS (SELECT 1 FROM reading_withdrawals x WHERE x.reading_id = r.id)`;

const SUPERSEDES_KEY = 'readings_supersedes_key';
const MEASURE_KEY = 'readings_measure_id_fkey';

/** A reading's identity for duplicate checks: measure, observation time and value. */
export function readingKey(measureId: string, observedAt: Date, value: number): string {
  return `${measureId}|${observedAt.toISOString()}|${value}`;
}
const WITHDRAWAL_KEY = 'reading_withdrawals_pkey';

/** Readings are append-only: this repository inserts and reads, never updates or deletes. */
@Injectable()
export class ReadingsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async list(
    measureId: string,
    filter: ReadingFilter,
    sort: ReadingSort,
    page: PageRequest,
  ): Promise<{ rows: ReadingRow[]; total: number }> {
    const where = ['r.measure_id = $1'];
    const params: unknown[] = [measureId];
    if (filter.from) {
      params.push(filter.from);
      where.push(`r.observed_at >= $${params.length}`);
    }
    if (filter.to) {
      params.push(filter.to);
      where.push(`r.observed_at < $${params.length}`);
    }
    if (filter.effective === true) {
      where.push(EFFECTIVE);
    } else if (filter.effective === false) {
      where.push(`NOT (${EFFECTIVE})`);
    }
    const condition = where.join(' AND ');
    const counted: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM readings r WHERE ${condition}`,
      params,
    );
    const rows: ReadingRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${condition} ORDER BY ${SORTS[sort]}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { rows, total: counted[0]?.total ?? 0 };
  }

  async findById(id: string): Promise<ReadingRow | null> {
    const rows: ReadingRow[] = await this.txHost.tx.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Appends a reading; a second correction of the same reading (a race) is refused with 422. */
  /**
   * Inserts one reading (its id chosen by the caller) through `run`, which runs the statement
   * with its audit event (AuditService.recordWith): one round trip. Answers the stored row.
   */
  async insertAudited(
    values: NewReading & { id: string },
    run: (change: ChangeStatement) => Promise<Array<Record<string, unknown>>>,
  ): Promise<ReadingEntity> {
    const change: ChangeStatement = {
      sql: `INSERT INTO readings (id, measure_id, value, observed_at, recorded_by, recorded_at,
                                  note, evidence_url, supersedes_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            RETURNING *`,
      params: [
        values.id,
        values.measureId,
        values.value,
        values.observedAt,
        values.recordedBy,
        values.recordedAt,
        values.note,
        values.evidenceUrl,
        values.supersedesId,
      ],
    };
    try {
      const [row] = await run(change);
      if (!row) throw new Error('INSERT ... RETURNING gave no row');
      return hydrateRow(this.txHost, ReadingEntity, row);
    } catch (error) {
      if (isUniqueViolation(error, SUPERSEDES_KEY)) {
        throw new DomainError(
          'reading_superseded',
          `The reading ${values.supersedesId ?? ''} is already superseded: correct the reading that superseded it instead.`,
        );
      }
      // The measure was deleted after the route's access check found it.
      if (isForeignKeyViolation(error, MEASURE_KEY))
        throw new NotFoundException('No such measure.');
      throw error;
    }
  }

  /** Records a withdrawal; a second one of the same reading (a race) is refused with 422. */
  async withdraw(values: NewWithdrawal): Promise<void> {
    try {
      await insertReturning(this.txHost, ReadingWithdrawalEntity, values);
    } catch (error) {
      if (isUniqueViolation(error, WITHDRAWAL_KEY)) {
        throw new DomainError('reading_withdrawn', 'This reading is already withdrawn.');
      }
      throw error;
    }
  }

  /**
   * Of these (measure, observation time) pairs, the effective readings there already are, as
   * `measureId|observedAt ISO|value` keys: one statement, whatever the number of pairs.
   */
  async existingKeys(
    pairs: ReadonlyArray<{ measureId: string; observedAt: Date }>,
  ): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows: Array<{ measure_id: string; observed_at: Date; value: number }> =
      await this.txHost.tx.query(
        `SELECT r.measure_id, r.observed_at, r.value
           FROM readings r
           JOIN (SELECT DISTINCT * FROM unnest($1::uuid[], $2::timestamptz[]) AS c(measure_id, observed_at)) c
             ON r.measure_id = c.measure_id AND r.observed_at = c.observed_at
          WHERE ${EFFECTIVE}`,
        [pairs.map((p) => p.measureId), pairs.map((p) => p.observedAt)],
      );
    return new Set(rows.map((r) => readingKey(r.measure_id, r.observed_at, r.value)));
  }

  /** Appends many readings of one import in one statement; answers how many were written. */
  async insertMany(
    readings: ReadonlyArray<Omit<NewReading, 'supersedesId' | 'recordedBy' | 'recordedAt'>>,
    recordedBy: string,
    importId: string,
  ): Promise<number> {
    if (readings.length === 0) return 0;
    const rows = returnedRows<{ id: string }>(
      await this.txHost.tx.query(
        `INSERT INTO readings (measure_id, value, observed_at, note, evidence_url, recorded_by, import_id,
                               recorded_at)
         SELECT x.measure_id, x.value, x.observed_at, x.note, x.evidence_url, $6, $7, $8
           FROM unnest($1::uuid[], $2::float8[], $3::timestamptz[], $4::text[], $5::text[])
             AS x(measure_id, value, observed_at, note, evidence_url)
         RETURNING id`,
        [
          readings.map((r) => r.measureId),
          readings.map((r) => r.value),
          readings.map((r) => r.observedAt),
          readings.map((r) => r.note),
          readings.map((r) => r.evidenceUrl),
          recordedBy,
          importId,
          clockNow(),
        ],
      ),
    );
    return rows.length;
  }

  /** Locks the reading's row so that a correction and a withdrawal of it do not cross. */
  async lock(id: string): Promise<void> {
    await this.txHost.tx.query(`SELECT 1 FROM readings WHERE id = $1 FOR UPDATE`, [id]);
  }
}
