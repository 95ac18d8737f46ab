import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  InitiativeStatus,
  MilestoneSort,
  MilestoneState,
  SortOrder,
} from '@waypoint/contracts';
import type { Repository } from 'typeorm';
import {
  type PageRequest,
  RecordNotFoundError,
  StaleVersionError,
  conditionalUpdate,
  insertReturning,
  returnedRows,
} from '../common';
import { MilestoneEntity } from './milestone.entity';
import type { PlacedMilestone } from '@waypoint/domain';

export const MILESTONE_NOT_FOUND = 'No such milestone.';

/** What the gate rules need to know of the initiative a milestone belongs to. */
export interface InitiativeFacts {
  id: string;
  title: string;
  status: InitiativeStatus;
  ownerId: string;
  sponsorId: string | null;
  readinessScore: number | null;
  readinessNotes: string;
  /** For the initiative's versioned update (a gate moving its status). */
  version: number;
}

export interface MilestoneFilter {
  state?: MilestoneState;
  sort?: MilestoneSort;
  order?: SortOrder;
}

export type MilestoneChanges = Partial<
  Pick<
    MilestoneEntity,
    | 'position'
    | 'title'
    | 'goal'
    | 'exitCriteria'
    | 'dueDate'
    | 'state'
    | 'startedAt'
    | 'submittedAt'
    | 'submittedBy'
    | 'decidedAt'
  >
>;

const SORT_COLUMNS: Record<MilestoneSort, string> = {
  position: 'm.position',
  dueDate: 'm.dueDate',
};

/** Milestones of initiatives, their linked measures and their order. */
@Injectable()
export class MilestonesRepository {
  constructor(
    @InjectRepository(MilestoneEntity)
    private readonly repository: Repository<MilestoneEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The initiative; `lock` holds its row until the transaction ends (serialises its plan). */
  async initiative(id: string, lock = false): Promise<InitiativeFacts | null> {
    const rows: Array<{
      id: string;
      title: string;
      status: InitiativeStatus;
      owner_id: string;
      sponsor_id: string | null;
      readiness_score: number | null;
      readiness_notes: string;
      version: number;
    }> = await this.txHost.tx.query(
      `SELECT id, title, status, owner_id, sponsor_id, readiness_score, readiness_notes, version
         FROM initiatives WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          title: row.title,
          status: row.status,
          ownerId: row.owner_id,
          sponsorId: row.sponsor_id,
          readinessScore: row.readiness_score,
          readinessNotes: row.readiness_notes,
          version: row.version,
        }
      : null;
  }

  async list(
    initiativeId: string,
    filter: MilestoneFilter,
    page: PageRequest,
  ): Promise<{ rows: MilestoneEntity[]; total: number }> {
    const query = this.repository
      .createQueryBuilder('m')
      .where('m.initiativeId = :initiativeId', { initiativeId });
    if (filter.state !== undefined) query.andWhere('m.state = :state', { state: filter.state });
    const order = filter.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await query
      .orderBy(SORT_COLUMNS[filter.sort ?? 'position'], order, 'NULLS LAST')
      .addOrderBy('m.position', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  /** Every milestone of the initiative with its place and state, in order. */
  async placed(initiativeId: string): Promise<PlacedMilestone[]> {
    const rows: PlacedMilestone[] = await this.txHost.tx.query(
      `SELECT id, position, state FROM milestones WHERE initiative_id = $1 ORDER BY position`,
      [initiativeId],
    );
    return rows;
  }

  async findById(id: string): Promise<MilestoneEntity | null> {
    return this.txHost.tx.getRepository(MilestoneEntity).findOneBy({ id });
  }

  /** The milestone, its row held until the transaction ends (decisions serialise on it). */
  async lock(id: string): Promise<MilestoneEntity | null> {
    return this.txHost.tx
      .getRepository(MilestoneEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  async insert(
    values: Pick<
      MilestoneEntity,
      'initiativeId' | 'position' | 'title' | 'goal' | 'exitCriteria' | 'dueDate'
    >,
  ): Promise<MilestoneEntity> {
    return insertReturning(this.txHost, MilestoneEntity, values);
  }

  /** The conditional write: 404, or 412 when the version moved on. */
  async update(
    id: string,
    expectedVersion: number,
    changes: MilestoneChanges,
  ): Promise<MilestoneEntity> {
    return conditionalUpdate(
      this.txHost,
      MilestoneEntity,
      id,
      expectedVersion,
      changes,
      MILESTONE_NOT_FOUND,
    );
  }

  /** How many steps the milestone has. */
  async stepCount(id: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.txHost.tx.query(
      `SELECT count(*)::text AS n FROM steps WHERE milestone_id = $1`,
      [id],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The conditional delete (one DELETE on id and version): 404, or 412 when stale. */
  async remove(id: string, expectedVersion: number): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.txHost.tx.query(
        `DELETE FROM milestones WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expectedVersion],
      ),
    );
    if (rows.length === 1) return;
    if (!(await this.findById(id))) throw new RecordNotFoundError(MILESTONE_NOT_FOUND);
    throw new StaleVersionError();
  }

  /**
   * Gives the milestones the positions of their order in `orderedIds` (1-based); those that
   * move get a new version. The unique (initiative, position) is checked at commit.
   */
  async renumber(orderedIds: string[]): Promise<void> {
    if (orderedIds.length === 0) return;
    await this.txHost.tx.query(
      `UPDATE milestones m
          SET position = o.position, version = m.version + 1, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE m.id = o.id AND m.position <> o.position`,
      [orderedIds],
    );
  }

  /** The linked measure ids of each milestone, in one IN (...) query. */
  async measureIds(milestoneIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(milestoneIds.map((id) => [id, []]));
    if (milestoneIds.length === 0) return map;
    const rows: Array<{ milestone_id: string; measure_id: string }> = await this.txHost.tx.query(
      `SELECT mm.milestone_id, mm.measure_id
         FROM milestone_measures mm JOIN measures x ON x.id = mm.measure_id
        WHERE mm.milestone_id = ANY($1::uuid[])
        ORDER BY x.name, x.id`,
      [milestoneIds],
    );
    for (const row of rows) map.get(row.milestone_id)?.push(row.measure_id);
    return map;
  }

  /** The ids of `measureIds` that are not measures of the initiative. */
  async foreignMeasures(initiativeId: string, measureIds: string[]): Promise<string[]> {
    if (measureIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM measures WHERE initiative_id = $1 AND id = ANY($2::uuid[])`,
      [initiativeId, measureIds],
    );
    const found = new Set(rows.map((row) => row.id));
    return measureIds.filter((id) => !found.has(id));
  }

  async replaceMeasures(milestoneId: string, measureIds: string[]): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM milestone_measures WHERE milestone_id = $1`, [
      milestoneId,
    ]);
    if (measureIds.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO milestone_measures (milestone_id, measure_id)
       SELECT $1, unnest($2::uuid[])`,
      [milestoneId, measureIds],
    );
  }
}
