import type {
  Cadence,
  Direction,
  InitiativeStatus,
  KpiClass,
  Perspective,
  ReviewDecision,
} from './domain-enums';

// Measures (KPIs), their append-only readings, improvement cycles and cycle reviews.

/** Field limits, shared by the API's validation and the web forms. */
export const MEASURE_NAME_MAX_LENGTH = 200;
export const MEASURE_UNIT_MAX_LENGTH = 40;
/** Baselines, targets and reading values lie within ±this. */
export const MEASURE_NUMBER_LIMIT = 1_000_000_000_000;
export const MEASURE_WEIGHT_MAX = 1000;
export const READING_NOTE_MAX_LENGTH = 2000;
export const READING_EVIDENCE_URL_MAX_LENGTH = 2000;
export const READING_WITHDRAWAL_REASON_MAX_LENGTH = 500;
export const CYCLE_NAME_MAX_LENGTH = 40;
/** The longest cycle, in days. */
export const CYCLE_MAX_DAYS = 366;
export const CYCLE_REVIEW_TEXT_MAX_LENGTH = 4000;

/** Sort keys of the measure list; a leading `-` sorts descending. */
export const MEASURE_SORT_VALUES = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'perspective',
  '-perspective',
] as const;
export type MeasureSort = (typeof MEASURE_SORT_VALUES)[number];

/** Sort keys of the reading list; a leading `-` sorts descending (default `-observedAt`). */
export const READING_SORT_VALUES = [
  '-observedAt',
  'observedAt',
  '-recordedAt',
  'recordedAt',
] as const;
export type ReadingSort = (typeof READING_SORT_VALUES)[number];

/** Sort keys of the cycle list (default `startsOn`). */
export const CYCLE_SORT_VALUES = ['startsOn', '-startsOn'] as const;
export type CycleSort = (typeof CYCLE_SORT_VALUES)[number];

/** Length of the cycle `POST /api/cycles/next` creates (default `quarter`, named e.g. 2026-Q4). */
export const CYCLE_PERIOD_VALUES = ['quarter', 'half', 'month'] as const;
export type CyclePeriod = (typeof CYCLE_PERIOD_VALUES)[number];

export interface MeasureUserRef {
  id: string;
  displayName: string;
}

export interface MeasureCustomerGroupRef {
  id: string;
  name: string;
  /** A group whose experience must not be traded away. */
  protected: boolean;
}

export interface MeasureRef {
  id: string;
  name: string;
  perspective: Perspective;
}

/** A reading as shown beside its measure. */
export interface ReadingSummary {
  id: string;
  value: number;
  observedAt: string;
}

export interface MeasureResponse {
  id: string;
  initiativeId: string;
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null until the first reading: the measure takes its baseline from it (and freezes it). */
  baseline: number | null;
  target: number;
  /** YYYY-MM-DD. */
  targetDate: string | null;
  cadence: Cadence;
  kpiClass: KpiClass;
  weight: number;
  customerGroup: MeasureCustomerGroupRef | null;
  /** For a customer measure: the business measure that must not get worse. */
  counterMeasure: MeasureRef | null;
  /** Who is expected to record readings. */
  recorder: MeasureUserRef | null;
  /**
   * Set when the first gate is approved, or when the first reading gives a measure planned
   * without a baseline its baseline; the baseline cannot change after that.
   */
  baselineFrozenAt: string | null;
  /** The latest effective (not superseded) reading observed up to now. */
  latestReading: ReadingSummary | null;
  /** Progress of the latest reading: 0 at baseline, 1 at target (may leave 0..1). */
  progress: number | null;
  /** No reading for longer than the cadence and its grace period. */
  stale: boolean;
  /** When it became (or becomes) stale. */
  staleSince: string | null;
  /** When the next reading is expected. */
  readingDueAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Order of `GET /api/measures`: `initiative` (default) by initiative title then measure name;
 * `due` stale ones first, then by when the next reading is due.
 */
export const MEASURE_SEARCH_SORT_VALUES = ['initiative', 'due'] as const;
export type MeasureSearchSort = (typeof MEASURE_SEARCH_SORT_VALUES)[number];

/**
 * `GET /api/measures`: measures across the initiatives the caller may read; the filters combine.
 * `recorderId` is a user id or `me`: the measures that user is expected to record (their
 * recorder, or, with no recorder named, the initiative's owner).
 */
export interface MeasureSearchQuery {
  recorderId?: string;
  customerGroupId?: string;
  kpiClass?: KpiClass;
  perspective?: Perspective;
  /** true: only stale measures; false: only measures that are not stale. */
  stale?: boolean;
  /** true: only measures worsening over the current cycle; false: only the others. */
  worsening?: boolean;
  sort?: MeasureSearchSort;
  limit?: number;
  offset?: number;
}

/**
 * A measure's change over a cycle as the value engine stores it (its cycle standing, libs/domain):
 * from where it opened to where it closed (by now for the running cycle).
 */
export interface MeasureStandingChange {
  cycle: CycleRef;
  /** The values it opened and closed at (null: no standing, e.g. never read). */
  opening: number | null;
  closing: number | null;
  /** The change in the measure's direction: above 0 better, below 0 worse. */
  improvement: number | null;
  /** Progress at the closing minus at the opening (0 baseline, 1 target). */
  progressChange: number | null;
  /** libs/domain `isWorsening`: its standing fell over the cycle. */
  worsening: boolean;
}

/** A measure as `GET /api/measures` lists it: with its initiative and its counter-measure's progress. */
export interface MeasureListItem extends MeasureResponse {
  initiative: { id: string; title: string; status: InitiativeStatus };
  /** Progress of the counter-measure's latest reading, when there is a counter-measure and it was read. */
  counterMeasureProgress: number | null;
  /** Its change over the current cycle (the latest that has started); null when none has. */
  cycleChange: MeasureStandingChange | null;
}

export interface CreateMeasureRequest {
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null: the baseline is taken (and frozen) from the first reading. */
  baseline: number | null;
  target: number;
  /** YYYY-MM-DD. */
  targetDate?: string;
  cadence: Cadence;
  kpiClass: KpiClass;
  customerGroupId?: string;
  /** Only for a customer measure: a business measure of the same initiative. */
  counterMeasureId?: string;
  /** The owner or a team member of the initiative. */
  recorderId?: string;
  /** Relative weight in the value index; 1 when left out. */
  weight?: number;
}

/** Any subset; `null` clears an optional link or date. */
export interface UpdateMeasureRequest {
  name?: string;
  unit?: string;
  perspective?: Perspective;
  direction?: Direction;
  baseline?: number;
  target?: number;
  targetDate?: string | null;
  cadence?: Cadence;
  kpiClass?: KpiClass;
  customerGroupId?: string | null;
  counterMeasureId?: string | null;
  recorderId?: string | null;
  weight?: number;
}

export interface ReadingResponse {
  id: string;
  measureId: string;
  value: number;
  observedAt: string;
  recordedBy: MeasureUserRef;
  recordedAt: string;
  note: string;
  evidenceUrl: string | null;
  /** The reading this one corrects. */
  supersedesId: string | null;
  /** The reading that corrects this one, if any. */
  supersededById: string | null;
  superseded: boolean;
  /** Set when the reading was withdrawn: it stays in the history but no longer counts. */
  withdrawal: ReadingWithdrawal | null;
}

/** Why, by whom and when a reading was withdrawn (final: a withdrawal is never undone). */
export interface ReadingWithdrawal {
  reason: string;
  withdrawnBy: MeasureUserRef;
  withdrawnAt: string;
}

/** POST /api/measures/:id/readings/:readingId/withdrawal */
export interface WithdrawReadingRequest {
  /** Why the reading no longer counts (required, shown in the history). */
  reason: string;
}

/** Readings are append-only: a correction is a new reading with `supersedesId`. */
export interface CreateReadingRequest {
  value: number;
  /** ISO 8601 date-time, not in the future. */
  observedAt: string;
  note?: string;
  /** http or https only. */
  evidenceUrl?: string;
  supersedesId?: string;
}

/** An improvement cycle: from `startsOn` to `endsOn`, both days included (UTC). */
export interface CycleResponse {
  id: string;
  name: string;
  /** YYYY-MM-DD, the first day. */
  startsOn: string;
  /** YYYY-MM-DD, the last day (included). */
  endsOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CycleRef {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface CreateCycleRequest {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** PATCH /api/cycles/:id (If-Match): the name, and the dates while nothing depends on them. */
export interface UpdateCycleRequest {
  name?: string;
  startsOn?: string;
  endsOn?: string;
}

export interface NextCycleRequest {
  period?: CyclePeriod;
}

/** Where a measure stood at one end of a cycle: a reading, or its baseline (no reading). */
export interface MeasuredPoint {
  /** Null when the cycle opened at the measure's baseline (no reading before it). */
  readingId: string | null;
  value: number;
  observedAt: string | null;
}

/**
 * How one measure moved over a cycle: from its cycle standing's opening (`first`: the last reading
 * before the cycle, else the baseline) to its closing (`last`: the last reading by the cycle's end).
 */
export interface MeasureCycleChange {
  measureId: string;
  name: string;
  unit: string;
  perspective: Perspective;
  first: MeasuredPoint;
  last: MeasuredPoint;
  /** Direction-aware, in the measure's unit: positive is better. */
  improvement: number;
  progressFirst: number;
  progressLast: number;
}

/** A value index at the start and at the end of a cycle. */
export interface IndexCycleChange {
  start: number | null;
  end: number | null;
  change: number | null;
}

/** The measured change of a cycle, computed from the readings (nobody types it in). */
export interface MeasuredChange {
  customer: IndexCycleChange;
  business: IndexCycleChange;
  measures: MeasureCycleChange[];
}

/** A cycle review: plan-do-check-act for one initiative in one cycle. */
export interface CycleReviewResponse {
  id: string;
  initiativeId: string;
  cycle: CycleRef;
  intent: string;
  predictedChange: string;
  decision: ReviewDecision | null;
  learnings: string;
  nextIntent: string;
  author: MeasureUserRef;
  measured: MeasuredChange;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The whole review (PUT replaces it; absent texts are empty). The decision may stay empty while
 * the cycle runs; once the cycle has ended it is required, and it cannot be made before the
 * cycle starts.
 */
export interface PutCycleReviewRequest {
  intent?: string;
  predictedChange?: string;
  decision?: ReviewDecision | null;
  learnings?: string;
  nextIntent?: string;
}
