import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  InitiativeStatus,
  MilestoneState,
  SortOrder,
  StepSort,
  StepStatus,
} from '@waypoint/contracts';
import { type Repository } from 'typeorm';
import {
  RecordNotFoundError,
  StaleVersionError,
  type PageRequest,
  conditionalUpdate,
  insertReturning,
  returnedRows,
} from '../common';
import { StepEntity } from './step.entity';

export const STEP_NOT_FOUND = 'No such step.';

/** The milestone a step lives under, with what the step rules need. */
export interface StepParent {
  id: string;
  initiativeId: string;
  state: MilestoneState;
  initiativeStatus: InitiativeStatus;
}

export interface StepFilter {
  status?: StepStatus;
  assigneeId?: string;
  sort?: StepSort;
  order?: SortOrder;
}

export type StepChanges = Partial<
  Pick<StepEntity, 'title' | 'assigneeId' | 'dueDate' | 'status' | 'position'>
>;

const SORT_COLUMNS: Record<StepSort, string> = {
  position: 's.position',
  dueDate: 's.dueDate',
  status: 's.status',
  title: 'lower(s.title)',
};

@Injectable()
export class StepsRepository {
  constructor(
    @InjectRepository(StepEntity)
    private readonly repository: Repository<StepEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The milestone, its row held until the transaction ends (steps of one milestone serialise). */
  async lockParent(milestoneId: string): Promise<StepParent | null> {
    const rows: Array<{
      id: string;
      initiative_id: string;
      state: MilestoneState;
      initiative_status: InitiativeStatus;
    }> = await this.txHost.tx.query(
      `SELECT m.id, m.initiative_id, m.state, i.status AS initiative_status
         FROM milestones m JOIN initiatives i ON i.id = m.initiative_id
        WHERE m.id = $1
        FOR UPDATE OF m`,
      [milestoneId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          initiativeId: row.initiative_id,
          state: row.state,
          initiativeStatus: row.initiative_status,
        }
      : null;
  }

  async list(
    milestoneId: string,
    filter: StepFilter,
    page: PageRequest,
  ): Promise<{ rows: StepEntity[]; total: number }> {
    const query = this.repository
      .createQueryBuilder('s')
      .where('s.milestoneId = :milestoneId', { milestoneId });
    if (filter.status !== undefined)
      query.andWhere('s.status = :status', { status: filter.status });
    if (filter.assigneeId !== undefined) {
      query.andWhere('s.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    }
    const [rows, total] = await query
      .orderBy(
        SORT_COLUMNS[filter.sort ?? 'position'],
        filter.order === 'desc' ? 'DESC' : 'ASC',
        'NULLS LAST',
      )
      .addOrderBy('s.position', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  async findById(id: string): Promise<StepEntity | null> {
    return this.txHost.tx.getRepository(StepEntity).findOneBy({ id });
  }

  /** The ids of the milestone's steps in their order. */
  async orderedIds(milestoneId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM steps WHERE milestone_id = $1 ORDER BY position, created_at, id`,
      [milestoneId],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the user may be assigned: active, and the initiative's owner or on its team. */
  async assignable(initiativeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM users u JOIN initiatives i ON i.id = $1
        WHERE u.id = $2 AND u.active
          AND (i.owner_id = u.id
               OR EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = u.id))`,
      [initiativeId, userId],
    );
    return rows.length > 0;
  }

  async insert(
    values: Pick<
      StepEntity,
      'milestoneId' | 'initiativeId' | 'position' | 'title' | 'assigneeId' | 'dueDate' | 'status'
    >,
  ): Promise<StepEntity> {
    return insertReturning(this.txHost, StepEntity, values);
  }

  async update(id: string, expectedVersion: number, changes: StepChanges): Promise<StepEntity> {
    return conditionalUpdate(this.txHost, StepEntity, id, expectedVersion, changes, STEP_NOT_FOUND);
  }

  /** The conditional delete (one DELETE on id and version): 404, or 412 when stale. */
  async remove(id: string, expectedVersion: number): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.txHost.tx.query(`DELETE FROM steps WHERE id = $1 AND version = $2 RETURNING id`, [
        id,
        expectedVersion,
      ]),
    );
    if (rows.length === 1) return;
    if (!(await this.findById(id))) throw new RecordNotFoundError(STEP_NOT_FOUND);
    throw new StaleVersionError();
  }

  /**
   * Moves the unfinished steps of one milestone to the end of another, in their order, marking
   * where they came from; the steps left behind are renumbered. Answers the moved steps as they
   * were before and as they are now.
   */
  async carryOver(
    fromMilestoneId: string,
    toMilestoneId: string,
  ): Promise<{ before: StepEntity; after: StepEntity }[]> {
    const repository = this.txHost.tx.getRepository(StepEntity);
    const unfinished = await repository
      .createQueryBuilder('s')
      .where('s.milestoneId = :fromMilestoneId', { fromMilestoneId })
      .andWhere("s.status <> 'done'")
      .orderBy('s.position', 'ASC')
      .addOrderBy('s.createdAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    if (unfinished.length === 0) return [];
    const already = (await this.orderedIds(toMilestoneId)).length;
    await this.txHost.tx.query(
      `UPDATE steps s
          SET milestone_id = $2, moved_from_milestone_id = $1, position = $3 + o.ord,
              version = s.version + 1, updated_at = now()
         FROM unnest($4::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE s.id = o.id`,
      [fromMilestoneId, toMilestoneId, already, unfinished.map((step) => step.id)],
    );
    await this.renumber(await this.orderedIds(fromMilestoneId));
    const moved = await repository.findBy(unfinished.map((step) => ({ id: step.id })));
    const byId = new Map(moved.map((step) => [step.id, step]));
    return unfinished.flatMap((before) => {
      const after = byId.get(before.id);
      return after ? [{ before, after }] : [];
    });
  }

  /**
   * Sends a carried-over step back to the end of the gate it came from, conditionally on the
   * version read (404, or 412 when stale); the steps it leaves are renumbered by the caller.
   */
  async returnToOrigin(step: StepEntity, expectedVersion: number): Promise<StepEntity> {
    const origin = step.movedFromMilestoneId;
    if (!origin) throw new Error('the step was not carried over');
    const position = (await this.orderedIds(origin)).length + 1;
    return conditionalUpdate(
      this.txHost,
      StepEntity,
      step.id,
      expectedVersion,
      { milestoneId: origin, movedFromMilestoneId: null, position },
      STEP_NOT_FOUND,
    );
  }

  /** Positions 1..n in the given order; the steps that move get a new version. */
  async renumber(orderedIds: string[]): Promise<void> {
    if (orderedIds.length === 0) return;
    await this.txHost.tx.query(
      `UPDATE steps s
          SET position = o.position, version = s.version + 1, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE s.id = o.id AND s.position <> o.position`,
      [orderedIds],
    );
  }
}
