import { Injectable } from '@nestjs/common';
import { PreparedStatements, type StatementNotify } from '../common';
import type {
  CustomerGroupRow,
  CycleRow,
  InitiativeScope,
  MeasureRow,
  ReadingRow,
} from './value-data.repository';
import type { AlertRecordState } from '@waypoint/domain';
import { isNoChange, type StoredValueRows, type ValueRowsChange } from './value-rows-change';
import type {
  IndexRow,
  MeasureNowRow,
  NowRow,
  StandingRow,
  ValueInputs,
  ValueRows,
} from './value-rows';

/** The first key of the value engine's advisory locks (the second: the initiative's hash). */
const VALUE_LOCK_SPACE = 1_764_000_410;

const MEASURE_COLUMNS = `m.id, m.initiative_id AS "initiativeId", m.name, m.unit, m.perspective,
  m.direction, m.baseline, m.target, m.cadence, m.kpi_class AS "kpiClass", m.weight,
  m.customer_group_id AS "customerGroupId", m.counter_measure_id AS "counterMeasureId",
  m.created_at AS "createdAt"`;

/**
 * The decisive readings of the measures in `scope` (a CTE of measure ids): per measure and
 * cut-off (each cycle's start and end, and just after `now`, $2), the last effective reading observed
 * before it, with every effective reading of that same millisecond (libs/domain compares
 * JavaScript dates, to the millisecond, and breaks ties by recording order). A cycle standing
 * opens at the last reading before the cycle (or the baseline) and closes at the last reading
 * before its end, so libs/domain picks the same standings from these as from every reading.
 * A cycle's window is [start, the midnight after its last day) in UTC, as cycleWindow has it.
 * Observation times are truncated to the millisecond, as JavaScript holds them.
 */
const DECISIVE_READINGS = `
  cutoffs AS (
    SELECT starts_on::timestamp AT TIME ZONE 'UTC' AS c FROM cycles
    UNION SELECT (ends_on + 1)::timestamp AT TIME ZONE 'UTC' FROM cycles
    UNION SELECT $2::timestamptz + interval '1 millisecond'
  ),
  edges AS (
    SELECT DISTINCT s.id AS measure_id, date_trunc('milliseconds', l.at) AS at
      FROM scope s CROSS JOIN cutoffs k
      JOIN LATERAL (
        SELECT r.observed_at AS at FROM readings r
         WHERE r.measure_id = s.id AND r.observed_at < k.c
           AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
           AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
         ORDER BY r.observed_at DESC LIMIT 1) l ON true
  ),
  decisive AS (
    SELECT DISTINCT r.id, r.measure_id AS "measureId", r.value,
           date_trunc('milliseconds', r.observed_at) AS "observedAt",
           r.supersedes_id AS "supersedesId", r.recorded_at
      FROM edges e JOIN readings r ON r.measure_id = e.measure_id
       AND r.observed_at >= e.at AND r.observed_at < e.at + interval '1 millisecond'
     WHERE NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
  )`;

interface InputsJson {
  measures: Array<Omit<MeasureRow, 'createdAt'> & { createdAt: string }>;
  readings: Array<Omit<ReadingRow, 'observedAt'> & { observedAt: string }>;
  cycles: CycleRow[];
  groups: CustomerGroupRow[];
}

/** Runs one SQL statement: a transaction's, a migration's or a script's connection. */
export type Sql = (text: string, params?: readonly unknown[]) => Promise<unknown[]>;

export async function loadCycles(sql: Sql): Promise<CycleRow[]> {
  return (await sql(
    `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM cycles ORDER BY starts_on, id`,
  )) as CycleRow[];
}

/** The stored rows' columns, named as in value-rows.ts (what the engine and value:check read). */
export const STORED_COLUMNS = {
  standings: `measure_id AS "measureId", cycle_id AS "cycleId", initiative_id AS "initiativeId",
    opening_reading_id AS "openingReadingId", opening_observed_at AS "openingObservedAt",
    opening_value AS "openingValue", closing_reading_id AS "closingReadingId",
    closing_observed_at AS "closingObservedAt", closing_value AS "closingValue",
    progress_opening AS "progressOpening", progress_closing AS "progressClosing", improvement`,
  measuresNow: `measure_id AS "measureId", initiative_id AS "initiativeId", reading_id AS "readingId",
    value, observed_at AS "observedAt", progress`,
  indices: `initiative_id AS "initiativeId", cycle_id AS "cycleId",
    customer_opening AS "customerOpening", customer_closing AS "customerClosing",
    customer_change AS "customerChange", business_opening AS "businessOpening",
    business_closing AS "businessClosing", business_change AS "businessChange",
    counter_alerts AS "counterAlerts", counter_critical AS "counterCritical",
    protected_alerts AS "protectedAlerts"`,
  now: `initiative_id AS "initiativeId", customer, business`,
} as const;

/** Takes the initiatives $1 off `value_refresh_pending` (a CTE). */
const SEEN = `seen AS (DELETE FROM value_refresh_pending WHERE initiative_id = ANY($1::uuid[]))`;

/** The CTEs the inputs are read from: the initiatives $1's measures and decisive readings at $2. */
const INPUTS_SCOPE = `WITH scope AS (SELECT m.id FROM measures m WHERE m.initiative_id = ANY($1::uuid[])),
     ${DECISIVE_READINGS}`;

/** The json_build_object fields of the inputs of the initiatives $1 at $2 (scope: their measures). */
const INPUT_FIELDS = `
       'measures', (SELECT coalesce(json_agg(x ORDER BY x."initiativeId", lower(x.name), x.id), '[]')
                      FROM (SELECT ${MEASURE_COLUMNS} FROM measures m
                             WHERE m.initiative_id = ANY($1::uuid[])) x),
       'readings', (SELECT coalesce(json_agg(d ORDER BY d.recorded_at, d.id), '[]') FROM decisive d),
       'cycles', (SELECT coalesce(json_agg(c ORDER BY c."startsOn", c.id), '[]') FROM (
                    SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
                      FROM cycles) c),
       'groups', (SELECT coalesce(json_agg(g ORDER BY g.id), '[]') FROM (
                    SELECT id, name, protected AS "isProtected" FROM customer_groups) g)`;

/** The table of each kind of stored row. */
export const STORED_TABLES = {
  standings: 'value_standings',
  measuresNow: 'value_measure_now',
  indices: 'value_indices',
  now: 'value_now',
} as const satisfies Record<keyof typeof STORED_COLUMNS, string>;

/** The json_build_object fields of the stored rows and alert records of the initiatives $1. */
const STORED_FIELDS = [
  ...Object.entries(STORED_TABLES).map(
    ([key, table]) => `
       '${key}', (SELECT coalesce(json_agg(x), '[]') FROM (
                   SELECT ${STORED_COLUMNS[key as keyof typeof STORED_TABLES]} FROM ${table}
                    WHERE initiative_id = ANY($1::uuid[])) x)`,
  ),
  `
       'alerts', (SELECT coalesce(json_agg(a ORDER BY a.raised_at, a.id), '[]') FROM (
                    SELECT id, initiative_id AS "initiativeId", cycle_id AS "cycleId", kind,
                           measure_id AS "measureId", status, raised_at
                      FROM alerts WHERE initiative_id = ANY($1::uuid[])
                       AND status <> 'resolved') a)`,
].join(',');

/** Inputs as PostgreSQL's JSON has them: dates as text. */
function inputsOf(json: InputsJson | undefined): ValueInputs {
  const j = json ?? { measures: [], readings: [], cycles: [], groups: [] };
  return {
    cycles: j.cycles,
    groups: j.groups,
    measures: j.measures.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
    readings: j.readings.map((r) => ({
      id: r.id,
      measureId: r.measureId,
      value: r.value,
      observedAt: new Date(r.observedAt),
      supersedesId: r.supersedesId,
    })),
  };
}

/**
 * In one statement: every cycle, the measures of the initiatives and their decisive readings, in
 * recording order. What the engine computes the initiatives' rows from.
 */
export async function loadInputs(
  sql: Sql,
  initiativeIds: readonly string[],
  now: Date,
): Promise<ValueInputs> {
  const [row] = (await sql(
    `${INPUTS_SCOPE}
     SELECT json_build_object(${INPUT_FIELDS}) AS inputs`,
    [initiativeIds, now.toISOString()],
  )) as Array<{ inputs: InputsJson }>;
  return inputsOf(row?.inputs);
}

/** An alert record as the engine reconciles it (every cycle of the initiative). */
export type LoadedAlert = AlertRecordState & { initiativeId: string; cycleId: string };

/** What one recomputation of a few initiatives loads, in one statement (ValueEngine). */
export interface RecomputeLoad {
  inputs: ValueInputs;
  /** Their stored rows as they are (dates as PostgreSQL's JSON text): only what differs is written. */
  stored: StoredValueRows;
  /**
   * Their alert records that are not resolved (every cycle), in raising order: reconcileAlerts
   * looks only at live and dismissed ones, and a busy initiative gathers resolved ones.
   */
  alerts: LoadedAlert[];
}

/**
 * {@link loadInputs}, with the initiatives' stored rows and alert records from the same snapshot:
 * the engine's recomputation after a write reads everything it needs in one round trip. It also
 * takes the initiatives off `value_refresh_pending`: the rows it computes stand for every reading
 * its snapshot holds, and so for every pending row it sees (a reading committed later leaves its
 * own, for the run its request schedules).
 */
export async function loadForRecompute(
  sql: Sql,
  initiativeIds: readonly string[],
  now: Date,
): Promise<RecomputeLoad> {
  const [row] = (await sql(
    `${INPUTS_SCOPE},
     ${SEEN}
     SELECT json_build_object(${INPUT_FIELDS}) AS inputs,
            json_build_object(${STORED_FIELDS}) AS stored`,
    [initiativeIds, now.toISOString()],
  )) as Array<{ inputs: InputsJson; stored: StoredValueRows & { alerts: LoadedAlert[] } }>;
  const { alerts, ...stored } = row?.stored ?? {
    standings: [],
    measuresNow: [],
    indices: [],
    now: [],
    alerts: [],
  };
  return { inputs: inputsOf(row?.inputs), stored, alerts };
}

/** The DELETE of each table of {@link writeRows}: $1 the initiatives, $6-$9 keys. */
interface RowDeletes {
  standings: string;
  measuresNow: string;
  indices: string;
  now: string;
}

/** Deletes the initiatives' rows that are not among the new ones (a measure or cycle gone). */
const REPLACE_DELETES: RowDeletes = {
  standings: `DELETE FROM value_standings v WHERE v.initiative_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM s_in WHERE s_in."measureId" = v.measure_id
                                                 AND s_in."cycleId" = v.cycle_id)`,
  measuresNow: `DELETE FROM value_measure_now v WHERE v.initiative_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM m_in WHERE m_in."measureId" = v.measure_id)`,
  indices: `DELETE FROM value_indices v WHERE v.initiative_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM i_in WHERE i_in."initiativeId" = v.initiative_id
                                                 AND i_in."cycleId" = v.cycle_id)`,
  now: `DELETE FROM value_now v WHERE v.initiative_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM n_in WHERE n_in."initiativeId" = v.initiative_id)`,
};

/** Deletes the rows named by key ($6-$9: JSON arrays of keys), nothing else. */
const KEYED_DELETES: RowDeletes = {
  standings: `DELETE FROM value_standings v
           USING json_to_recordset($6::json) AS g("measureId" uuid, "cycleId" uuid)
          WHERE v.initiative_id = ANY($1::uuid[])
            AND v.measure_id = g."measureId" AND v.cycle_id = g."cycleId"`,
  measuresNow: `DELETE FROM value_measure_now v
          WHERE v.initiative_id = ANY($1::uuid[])
            AND v.measure_id IN (SELECT value::uuid FROM json_array_elements_text($7::json))`,
  indices: `DELETE FROM value_indices v
           USING json_to_recordset($8::json) AS g("initiativeId" uuid, "cycleId" uuid)
          WHERE v.initiative_id = ANY($1::uuid[])
            AND v.initiative_id = g."initiativeId" AND v.cycle_id = g."cycleId"`,
  now: `DELETE FROM value_now v
          WHERE v.initiative_id = ANY($1::uuid[])
            AND v.initiative_id IN (SELECT value::uuid FROM json_array_elements_text($9::json))`,
};

/**
 * Upserts `rows` into the stored tables and deletes as `deletes` says, in one statement. A row
 * that reads the same is left as it is (the `IS DISTINCT FROM` guards). `notify`: the statement
 * also NOTIFYs `$11` on the channel `$10` (delivered when its transaction commits); the final
 * SELECT reads them so that they run (PostgreSQL runs a SELECT in WITH only as far as it is read).
 */
function writeRows(deletes: RowDeletes, notify: boolean): string {
  return `WITH s_in AS (
         SELECT * FROM json_to_recordset($2::json) AS x(
           "measureId" uuid, "cycleId" uuid, "initiativeId" uuid, "openingReadingId" uuid,
           "openingObservedAt" timestamptz, "openingValue" float8, "closingReadingId" uuid,
           "closingObservedAt" timestamptz, "closingValue" float8, "progressOpening" float8,
           "progressClosing" float8, improvement float8)
       ), s_up AS (
         INSERT INTO value_standings AS v (measure_id, cycle_id, initiative_id, opening_reading_id,
           opening_observed_at, opening_value, closing_reading_id, closing_observed_at,
           closing_value, progress_opening, progress_closing, improvement)
         SELECT "measureId", "cycleId", "initiativeId", "openingReadingId", "openingObservedAt",
                "openingValue", "closingReadingId", "closingObservedAt", "closingValue",
                "progressOpening", "progressClosing", improvement FROM s_in
         ON CONFLICT (measure_id, cycle_id) DO UPDATE SET
           initiative_id = EXCLUDED.initiative_id,
           opening_reading_id = EXCLUDED.opening_reading_id,
           opening_observed_at = EXCLUDED.opening_observed_at,
           opening_value = EXCLUDED.opening_value,
           closing_reading_id = EXCLUDED.closing_reading_id,
           closing_observed_at = EXCLUDED.closing_observed_at,
           closing_value = EXCLUDED.closing_value,
           progress_opening = EXCLUDED.progress_opening,
           progress_closing = EXCLUDED.progress_closing,
           improvement = EXCLUDED.improvement
         WHERE (v.initiative_id, v.opening_reading_id, v.opening_observed_at, v.opening_value,
                v.closing_reading_id, v.closing_observed_at, v.closing_value, v.progress_opening,
                v.progress_closing, v.improvement)
               IS DISTINCT FROM
               (EXCLUDED.initiative_id, EXCLUDED.opening_reading_id, EXCLUDED.opening_observed_at,
                EXCLUDED.opening_value, EXCLUDED.closing_reading_id, EXCLUDED.closing_observed_at,
                EXCLUDED.closing_value, EXCLUDED.progress_opening, EXCLUDED.progress_closing,
                EXCLUDED.improvement)
       ), s_del AS (
         ${deletes.standings}
       ), m_in AS (
         SELECT * FROM json_to_recordset($3::json) AS x(
           "measureId" uuid, "initiativeId" uuid, "readingId" uuid, value float8,
           "observedAt" timestamptz, progress float8)
       ), m_up AS (
         INSERT INTO value_measure_now AS v (measure_id, initiative_id, reading_id, value, observed_at,
           progress)
         SELECT "measureId", "initiativeId", "readingId", value, "observedAt", progress FROM m_in
         ON CONFLICT (measure_id) DO UPDATE SET initiative_id = EXCLUDED.initiative_id,
           reading_id = EXCLUDED.reading_id, value = EXCLUDED.value,
           observed_at = EXCLUDED.observed_at, progress = EXCLUDED.progress
         WHERE (v.initiative_id, v.reading_id, v.value, v.observed_at, v.progress)
               IS DISTINCT FROM
               (EXCLUDED.initiative_id, EXCLUDED.reading_id, EXCLUDED.value, EXCLUDED.observed_at,
                EXCLUDED.progress)
       ), m_del AS (
         ${deletes.measuresNow}
       ), i_in AS (
         SELECT * FROM json_to_recordset($4::json) AS x(
           "initiativeId" uuid, "cycleId" uuid, "customerOpening" float8, "customerClosing" float8,
           "customerChange" float8, "businessOpening" float8, "businessClosing" float8,
           "businessChange" float8, "counterAlerts" int, "counterCritical" int,
           "protectedAlerts" int)
       ), i_up AS (
         INSERT INTO value_indices AS v (initiative_id, cycle_id, customer_opening, customer_closing,
           customer_change, business_opening, business_closing, business_change, counter_alerts,
           counter_critical, protected_alerts)
         SELECT "initiativeId", "cycleId", "customerOpening", "customerClosing", "customerChange",
                "businessOpening", "businessClosing", "businessChange", "counterAlerts",
                "counterCritical", "protectedAlerts" FROM i_in
         ON CONFLICT (initiative_id, cycle_id) DO UPDATE SET
           customer_opening = EXCLUDED.customer_opening,
           customer_closing = EXCLUDED.customer_closing,
           customer_change = EXCLUDED.customer_change,
           business_opening = EXCLUDED.business_opening,
           business_closing = EXCLUDED.business_closing,
           business_change = EXCLUDED.business_change,
           counter_alerts = EXCLUDED.counter_alerts,
           counter_critical = EXCLUDED.counter_critical,
           protected_alerts = EXCLUDED.protected_alerts
         WHERE (v.customer_opening, v.customer_closing, v.customer_change, v.business_opening,
                v.business_closing, v.business_change, v.counter_alerts, v.counter_critical,
                v.protected_alerts)
               IS DISTINCT FROM
               (EXCLUDED.customer_opening, EXCLUDED.customer_closing, EXCLUDED.customer_change,
                EXCLUDED.business_opening, EXCLUDED.business_closing, EXCLUDED.business_change,
                EXCLUDED.counter_alerts, EXCLUDED.counter_critical, EXCLUDED.protected_alerts)
       ), i_del AS (
         ${deletes.indices}
       ), n_in AS (
         SELECT * FROM json_to_recordset($5::json) AS x(
           "initiativeId" uuid, customer float8, business float8)
       ), n_up AS (
         INSERT INTO value_now AS v (initiative_id, customer, business)
         SELECT "initiativeId", customer, business FROM n_in
         ON CONFLICT (initiative_id) DO UPDATE SET customer = EXCLUDED.customer,
           business = EXCLUDED.business
         WHERE (v.customer, v.business) IS DISTINCT FROM (EXCLUDED.customer, EXCLUDED.business)
       ), n_del AS (
         ${deletes.now}
       )${
         notify
           ? `, notified AS (SELECT pg_notify($10, payload) FROM unnest($11::text[]) AS payload)
       SELECT count(*) AS notified FROM notified`
           : `
       SELECT 0 AS notified`
       }`;
}

const REPLACE_ROWS = writeRows(REPLACE_DELETES, false);
const WRITE_CHANGES = writeRows(KEYED_DELETES, true);

/**
 * Replaces the stored rows of these initiatives with `rows`, in one statement: upserts the new
 * rows and deletes the initiatives' rows that are not among them (a measure or cycle gone). For
 * the rebuilds (a batch of initiatives whose stored rows are not loaded first).
 */
export async function replaceRows(
  sql: Sql,
  initiativeIds: readonly string[],
  rows: ValueRows,
): Promise<void> {
  await sql(REPLACE_ROWS, [
    initiativeIds,
    JSON.stringify(rows.standings),
    JSON.stringify(rows.measuresNow),
    JSON.stringify(rows.indices),
    JSON.stringify(rows.now),
  ]);
}

/**
 * Writes what differs between the rows computed for these initiatives and their stored rows
 * (valueRowsChange), in one statement, or nothing when nothing does: a reading changes a few of
 * an initiative's ~80 rows, and probing every one of them cost a write most of its time in
 * PostgreSQL. Answers whether it wrote. `notify`: live events the same statement sends, at its
 * transaction's commit (LiveBus.takeForStatement).
 */
export async function writeChanges(
  sql: Sql,
  initiativeIds: readonly string[],
  change: ValueRowsChange,
  notify: StatementNotify | null = null,
): Promise<boolean> {
  if (isNoChange(change)) return false;
  const { upsert, gone } = change;
  await sql(WRITE_CHANGES, [
    initiativeIds,
    JSON.stringify(upsert.standings),
    JSON.stringify(upsert.measuresNow),
    JSON.stringify(upsert.indices),
    JSON.stringify(upsert.now),
    JSON.stringify(gone.standings),
    JSON.stringify(gone.measuresNow),
    JSON.stringify(gone.indices),
    JSON.stringify(gone.now),
    notify?.channel ?? null,
    notify?.payloads ?? [],
  ]);
  return true;
}

/** Initiatives that have measures, in id order, after `after` (keyset paging of the rebuild). */
export async function initiativesWithMeasures(
  sql: Sql,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = (await sql(
    `SELECT DISTINCT initiative_id AS id FROM measures
        WHERE $1::uuid IS NULL OR initiative_id > $1::uuid
        ORDER BY initiative_id LIMIT $2`,
    [after, limit],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/** Initiatives that have stored rows but no measure any more (their rows are to go). */
export async function initiativesWithoutMeasures(sql: Sql): Promise<string[]> {
  const rows = (await sql(
    `SELECT initiative_id AS id FROM value_now v
        WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.initiative_id = v.initiative_id)`,
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * Empties `value_refresh_pending` before every initiative's rows are rebuilt (a cycle written, a
 * script that wrote readings behind the API's back): the rebuild's loads come later, so they see
 * every reading those rows stood for.
 */
export async function clearPendingRefreshes(sql: Sql): Promise<void> {
  await sql(`DELETE FROM value_refresh_pending`);
}

/** The initiatives' advisory locks, in id order. */
const LOCK = `SELECT pg_advisory_xact_lock(${VALUE_LOCK_SPACE}, hashtext(id::text))
    FROM (SELECT DISTINCT unnest($1::uuid[]) AS id ORDER BY 1) AS ids`;

/**
 * {@link LOCK} for a recomputation after readings (one initiative), and for the rest of its
 * transaction: the commit does not wait for the WAL's flush, and the prepared statements use
 * their generic plans. PostgreSQL's own choice ("auto") kept planning the load again at every
 * call (custom_plans 12, generic_plans 0 in pg_prepared_statements): 3.3 ms a call against 1.7
 * with the generic plan, the same index scans for one initiative.
 */
const LOCK_DERIVED = `WITH settings AS (SELECT set_config('synchronous_commit', 'off', true),
                           set_config('plan_cache_mode', 'force_generic_plan', true))
  ${LOCK}, settings`;

/** The stored value rows (see value-rows.ts): what the engine writes and every reader reads. */
@Injectable()
export class ValueStore {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * Runs SQL in the current transaction (or on its own connection outside one), as a named
   * prepared statement: a recomputation's statements are the same text every time, and planning
   * its load took longer than running it.
   */
  readonly sql: Sql = (text, params = []) => this.statements.query(text, params);

  private async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.sql(text, params)) as T[];
  }

  /**
   * Holds, until the transaction ends, the right to recompute these initiatives' rows: a second
   * writer of the same initiative waits here, and its recomputation (a later statement, so a
   * later snapshot under READ COMMITTED) then sees the first one's committed readings. Without
   * it, two readings recorded at once each recompute without the other and the last upsert
   * wins (value:check found it after the bench's concurrent writes). Taken in id order.
   *
   * The load after it ({@link loadForRecompute}) takes the initiatives off
   * `value_refresh_pending`, in its own snapshot: a reading that commits while this statement
   * waits is in that snapshot, so its request can share this recomputation (ValueEngine).
   *
   * `derived`: the transaction writes only what can be derived again (the rows, the alerts, the
   * pending marks), so its commit need not wait for the WAL to reach the disk
   * (`synchronous_commit` off for this transaction alone). A crash can lose such a commit, and
   * only whole: then the initiative's `value_refresh_pending` row is back too, and the sweep at
   * the next start recomputes it. A transaction that also writes inputs (a measure) keeps the
   * server's setting: `with-inputs`.
   */
  async lockInitiatives(ids: readonly string[], only: 'derived' | 'with-inputs'): Promise<void> {
    await this.sql(only === 'derived' ? LOCK_DERIVED : LOCK, [[...ids].sort()]);
  }

  /**
   * Initiatives whose readings changed after their rows were last computed and that no
   * recomputation has taken up since (the process stopped in between): a page of them.
   */
  async pendingInitiatives(limit: number): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT DISTINCT initiative_id AS id FROM value_refresh_pending ORDER BY 1 LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  // Reads -----------------------------------------------------------------------------------

  async now(scope: InitiativeScope): Promise<NowRow[]> {
    return this.query<NowRow>(
      `SELECT initiative_id AS "initiativeId", customer, business FROM value_now
        WHERE $1::uuid[] IS NULL OR initiative_id = ANY($1::uuid[])`,
      [scope],
    );
  }

  async measuresNow(scope: InitiativeScope): Promise<MeasureNowRow[]> {
    return this.query<MeasureNowRow>(
      `SELECT measure_id AS "measureId", initiative_id AS "initiativeId", reading_id AS "readingId",
              value, observed_at AS "observedAt", progress
         FROM value_measure_now
        WHERE $1::uuid[] IS NULL OR initiative_id = ANY($1::uuid[])`,
      [scope],
    );
  }

  /** Index rows of the cycles (null: every cycle) and initiatives in scope. */
  async indices(scope: InitiativeScope, cycleIds: readonly string[] | null): Promise<IndexRow[]> {
    return this.query<IndexRow>(
      `SELECT initiative_id AS "initiativeId", cycle_id AS "cycleId",
              customer_opening AS "customerOpening", customer_closing AS "customerClosing",
              customer_change AS "customerChange", business_opening AS "businessOpening",
              business_closing AS "businessClosing", business_change AS "businessChange",
              counter_alerts AS "counterAlerts", counter_critical AS "counterCritical",
              protected_alerts AS "protectedAlerts"
         FROM value_indices
        WHERE ($1::uuid[] IS NULL OR initiative_id = ANY($1::uuid[]))
          AND ($2::uuid[] IS NULL OR cycle_id = ANY($2::uuid[]))`,
      [scope, cycleIds],
    );
  }

  /** Standing rows of the cycles (null: every cycle) and initiatives in scope. */
  async standings(
    scope: InitiativeScope,
    cycleIds: readonly string[] | null,
  ): Promise<StandingRow[]> {
    return this.query<StandingRow>(
      `SELECT measure_id AS "measureId", cycle_id AS "cycleId", initiative_id AS "initiativeId",
              opening_reading_id AS "openingReadingId", opening_observed_at AS "openingObservedAt",
              opening_value AS "openingValue", closing_reading_id AS "closingReadingId",
              closing_observed_at AS "closingObservedAt", closing_value AS "closingValue",
              progress_opening AS "progressOpening", progress_closing AS "progressClosing",
              improvement
         FROM value_standings
        WHERE ($1::uuid[] IS NULL OR initiative_id = ANY($1::uuid[]))
          AND ($2::uuid[] IS NULL OR cycle_id = ANY($2::uuid[]))`,
      [scope, cycleIds],
    );
  }
}
