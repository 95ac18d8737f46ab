import { Injectable } from '@nestjs/common';
import type { MilestoneState, ReviewDecision } from '@waypoint/contracts';
import { CountedSql } from '../common';

export interface MilestoneRow {
  id: string;
  initiativeId: string;
  position: number;
  title: string;
  state: MilestoneState;
  dueDate: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

export interface DecisionCountRow {
  cycleId: string;
  decision: ReviewDecision;
  count: number;
}

/** Set-based loads of the portfolio beyond the value data (one statement each). */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly sql: CountedSql) {}

  /** Milestones of the initiatives in scope (null: all), in gate order. */
  async milestones(scope: readonly string[] | null): Promise<MilestoneRow[]> {
    return this.sql.query<MilestoneRow>(
      `SELECT id, initiative_id AS "initiativeId", position, title, state,
              due_date::text AS "dueDate", submitted_at AS "submittedAt", decided_at AS "decidedAt"
         FROM milestones
        WHERE $1::uuid[] IS NULL OR initiative_id = ANY($1::uuid[])
        ORDER BY initiative_id, position`,
      [scope],
    );
  }

  /** Conditions of go-with-conditions decisions that are not closed yet. */
  async openConditionCount(): Promise<number> {
    const rows = await this.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM decision_conditions WHERE closed_at IS NULL`,
    );
    return rows[0]?.count ?? 0;
  }

  /** How many cycle reviews decided adopt, adapt or abandon, per cycle. */
  async reviewDecisions(): Promise<DecisionCountRow[]> {
    return this.sql.query<DecisionCountRow>(
      `SELECT cycle_id AS "cycleId", decision, count(*)::int AS count
         FROM cycle_reviews WHERE decision IS NOT NULL
        GROUP BY cycle_id, decision`,
    );
  }
}
