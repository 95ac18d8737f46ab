import type { TensionAlert } from './domain-alerts';
import type {
  Approach,
  Direction,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  Perspective,
  ReviewDecision,
} from './domain-enums';
import type { CycleRef, CycleReviewResponse, MeasureUserRef, ReadingSummary } from './measures';

// Value indices and tension (per initiative), the portfolio, and the one-page briefs.

/** `?threshold=` of the tension alerts: how far the worsening index must fall (0..1). */
export const TENSION_THRESHOLD_MIN = 0;
export const TENSION_THRESHOLD_MAX = 1;

/** Customer and business value: progress indices (0 baseline, 1 target) or estimates (0..10). */
export interface ValuePair {
  customer: number | null;
  business: number | null;
}

/** The value indices over one cycle (the last reading of each measure in the cycle). */
export interface CycleValue extends ValuePair {
  cycle: CycleRef;
}

/** A reading that raised a tension alert. */
export interface AlertReading {
  id: string;
  measureId: string;
  measureName: string;
  value: number;
  observedAt: string;
}

/** A tension alert with the readings that raised it. */
export interface TensionAlertDetail extends TensionAlert {
  readings: AlertReading[];
}

export interface CycleAlerts {
  /** The cycle looked at; null when no cycle has started yet. */
  cycle: CycleRef | null;
  threshold: number;
  items: TensionAlertDetail[];
}

/** Where one measure stands now. */
export interface MeasureStandingResponse {
  measureId: string;
  name: string;
  perspective: Perspective;
  readingId: string | null;
  value: number | null;
  progress: number | null;
}

/** GET /api/initiatives/:id/value */
export interface InitiativeValueResponse {
  initiativeId: string;
  /** The estimated scores (0..10) beside the measured indices. */
  estimated: ValuePair;
  now: ValuePair;
  measures: MeasureStandingResponse[];
  /** Every cycle that has started, oldest first. */
  cycles: CycleValue[];
  alerts: CycleAlerts;
}

/** Where an initiative is on its gate track. */
export const PORTFOLIO_STAGE_KIND_VALUES = ['no_milestones', 'gate', 'all_approved'] as const;
export type PortfolioStageKind = (typeof PORTFOLIO_STAGE_KIND_VALUES)[number];

export interface PortfolioStage {
  kind: PortfolioStageKind;
  /** Position (1-based) of the current gate: the first milestone not yet approved. */
  position: number | null;
  milestoneTitle: string | null;
  milestoneState: MilestoneState | null;
}

export interface PortfolioStageCount {
  kind: PortfolioStageKind;
  position: number | null;
  /** e.g. "Gate 2", "No milestones", "All gates approved". */
  label: string;
  count: number;
  byStatus: Record<InitiativeStatus, number>;
}

export interface PortfolioInitiativeItem {
  id: string;
  title: string;
  status: InitiativeStatus;
  stage: PortfolioStage;
  /** Team members (the owner not counted). */
  teamSize: number;
  /** Distinct departments of the owner and the team: how cross-functional it is. */
  departments: number;
}

export interface GatesWaiting {
  count: number;
  /** Hours since the oldest waiting gate was submitted. */
  oldestHours: number | null;
  averageHours: number | null;
}

/** KPI review (seed 004): which measures are customer-centric, neutral or customer-toxic. */
export interface KpiReviewSummary {
  measures: number;
  byClass: Record<KpiClass, number>;
  byPerspective: Record<Perspective, Record<KpiClass, number>>;
  /** Customer measures paired with a business counter-measure. */
  counterMeasurePairs: number;
  customerMeasuresWithoutCounter: number;
}

/** How many initiatives of each stage the summary lists (`byStage[].count` has them all). */
export const PORTFOLIO_SUMMARY_ITEMS_PER_STAGE = 10;

export interface PortfolioSummaryResponse {
  generatedAt: string;
  initiatives: number;
  byStatus: Record<InitiativeStatus, number>;
  byStage: PortfolioStageCount[];
  gatesWaiting: GatesWaiting;
  openConditions: number;
  /** Stale measures of active initiatives. */
  staleMeasures: number;
  alerts: { cycle: CycleRef | null; threshold: number; count: number; critical: number };
  kpiReview: KpiReviewSummary;
  crossFunctional: {
    /** How many initiatives have a team from 1, 2, 3, ... departments. */
    byDepartments: Array<{ departments: number; initiatives: number }>;
    averageDepartments: number | null;
  };
  /**
   * At most `itemsPerStage` initiatives of each stage, in stage order (the counts are in
   * `byStage` and `initiatives`).
   */
  itemsPerStage: number;
  items: PortfolioInitiativeItem[];
}

/** One initiative on the tension chart. */
export interface TensionPoint {
  id: string;
  title: string;
  status: InitiativeStatus;
  teamSize: number;
  customerIndex: number | null;
  businessIndex: number | null;
  /**
   * Where the initiative stood when the cycle opened (the close of the previous cycle), over the
   * same measures as the indices above: the start of its movement on the chart. Null for the
   * chart of now, and for an index without an opening.
   */
  openingCustomerIndex: number | null;
  openingBusinessIndex: number | null;
  estimatedCustomerValue: number | null;
  estimatedBusinessValue: number | null;
}

/** `?limit=` of GET /api/portfolio/tension: how many points, those that pull apart most. */
export const TENSION_LIMIT_DEFAULT = 200;
export const TENSION_LIMIT_MAX = 1000;

export interface PortfolioTensionResponse {
  /** Indices over this cycle; null: now. */
  cycle: CycleRef | null;
  /** How many initiatives match (the points are the first `limit` of them). */
  total: number;
  /**
   * Ordered by how far customer and business index pull apart, largest first (points without
   * both indices last, in the initiatives' order).
   */
  points: TensionPoint[];
}

export interface PortfolioAlert extends TensionAlertDetail {
  initiative: { id: string; title: string };
}

/** `?limit=` of GET /api/portfolio/alerts: how many alerts (in initiatives' order). */
export const PORTFOLIO_ALERTS_LIMIT_DEFAULT = 100;
export const PORTFOLIO_ALERTS_LIMIT_MAX = 1000;

export interface PortfolioAlertsResponse {
  cycle: CycleRef | null;
  threshold: number;
  /** How many alerts there are (the items are the first `limit` of them). */
  total: number;
  items: PortfolioAlert[];
}

export interface PortfolioSeriesCycle extends CycleValue {
  /** Decisions of the cycle reviews of this cycle. */
  decisions: Record<ReviewDecision, number>;
  initiatives: Array<{ id: string; customer: number | null; business: number | null }>;
}

/** Cycle over cycle: every cycle that has started, oldest first. */
export interface PortfolioSeriesResponse {
  initiatives: Array<{ id: string; title: string }>;
  cycles: PortfolioSeriesCycle[];
}

export interface BriefMilestone {
  id: string;
  position: number;
  title: string;
  state: MilestoneState;
  dueDate: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface BriefMeasure {
  id: string;
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null until the first reading gives the measure its baseline. */
  baseline: number | null;
  target: number;
  latest: ReadingSummary | null;
  progress: number | null;
  stale: boolean;
}

export interface BriefCondition {
  id: string;
  text: string;
  milestoneTitle: string;
  decidedAt: string;
}

/** GET /api/briefs/initiatives/:id — the data of a one-page, printable progress brief. */
export interface InitiativeBriefResponse {
  generatedAt: string;
  initiative: {
    id: string;
    title: string;
    status: InitiativeStatus;
    approach: Approach;
    problem: string;
    hypothesis: string;
    owner: MeasureUserRef;
    sponsor: MeasureUserRef | null;
    team: MeasureUserRef[];
    customerGroups: Array<{ id: string; name: string; protected: boolean }>;
    estimated: ValuePair;
  };
  gateTrack: BriefMilestone[];
  measures: BriefMeasure[];
  indices: { now: ValuePair; cycle: CycleValue | null };
  alerts: CycleAlerts;
  /** The latest review of a cycle that starts no later than the brief's cycle. */
  latestReview: CycleReviewResponse | null;
  openConditions: BriefCondition[];
}

/** GET /api/briefs/portfolio */
export interface PortfolioBriefResponse {
  generatedAt: string;
  summary: Omit<PortfolioSummaryResponse, 'items' | 'itemsPerStage'>;
  tension: PortfolioTensionResponse;
  alerts: PortfolioAlertsResponse;
}
