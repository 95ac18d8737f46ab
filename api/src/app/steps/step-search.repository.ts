import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  MILESTONE_STATE_VALUES,
  type MilestoneState,
  type StepStatus,
} from '@waypoint/contracts';
import { stepsClosedProblem } from '@waypoint/domain';
import type { PageRequest } from '../common';
import { type ReadScope, readableSql } from '../initiatives';

/** What `GET /api/steps` filters on; every filter is optional and they combine. */
export interface StepSearch {
  /** The initiatives the caller reads (null: all). */
  readableBy: ReadScope | null;
  assigneeId?: string;
  status?: StepStatus;
  open?: boolean;
  /** YYYY-MM-DD: due strictly before this day. */
  dueBefore?: string;
  /** true: due before `today` and not done; false: the others. */
  overdue?: boolean;
  /** YYYY-MM-DD, the day `overdue` counts from. */
  today: string;
}

/** A step with its milestone and initiative, as the cross-initiative list reads it. */
export interface StepSearchRow {
  id: string;
  milestoneId: string;
  initiativeId: string;
  position: number;
  title: string;
  assigneeId: string | null;
  dueDate: string | null;
  status: StepStatus;
  movedFromMilestoneId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  milestoneTitle: string;
  milestonePosition: number;
  milestoneState: MilestoneState;
  initiativeTitle: string;
  initiativeStatus: InitiativeStatus;
}

/**
 * The (milestone state, initiative status) pairs under which steps still change, from the rule
 * of libs/domain itself (`stepsClosedProblem`), so that `open=true` and each item's `open` agree.
 */
const OPEN_PARENTS = MILESTONE_STATE_VALUES.flatMap((state) =>
  INITIATIVE_STATUS_VALUES.filter(
    (initiativeStatus) => stepsClosedProblem({ state, initiativeStatus }) === null,
  ).map((initiativeStatus) => [state, initiativeStatus] as const),
);

/** Steps across initiatives: one page and its total in two set-based statements. */
@Injectable()
export class StepSearchRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async search(
    filter: StepSearch,
    page: PageRequest,
  ): Promise<{ rows: StepSearchRow[]; total: number }> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.readableBy) {
      where.push(readableSql(filter.readableBy, 'i', bind(filter.readableBy.userId)));
    }
    if (filter.assigneeId !== undefined) where.push(`s.assignee_id = ${bind(filter.assigneeId)}`);
    if (filter.status !== undefined) where.push(`s.status = ${bind(filter.status)}`);
    if (filter.dueBefore !== undefined) where.push(`s.due_date < ${bind(filter.dueBefore)}::date`);
    if (filter.overdue !== undefined) {
      const overdue = `(s.due_date < ${bind(filter.today)}::date AND s.status <> 'done')`;
      where.push(filter.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
    }
    if (filter.open !== undefined) {
      const states = bind(OPEN_PARENTS.map(([state]) => state));
      const statuses = bind(OPEN_PARENTS.map(([, status]) => status));
      where.push(
        `${filter.open ? '' : 'NOT '}EXISTS (
           SELECT 1 FROM unnest(${states}::text[], ${statuses}::text[]) AS o(state, status)
            WHERE o.state = m.state AND o.status = i.status)`,
      );
    }
    const from = `FROM steps s
      JOIN milestones m ON m.id = s.milestone_id
      JOIN initiatives i ON i.id = s.initiative_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
    const filterParams = [...params];
    const limit = bind(page.limit);
    const offset = bind(page.offset);
    const [rows, counted] = await Promise.all([
      this.txHost.tx.query(
        `SELECT s.id, s.milestone_id AS "milestoneId", s.initiative_id AS "initiativeId",
                s.position, s.title, s.assignee_id AS "assigneeId",
                to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", s.status, s.version,
                s.moved_from_milestone_id AS "movedFromMilestoneId",
                s.created_at AS "createdAt", s.updated_at AS "updatedAt",
                m.title AS "milestoneTitle", m.position AS "milestonePosition",
                m.state AS "milestoneState",
                i.title AS "initiativeTitle", i.status AS "initiativeStatus"
           ${from}
          ORDER BY s.status = 'done', s.due_date ASC NULLS LAST, lower(s.title), s.id
          LIMIT ${limit} OFFSET ${offset}`,
        params,
      ) as Promise<StepSearchRow[]>,
      this.txHost.tx.query(`SELECT count(*)::int AS n ${from}`, filterParams) as Promise<
        Array<{ n: number }>
      >,
    ]);
    return { rows, total: counted[0]?.n ?? 0 };
  }
}
