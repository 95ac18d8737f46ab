import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  CADENCE_VALUES,
  type InitiativeStatus,
  type KpiClass,
  type MeasureSearchSort,
  type Perspective,
} from '@waypoint/contracts';
import { CADENCE_WINDOWS, today } from '@waypoint/domain';
import { In } from 'typeorm';
import type { PageRequest } from '../common';
import { type ReadScope, readableSql } from '../initiatives';
import { MeasureEntity } from './measure.entity';

/** What `GET /api/measures` filters on; every filter is optional and they combine. */
export interface MeasureSearch {
  /** The initiatives the caller reads (null: all). */
  readableBy: ReadScope | null;
  /**
   * The measures this user is expected to record: those naming them as recorder, and those
   * naming no recorder in an initiative they own (the owner answers for a measure nobody was
   * named to record).
   */
  recorderId?: string;
  customerGroupId?: string;
  kpiClass?: KpiClass;
  perspective?: Perspective;
  stale?: boolean;
  /** Only measures whose standing fell over the current cycle (true), or only the others. */
  worsening?: boolean;
  sort: MeasureSearchSort;
  /** The moment staleness is judged at. */
  now: Date;
}

/** A row of the page: which measure, and the initiative it belongs to. */
export interface MeasureSearchRow {
  id: string;
  counterMeasureId: string | null;
  initiativeTitle: string;
  initiativeStatus: InitiativeStatus;
}

/** `CASE m.cadence WHEN … THEN <hours> END` of a number of days per cadence (libs/domain). */
function hoursByCadence(
  days: (window: (typeof CADENCE_WINDOWS)[keyof typeof CADENCE_WINDOWS]) => number,
): string {
  const cases = CADENCE_VALUES.map(
    (cadence) => `WHEN '${cadence}' THEN ${days(CADENCE_WINDOWS[cadence]) * 24}`,
  );
  return `make_interval(hours => CASE m.cadence ${cases.join(' ')} END)`;
}

/**
 * When the measure was last read: its latest effective (neither superseded nor withdrawn) reading
 * observed by `now`, as libs/domain `latestReadings` picks it; else when it was created
 * (staleness.ts counts from there). The readings index (measure_id, observed_at DESC) answers it
 * per measure.
 */
const LAST_READ = (now: string): string => `coalesce(
  (SELECT max(r.observed_at) FROM readings r
    WHERE r.measure_id = m.id AND r.observed_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)),
  m.created_at)`;

/**
 * libs/domain staleness.ts in SQL, for filtering and ordering before the page is cut: stale when
 * `now` is strictly later than the last reading (or creation) plus the cadence's interval and
 * grace; the next reading is due one interval after it. The day counts come from CADENCE_WINDOWS;
 * each item's own `stale` is then computed by `isStale` itself (the tests check that they agree).
 */
const STALE = (now: string): string =>
  `(${now} > ${LAST_READ(now)} + ${hoursByCadence((w) => w.intervalDays + w.graceDays)})`;
const DUE = (now: string): string =>
  `(${LAST_READ(now)} + ${hoursByCadence((w) => w.intervalDays)})`;

/**
 * Whether the measure's standing fell over the current cycle (the latest started by `today`): its
 * stored improvement is below 0, as the value engine stored it with libs/domain `standingChange`,
 * which is what `isWorsening` decides on (each item's own flag is then computed by `isWorsening`
 * itself from the stored standing; the tests check that they agree).
 */
const WORSENING = (today: string): string => `EXISTS (
  SELECT 1 FROM value_standings vs
   WHERE vs.measure_id = m.id AND vs.improvement < 0
     AND vs.cycle_id = (SELECT c.id FROM cycles c WHERE c.starts_on <= ${today}
                         ORDER BY c.starts_on DESC, c.id LIMIT 1))`;

/** A measure's stored standing over a cycle (value_standings). */
export interface StoredStandingRow {
  measureId: string;
  cycleId: string;
  cycleName: string;
  startsOn: string;
  endsOn: string;
  openingValue: number | null;
  closingValue: number | null;
  improvement: number | null;
  progressOpening: number | null;
  progressClosing: number | null;
}

/** Measures across initiatives: the page's ids and the total, then the measures, set-based. */
@Injectable()
export class MeasureSearchRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async search(
    filter: MeasureSearch,
    page: PageRequest,
  ): Promise<{ rows: MeasureSearchRow[]; total: number }> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.readableBy) {
      where.push(readableSql(filter.readableBy, 'i', bind(filter.readableBy.userId)));
    }
    if (filter.recorderId !== undefined) {
      const recorder = bind(filter.recorderId);
      where.push(
        `(m.recorder_id = ${recorder} OR (m.recorder_id IS NULL AND i.owner_id = ${recorder}))`,
      );
    }
    if (filter.customerGroupId !== undefined) {
      where.push(`m.customer_group_id = ${bind(filter.customerGroupId)}`);
    }
    if (filter.kpiClass !== undefined) where.push(`m.kpi_class = ${bind(filter.kpiClass)}`);
    if (filter.perspective !== undefined) {
      where.push(`m.perspective = ${bind(filter.perspective)}`);
    }
    let now = filter.stale === undefined ? null : `${bind(filter.now)}::timestamptz`;
    if (now !== null) where.push(filter.stale ? STALE(now) : `NOT ${STALE(now)}`);
    if (filter.worsening !== undefined) {
      const worsening = WORSENING(`${bind(today(filter.now))}::date`);
      where.push(filter.worsening ? worsening : `NOT ${worsening}`);
    }
    const from = `FROM measures m JOIN initiatives i ON i.id = m.initiative_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
    const countParams = [...params];
    let order = `lower(i.title), i.id, lower(m.name), m.id`;
    if (filter.sort === 'due') {
      now ??= `${bind(filter.now)}::timestamptz`;
      order = `${STALE(now)} DESC, ${DUE(now)} ASC, lower(m.name), m.id`;
    }
    const [rows, counted] = await Promise.all([
      this.txHost.tx.query(
        `SELECT m.id, m.counter_measure_id AS "counterMeasureId",
                i.title AS "initiativeTitle", i.status AS "initiativeStatus"
           ${from}
          ORDER BY ${order}
          LIMIT ${bind(page.limit)} OFFSET ${bind(page.offset)}`,
        params,
      ) as Promise<MeasureSearchRow[]>,
      this.txHost.tx.query(`SELECT count(*)::int AS n ${from}`, countParams) as Promise<
        Array<{ n: number }>
      >,
    ]);
    return { rows, total: counted[0]?.n ?? 0 };
  }

  /**
   * The current cycle (the latest started by `now`) with the stored standing of each of these
   * measures in it (null values where it has none); no row when no cycle has started.
   */
  async currentStandings(ids: readonly string[], now: Date): Promise<StoredStandingRow[]> {
    if (ids.length === 0) return [];
    return this.txHost.tx.query(
      `WITH cycle AS (
         SELECT id, name, starts_on, ends_on FROM cycles WHERE starts_on <= $2::date
          ORDER BY starts_on DESC, id LIMIT 1)
       SELECT m.id AS "measureId", c.id AS "cycleId", c.name AS "cycleName",
              c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
              vs.opening_value AS "openingValue", vs.closing_value AS "closingValue",
              vs.improvement, vs.progress_opening AS "progressOpening",
              vs.progress_closing AS "progressClosing"
         FROM unnest($1::uuid[]) AS m(id) CROSS JOIN cycle c
         LEFT JOIN value_standings vs ON vs.measure_id = m.id AND vs.cycle_id = c.id`,
      [ids, today(now)],
    ) as Promise<StoredStandingRow[]>;
  }

  /** The measures of these ids, one statement. */
  async byIds(ids: readonly string[]): Promise<MeasureEntity[]> {
    if (ids.length === 0) return [];
    return this.txHost.tx.getRepository(MeasureEntity).findBy({ id: In([...ids]) });
  }
}
