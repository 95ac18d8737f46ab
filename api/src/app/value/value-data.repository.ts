import { Injectable } from '@nestjs/common';
import type {
  Approach,
  Cadence,
  Direction,
  InitiativeStatus,
  KpiClass,
  Perspective,
} from '@waypoint/contracts';
import { CountedSql } from '../common';

/** An initiative as the portfolio reads it, with the size and spread of its team. */
export interface InitiativeRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  approach: Approach;
  ownerId: string;
  sponsorId: string | null;
  estimatedCustomerValue: number | null;
  estimatedBusinessValue: number | null;
  /** Team members (the owner not counted). */
  teamSize: number;
  /** Distinct departments of the owner and the team. */
  departments: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeasureRow {
  id: string;
  initiativeId: string;
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null until the first reading gives it (a measure planned "baseline from the first reading"). */
  baseline: number | null;
  target: number;
  cadence: Cadence;
  kpiClass: KpiClass;
  weight: number;
  customerGroupId: string | null;
  counterMeasureId: string | null;
  createdAt: Date;
}

export interface ReadingRow {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
  supersedesId: string | null;
  /** Loaded by `readings`; the SQL that picks decisive readings leaves withdrawn ones out. */
  withdrawn?: boolean;
}

export interface CycleRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface CustomerGroupRow {
  id: string;
  name: string;
  isProtected: boolean;
}

/** Every initiative, or only these. */
export type InitiativeScope = readonly string[] | null;

/**
 * Set-based loads of what the value indices and tension alerts need: one statement per kind of
 * record, however many initiatives there are. `scope` narrows to some initiatives (null: all).
 */
@Injectable()
export class ValueDataRepository {
  constructor(private readonly sql: CountedSql) {}

  /** Team size and spread are aggregated once over the set (not a subquery per initiative). */
  async initiatives(scope: InitiativeScope): Promise<InitiativeRow[]> {
    return this.sql.query<InitiativeRow>(
      `WITH team AS (
         SELECT t.initiative_id, count(*)::int AS n FROM initiative_team t
          WHERE $1::uuid[] IS NULL OR t.initiative_id = ANY($1::uuid[])
          GROUP BY t.initiative_id
       ), spread AS (
         SELECT x.initiative_id, count(DISTINCT x.department_id)::int AS n FROM (
           SELECT i.id AS initiative_id, o.department_id
             FROM initiatives i JOIN users o ON o.id = i.owner_id
            WHERE $1::uuid[] IS NULL OR i.id = ANY($1::uuid[])
           UNION ALL
           SELECT t.initiative_id, u.department_id
             FROM initiative_team t JOIN users u ON u.id = t.user_id
            WHERE $1::uuid[] IS NULL OR t.initiative_id = ANY($1::uuid[])
         ) x GROUP BY x.initiative_id
       )
       SELECT i.id, i.title, i.status, i.approach, i.owner_id AS "ownerId",
              i.sponsor_id AS "sponsorId",
              i.estimated_customer_value AS "estimatedCustomerValue",
              i.estimated_business_value AS "estimatedBusinessValue",
              coalesce(team.n, 0) AS "teamSize", coalesce(spread.n, 0) AS departments,
              i.created_at AS "createdAt", i.updated_at AS "updatedAt"
         FROM initiatives i
         LEFT JOIN team ON team.initiative_id = i.id
         LEFT JOIN spread ON spread.initiative_id = i.id
        WHERE $1::uuid[] IS NULL OR i.id = ANY($1::uuid[])
        ORDER BY lower(i.title), i.id`,
      [scope],
    );
  }

  async measures(scope: InitiativeScope): Promise<MeasureRow[]> {
    return this.sql.query<MeasureRow>(
      `SELECT m.id, m.initiative_id AS "initiativeId", m.name, m.unit, m.perspective, m.direction,
              m.baseline, m.target, m.cadence, m.kpi_class AS "kpiClass", m.weight,
              m.customer_group_id AS "customerGroupId",
              m.counter_measure_id AS "counterMeasureId", m.created_at AS "createdAt"
         FROM measures m
        WHERE $1::uuid[] IS NULL OR m.initiative_id = ANY($1::uuid[])
        ORDER BY m.initiative_id, lower(m.name), m.id`,
      [scope],
    );
  }

  /**
   * Every reading (superseded and withdrawn ones too: libs/domain leaves them out), in recording
   * order, observed times to the millisecond (as the engine's decisive readings).
   */
  async readings(scope: InitiativeScope): Promise<ReadingRow[]> {
    return this.sql.query<ReadingRow>(
      `SELECT r.id, r.measure_id AS "measureId", r.value,
              date_trunc('milliseconds', r.observed_at) AS "observedAt",
              r.supersedes_id AS "supersedesId",
              EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id) AS withdrawn
         FROM readings r JOIN measures m ON m.id = r.measure_id
        WHERE $1::uuid[] IS NULL OR m.initiative_id = ANY($1::uuid[])
        ORDER BY r.recorded_at, r.id`,
      [scope],
    );
  }

  /** Every cycle, oldest first. */
  async cycles(): Promise<CycleRow[]> {
    return this.sql.query<CycleRow>(
      `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM cycles ORDER BY starts_on, id`,
    );
  }
}
