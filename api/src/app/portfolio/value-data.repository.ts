import { Injectable } from '@nestjs/common';
import type {
  Approach,
  Cadence,
  Direction,
  InitiativeStatus,
  KpiClass,
  Perspective,
} from '@waypoint/contracts';
import { CountedSql } from './statements/counted-sql';

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
  baseline: number;
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
  /** Loaded by `readings`; `decisiveReadings` leaves withdrawn ones out instead. */
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
   * order.
   */
  async readings(scope: InitiativeScope): Promise<ReadingRow[]> {
    return this.sql.query<ReadingRow>(
      `SELECT r.id, r.measure_id AS "measureId", r.value, r.observed_at AS "observedAt",
              r.supersedes_id AS "supersedesId",
              EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id) AS withdrawn
         FROM readings r JOIN measures m ON m.id = r.measure_id
        WHERE $1::uuid[] IS NULL OR m.initiative_id = ANY($1::uuid[])
        ORDER BY r.recorded_at, r.id`,
      [scope],
    );
  }

  /**
   * Only the readings the portfolio's answers can depend on, for every measure: the latest
   * effective reading observed by `now`, and the first and last effective reading within each
   * window ([start, end), as libs/domain's `isInCycle`). libs/domain picks exactly these from the
   * full history (ties broken by recording order, times compared to the millisecond like JS
   * dates), so the answers are the same while a million readings stay in the database.
   */
  async decisiveReadings(
    now: Date,
    windows: ReadonlyArray<{ start: Date; end: Date }>,
  ): Promise<ReadingRow[]> {
    // Per measure and window, index lookups find when the last (and first) effective reading
    // was observed; then every effective reading of that millisecond is loaded (JS dates compare
    // milliseconds, and libs/domain breaks ties by recording order). Window 0 is "by now".
    return this.sql.query<ReadingRow>(
      `WITH windows AS (
         SELECT w.s, w.e, w.n
           FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(s, e, n)
         UNION ALL SELECT '-infinity'::timestamptz, $1::timestamptz + interval '1 millisecond', 0
       ), edges AS (
         SELECT m.id AS measure_id, date_trunc('milliseconds', l.at) AS at
           FROM measures m CROSS JOIN windows w
           JOIN LATERAL (
             SELECT r.observed_at AS at FROM readings r
              WHERE r.measure_id = m.id AND r.observed_at >= w.s AND r.observed_at < w.e
                AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
              ORDER BY r.observed_at DESC LIMIT 1) l ON true
         UNION
         SELECT m.id, date_trunc('milliseconds', f.at)
           FROM measures m CROSS JOIN windows w
           JOIN LATERAL (
             SELECT r.observed_at AS at FROM readings r
              WHERE r.measure_id = m.id AND r.observed_at >= w.s AND r.observed_at < w.e
                AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
              ORDER BY r.observed_at LIMIT 1) f ON w.n > 0
       )
       SELECT DISTINCT r.id, r.measure_id AS "measureId", r.value, r.observed_at AS "observedAt",
              r.supersedes_id AS "supersedesId", r.recorded_at
         FROM edges e JOIN readings r ON r.measure_id = e.measure_id
          AND r.observed_at >= e.at AND r.observed_at < e.at + interval '1 millisecond'
        WHERE NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
        ORDER BY r.recorded_at, r.id`,
      [now, windows.map((w) => w.start), windows.map((w) => w.end)],
    );
  }

  /** Every cycle, oldest first. */
  async cycles(): Promise<CycleRow[]> {
    return this.sql.query<CycleRow>(
      `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM cycles ORDER BY starts_on, id`,
    );
  }

  async customerGroups(): Promise<CustomerGroupRow[]> {
    return this.sql.query<CustomerGroupRow>(
      `SELECT id, name, protected AS "isProtected" FROM customer_groups ORDER BY id`,
    );
  }
}
