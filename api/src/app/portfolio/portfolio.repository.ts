import { Injectable } from '@nestjs/common';
import type {
  CycleRef,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  Perspective,
  PortfolioStageKind,
  ReviewDecision,
  TensionPoint,
} from '@waypoint/contracts';
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

/** Cycle over cycle, as PortfolioRepository.series reads it. */
export interface SeriesRows {
  initiatives: Array<{ id: string; title: string }>;
  cycles: Array<{
    cycle: CycleRef;
    decisions: Partial<Record<ReviewDecision, number>>;
    initiatives: Array<{ id: string; customer: number | null; business: number | null }>;
  }>;
}

/** How many initiatives share a status, a stage and a count of departments. */
export interface InitiativeCountRow {
  status: InitiativeStatus;
  kind: PortfolioStageKind;
  /** 1-based place of the current gate (0 when the stage is not a gate). */
  position: number;
  departments: number;
  n: number;
}

/** One of the first initiatives of a stage. */
export interface StageItemRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  kind: PortfolioStageKind;
  position: number;
  milestoneTitle: string | null;
  milestoneState: MilestoneState | null;
  teamSize: number;
  departments: number;
}

/** The portfolio summary's figures, from the stored rows (one statement). */
export interface SummaryRows {
  counts: InitiativeCountRow[];
  /** At most `perStage` initiatives per stage, in stage order and the initiatives' order. */
  items: StageItemRow[];
  gates: { count: number; oldestHours: number | null; averageHours: number | null };
  openConditions: number;
  staleMeasures: number;
  classes: Array<{
    perspective: Perspective;
    kpiClass: KpiClass;
    hasCounter: boolean;
    count: number;
  }>;
}

/**
 * The summary from the rows kept on write (migration PortfolioRows1764000003000): initiatives per
 * status, stage and spread; the first `perStage` of each stage (an index walk per stage); gates
 * waiting; open conditions; stale measures of active initiatives (a range of the stale_after
 * index); the KPI review's counts (an index-only scan).
 */
const SUMMARY = `
  WITH counts AS (
    SELECT status, stage_kind AS kind, coalesce(stage_position, 0) AS position, departments,
           count(*)::int AS n
      FROM portfolio_initiatives GROUP BY 1, 2, 3, 4
  ), stages AS (SELECT DISTINCT kind, position FROM counts)
  SELECT json_build_object(
    'counts', (SELECT coalesce(json_agg(c), '[]') FROM counts c),
    'items', (SELECT coalesce(json_agg(x ORDER BY x.kind, x.position, x.k), '[]') FROM (
       SELECT s.kind, s.position, p.initiative_id AS id, p.title, p.status,
              p.milestone_title AS "milestoneTitle", p.milestone_state AS "milestoneState",
              p.team_size AS "teamSize", p.departments,
              row_number() OVER (PARTITION BY s.kind, s.position) AS k
         FROM stages s CROSS JOIN LATERAL (
           SELECT * FROM portfolio_initiatives p
            WHERE p.stage_kind = s.kind AND coalesce(p.stage_position, 0) = s.position
            ORDER BY lower(p.title), p.initiative_id LIMIT $2) p) x),
    'gates', (SELECT json_build_object('count', count(*)::int,
         'oldestHours', max(extract(epoch FROM $1::timestamptz - submitted_at)) / 3600,
         'averageHours', avg(extract(epoch FROM $1::timestamptz - submitted_at)) / 3600)
         FROM milestones WHERE state = 'submitted' AND submitted_at IS NOT NULL),
    'openConditions', (SELECT count(*)::int FROM decision_conditions WHERE closed_at IS NULL),
    'staleMeasures', (SELECT count(*)::int FROM portfolio_measures
                       WHERE active AND stale_after < $1::timestamptz),
    'classes', (SELECT coalesce(json_agg(k), '[]') FROM (
       SELECT perspective, kpi_class AS "kpiClass", has_counter AS "hasCounter",
              count(*)::int AS count
         FROM portfolio_measures GROUP BY 1, 2, 3) k)
  ) AS summary`;

/** Set-based loads of the portfolio beyond the value data (one statement each). */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly sql: CountedSql) {}

  /** The summary's figures at `now`, with `perStage` items per stage. */
  async summary(now: Date, perStage: number): Promise<SummaryRows> {
    const rows = await this.sql.query<{ summary: SummaryRows }>(SUMMARY, [
      now.toISOString(),
      perStage,
    ]);
    const summary = rows[0]?.summary;
    if (!summary) throw new Error('The portfolio summary statement returned no row.');
    return summary;
  }

  /**
   * The tension chart's first `limit` points, those whose customer and business index pull apart
   * most (points without both last, then the initiatives' order), now or at the cycle's close
   * with its opening, and how many initiatives match.
   */
  async tension(
    cycleId: string | null,
    status: InitiativeStatus | null,
    limit: number,
  ): Promise<{ total: number; points: TensionPoint[] }> {
    const indices =
      cycleId === null
        ? `SELECT initiative_id, customer, business, NULL::float8 AS customer_opening,
                  NULL::float8 AS business_opening FROM value_now`
        : `SELECT initiative_id, customer_closing AS customer, business_closing AS business,
                  customer_opening, business_opening FROM value_indices WHERE cycle_id = $3`;
    const rows = await this.sql.query<TensionPoint & { total: number }>(
      `SELECT i.id, i.title, i.status, coalesce(p.team_size, 0) AS "teamSize",
              x.customer AS "customerIndex", x.business AS "businessIndex",
              x.customer_opening AS "openingCustomerIndex",
              x.business_opening AS "openingBusinessIndex",
              i.estimated_customer_value AS "estimatedCustomerValue",
              i.estimated_business_value AS "estimatedBusinessValue",
              count(*) OVER ()::int AS total
         FROM initiatives i
         LEFT JOIN portfolio_initiatives p ON p.initiative_id = i.id
         LEFT JOIN (${indices}) x ON x.initiative_id = i.id
        WHERE $1::text IS NULL OR i.status = $1
        ORDER BY CASE WHEN x.customer IS NULL OR x.business IS NULL THEN -1
                      ELSE abs(x.customer - x.business) END DESC, lower(i.title), i.id
        LIMIT $2`,
      cycleId === null ? [status, limit] : [status, limit, cycleId],
    );
    // No row: no initiative matches (the limit is at least 1).
    return {
      total: rows[0]?.total ?? 0,
      points: rows.map(({ total: _total, ...point }) => point),
    };
  }

  /**
   * Cycle over cycle (every cycle started by `today`, oldest first): each initiative's indices at
   * the cycle's close, in the initiatives' order, and the review decisions of the cycle.
   */
  async series(today: string): Promise<SeriesRows> {
    const rows = await this.sql.query<{ series: SeriesRows }>(
      `WITH started AS (
         SELECT id, name, starts_on, ends_on FROM cycles WHERE starts_on <= $1::date
       ), ordered AS (
         SELECT id, title, row_number() OVER (ORDER BY lower(title), id) AS k FROM initiatives
       )
       SELECT json_build_object(
         'initiatives', (SELECT coalesce(json_agg(json_build_object('id', o.id, 'title', o.title)
                           ORDER BY o.k), '[]') FROM ordered o),
         'cycles', (SELECT coalesce(json_agg(json_build_object(
             'cycle', json_build_object('id', c.id, 'name', c.name,
                        'startsOn', c.starts_on::text, 'endsOn', c.ends_on::text),
             'decisions', (SELECT coalesce(json_object_agg(d.decision, d.n), '{}') FROM (
                 SELECT decision, count(*)::int AS n FROM cycle_reviews
                  WHERE cycle_id = c.id AND decision IS NOT NULL GROUP BY decision) d),
             'initiatives', (SELECT coalesce(json_agg(json_build_object('id', o.id,
                   'customer', v.customer_closing, 'business', v.business_closing)
                   ORDER BY o.k), '[]')
                 FROM ordered o
                 LEFT JOIN value_indices v ON v.initiative_id = o.id AND v.cycle_id = c.id))
           ORDER BY c.starts_on, c.id), '[]') FROM started c)
       ) AS series`,
      [today],
    );
    return rows[0]?.series ?? { initiatives: [], cycles: [] };
  }

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
