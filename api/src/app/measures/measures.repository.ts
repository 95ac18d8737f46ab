import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  KpiClass,
  MeasureCustomerGroupRef,
  MeasureRef,
  MeasureSort,
  MeasureUserRef,
  Perspective,
} from '@waypoint/contracts';
import type { Repository } from 'typeorm';
import {
  type PageRequest,
  PreparedStatements,
  conditionalUpdate,
  insertReturning,
  returnedRows,
} from '../common';
import type { CounterCandidate } from '@waypoint/domain';
import { MeasureEntity } from './measure.entity';

export interface MeasureFilter {
  perspective?: Perspective;
  kpiClass?: KpiClass;
  customerGroupId?: string;
  q?: string;
}

/** What the value indices and staleness need of a reading. */
export interface ReadingPoint {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
  supersedesId: string | null;
  withdrawn: boolean;
}

export type MeasureValues = Omit<
  MeasureEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'baselineFrozenAt'
>;
export type MeasureChanges = Partial<MeasureValues>;

const SORTS: Record<MeasureSort, [string, 'ASC' | 'DESC']> = {
  name: ['lower(m.name)', 'ASC'],
  '-name': ['lower(m.name)', 'DESC'],
  createdAt: ['m.created_at', 'ASC'],
  '-createdAt': ['m.created_at', 'DESC'],
  perspective: ['m.perspective', 'ASC'],
  '-perspective': ['m.perspective', 'DESC'],
};

const NOT_FOUND = 'No such measure.';

@Injectable()
export class MeasuresRepository {
  constructor(
    @InjectRepository(MeasureEntity) private readonly repository: Repository<MeasureEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly statements: PreparedStatements,
  ) {}

  async list(
    initiativeId: string,
    filter: MeasureFilter,
    sort: MeasureSort,
    page: PageRequest,
  ): Promise<{ rows: MeasureEntity[]; total: number }> {
    const qb = this.repository
      .createQueryBuilder('m')
      .where('m.initiative_id = :initiativeId', { initiativeId });
    if (filter.perspective) qb.andWhere('m.perspective = :p', { p: filter.perspective });
    if (filter.kpiClass) qb.andWhere('m.kpi_class = :k', { k: filter.kpiClass });
    if (filter.customerGroupId) {
      qb.andWhere('m.customer_group_id = :g', { g: filter.customerGroupId });
    }
    if (filter.q) {
      qb.andWhere("lower(m.name) LIKE :q ESCAPE '\\'", {
        q: `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const [expression, order] = SORTS[sort];
    const [rows, total] = await qb
      .orderBy(expression, order)
      .addOrderBy('m.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async findById(id: string): Promise<MeasureEntity | null> {
    return this.txHost.tx.getRepository(MeasureEntity).findOneBy({ id });
  }

  /** Every reading of the measures, in recording order (as the domain's tie-breaks expect). */
  async readingsOf(measureIds: readonly string[]): Promise<ReadingPoint[]> {
    if (measureIds.length === 0) return [];
    const rows: Array<{
      id: string;
      measure_id: string;
      value: number;
      observed_at: Date;
      supersedes_id: string | null;
      withdrawn: boolean;
    }> = await this.txHost.tx.query(
      `SELECT id, measure_id, value, observed_at, supersedes_id,
              EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = readings.id) AS withdrawn
         FROM readings WHERE measure_id = ANY($1::uuid[])
        ORDER BY recorded_at, id`,
      [measureIds],
    );
    return rows.map((r) => ({
      id: r.id,
      measureId: r.measure_id,
      value: r.value,
      observedAt: r.observed_at,
      supersedesId: r.supersedes_id,
      withdrawn: r.withdrawn,
    }));
  }

  async customerGroups(
    ids: ReadonlyArray<string | null>,
  ): Promise<Map<string, MeasureCustomerGroupRef>> {
    const wanted = distinct(ids);
    if (wanted.length === 0) return new Map();
    const rows: MeasureCustomerGroupRef[] = await this.txHost.tx.query(
      `SELECT id, name, protected FROM customer_groups WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async measureRefs(
    ids: ReadonlyArray<string | null>,
  ): Promise<Map<string, MeasureRef & { initiativeId: string }>> {
    const wanted = distinct(ids);
    if (wanted.length === 0) return new Map();
    const rows: Array<MeasureRef & { initiativeId: string }> = await this.txHost.tx.query(
      `SELECT id, name, perspective, initiative_id AS "initiativeId"
         FROM measures WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * For a write to a measure, in one statement: its initiative (null: no such measure) and the
   * writer's name as the answer shows it.
   */
  async initiativeForWriter(
    measureId: string,
    userId: string,
  ): Promise<{ initiativeId: string; users: Map<string, MeasureUserRef> } | null> {
    const rows = await this.statements.query<{
      initiativeId: string;
      id: string | null;
      displayName: string | null;
    }>(
      `SELECT m.initiative_id AS "initiativeId", u.id, u.display_name AS "displayName"
         FROM measures m LEFT JOIN users u ON u.id = $2::uuid
        WHERE m.id = $1::uuid`,
      [measureId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const users = new Map<string, MeasureUserRef>();
    if (row.id !== null) users.set(row.id, { id: row.id, displayName: row.displayName ?? '' });
    return { initiativeId: row.initiativeId, users };
  }

  async users(ids: ReadonlyArray<string | null>): Promise<Map<string, MeasureUserRef>> {
    const wanted = distinct(ids);
    if (wanted.length === 0) return new Map();
    const rows: MeasureUserRef[] = await this.txHost.tx.query(
      `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async counterCandidate(id: string): Promise<CounterCandidate | null> {
    const found = (await this.measureRefs([id])).get(id);
    return found ?? null;
  }

  /** Names of the measures that name this one as their counter-measure. */
  async guardedBy(measureId: string): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.txHost.tx.query(
      `SELECT name FROM measures WHERE counter_measure_id = $1 ORDER BY name`,
      [measureId],
    );
    return rows.map((r) => r.name);
  }

  async customerGroupExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM customer_groups WHERE id = $1`,
      [id],
    );
    return rows.length === 1;
  }

  /** Whether the user is active and the initiative's owner or on its team. */
  async isActiveMember(initiativeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM users u JOIN initiatives i ON i.id = $1
        WHERE u.id = $2 AND u.active
          AND (i.owner_id = u.id OR EXISTS (
                SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = u.id))`,
      [initiativeId, userId],
    );
    return rows.length === 1;
  }

  async insert(values: MeasureValues): Promise<MeasureEntity> {
    return insertReturning(this.txHost, MeasureEntity, values);
  }

  async update(
    id: string,
    expectedVersion: number,
    changes: MeasureChanges,
  ): Promise<MeasureEntity> {
    return conditionalUpdate(this.txHost, MeasureEntity, id, expectedVersion, changes, NOT_FOUND);
  }

  /**
   * Freezes the baseline of every measure of the initiative not frozen yet; answers those
   * measures (a new version each). In the current unit of work (a gate's approval). A measure
   * still waiting for its first reading is left alone: that reading sets and freezes its baseline.
   */
  async freezeBaselines(
    initiativeId: string,
  ): Promise<{ id: string; baseline: number; baselineFrozenAt: string }[]> {
    const rows = returnedRows<{ id: string; baseline: number; baseline_frozen_at: Date }>(
      await this.txHost.tx.query(
        `UPDATE measures
            SET baseline_frozen_at = now(), version = version + 1, updated_at = now()
          WHERE initiative_id = $1 AND baseline_frozen_at IS NULL AND baseline IS NOT NULL
          RETURNING id, baseline, baseline_frozen_at`,
        [initiativeId],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      baseline: Number(row.baseline),
      baselineFrozenAt: new Date(row.baseline_frozen_at).toISOString(),
    }));
  }
}

function distinct(ids: ReadonlyArray<string | null>): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
