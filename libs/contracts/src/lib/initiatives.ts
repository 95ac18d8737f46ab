import type {
  Approach,
  Cadence,
  CustomerGroupIntent,
  Direction,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  Perspective,
} from './domain-enums';
import type { DepartmentRef } from './identity';

/** Field limits of an initiative, shared by the API's validation and the web forms. */
export const INITIATIVE_TITLE_MAX_LENGTH = 200;
export const INITIATIVE_TEXT_MAX_LENGTH = 4000;
export const INITIATIVE_SEARCH_MAX_LENGTH = 200;
export const INITIATIVE_TEAM_MAX = 50;
export const INITIATIVE_CUSTOMER_GROUPS_MAX = 50;
/** Estimated customer and business value: whole scores. */
export const ESTIMATED_VALUE_MIN = 0;
export const ESTIMATED_VALUE_MAX = 10;
/** Readiness for change (seed 001): 1 (not ready) to 5 (ready). */
export const READINESS_SCORE_MIN = 1;
export const READINESS_SCORE_MAX = 5;
export const TRANSITION_NOTE_MAX_LENGTH = 2000;
export const COMMENT_BODY_MAX_LENGTH = 4000;

/** Sort keys of GET /api/initiatives. */
export const INITIATIVE_SORT_VALUES = ['title', 'updatedAt', 'status'] as const;
export type InitiativeSort = (typeof INITIATIVE_SORT_VALUES)[number];
export const SORT_ORDER_VALUES = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDER_VALUES)[number];

/** The initiative templates (GET /api/templates): two methods and one per road of seed 001. */
export const TEMPLATE_ID_VALUES = [
  'dmaic',
  'a3',
  'engineering',
  'strategic_differentiator',
  'consumer_insight',
  'best_customer',
  'competing_values',
] as const;
export type TemplateId = (typeof TEMPLATE_ID_VALUES)[number];

/** What a comment is about. */
export const COMMENT_TARGET_TYPE_VALUES = ['initiative', 'milestone', 'step'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPE_VALUES)[number];

/** A person as lists and details show them. */
export interface UserRef {
  id: string;
  displayName: string;
}

export interface Readiness {
  /** 1..5, or null when not assessed yet. */
  score: number | null;
  notes: string;
}

export interface InitiativeListItem {
  id: string;
  title: string;
  status: InitiativeStatus;
  approach: Approach;
  owner: UserRef;
  sponsor: UserRef | null;
  /**
   * True when the sponsor no longer acts as sponsor (demoted from executive or deactivated): an
   * admin or the owner chooses another. A missing sponsor (a draft) is not flagged.
   */
  needsSponsor: boolean;
  teamSize: number;
  /** How many departments the team comes from (cross-functional teams, seed 004). */
  departmentCount: number;
  /** The first milestone not yet approved (the current gate), or null. */
  currentMilestone: { id: string; title: string; state: MilestoneState } | null;
  estimatedCustomerValue: number | null;
  estimatedBusinessValue: number | null;
  version: number;
  updatedAt: string;
}

export interface InitiativeListQuery {
  status?: InitiativeStatus;
  approach?: Approach;
  ownerId?: string;
  sponsorId?: string;
  customerGroupId?: string;
  /** Text in the title (ignoring case). */
  q?: string;
  sort?: InitiativeSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface TeamMember {
  user: UserRef;
  department: DepartmentRef | null;
}

export interface CustomerGroupRef {
  id: string;
  name: string;
  intent: CustomerGroupIntent;
  protected: boolean;
}

export interface MilestoneSummary {
  id: string;
  position: number;
  title: string;
  state: MilestoneState;
  dueDate: string | null;
  criteria: { total: number; checked: number };
}

export interface MeasureSummary {
  id: string;
  name: string;
  perspective: Perspective;
}

/** GET /api/initiatives/:id (its ETag is "<version>"). */
export interface InitiativeResponse {
  id: string;
  title: string;
  problem: string;
  hypothesis: string;
  approach: Approach;
  status: InitiativeStatus;
  /** The statuses it may go to next (POST .../transitions). */
  nextStatuses: InitiativeStatus[];
  template: TemplateId | null;
  owner: UserRef;
  sponsor: UserRef | null;
  /**
   * True when the sponsor no longer acts as sponsor (demoted from executive or deactivated): an
   * admin or the owner chooses another. A missing sponsor (a draft) is not flagged.
   */
  needsSponsor: boolean;
  team: TeamMember[];
  customerGroups: CustomerGroupRef[];
  milestones: MilestoneSummary[];
  measures: MeasureSummary[];
  /** Conditions of go-with-conditions decisions not closed yet. */
  openConditions: number;
  estimatedCustomerValue: number | null;
  estimatedBusinessValue: number | null;
  readiness: Readiness;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReadinessInput {
  score: number;
  notes?: string;
}

export interface CreateInitiativeRequest {
  title: string;
  problem?: string;
  hypothesis?: string;
  /** Required unless a template gives it. */
  approach?: Approach;
  /** An active executive. */
  sponsorId?: string;
  /** Active users. */
  teamIds?: string[];
  customerGroupIds?: string[];
  estimatedCustomerValue?: number;
  estimatedBusinessValue?: number;
  readiness?: ReadinessInput;
  /** Fills in milestones (with exit criteria) and measures. */
  template?: TemplateId;
  /**
   * With `template`: the baselines and targets the manager confirmed or changed, by template
   * measure name; a measure not named keeps the template's values. Saved with the initiative.
   */
  measures?: TemplateMeasureValues[];
}

/** A template measure's baseline and target as the manager confirmed them in the wizard. */
export interface TemplateMeasureValues {
  name: string;
  /** Null: "baseline from the first reading" (the first reading sets and freezes it). */
  baseline: number | null;
  target: number;
}

export interface UpdateInitiativeRequest {
  title?: string;
  problem?: string;
  hypothesis?: string;
  approach?: Approach;
  sponsorId?: string;
  /** Replaces the team. */
  teamIds?: string[];
  /** Replaces the customer groups. */
  customerGroupIds?: string[];
  estimatedCustomerValue?: number;
  estimatedBusinessValue?: number;
  /** Fields not sent keep their value. */
  readiness?: Partial<ReadinessInput>;
}

export interface InitiativeTransitionRequest {
  to: InitiativeStatus;
  note?: string;
}

export interface TemplateMilestone {
  title: string;
  goal: string;
  criteria: string[];
}

export interface TemplateMeasure {
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** Null only once the manager chose "baseline from the first reading" in the wizard. */
  baseline: number | null;
  target: number;
  cadence: Cadence;
  kpiClass: KpiClass;
  /** This business measure guards the customer measure of this name (a counter-measure). */
  counterMeasureOf?: string;
}

export interface InitiativeTemplate {
  id: TemplateId;
  name: string;
  approach: Approach;
  description: string;
  milestones: TemplateMilestone[];
  measures: TemplateMeasure[];
}

export interface TemplateListQuery {
  approach?: Approach;
  limit?: number;
  offset?: number;
}

/** A comment: plain text (shown escaped; never interpreted as HTML). */
export interface CommentResponse {
  id: string;
  initiativeId: string;
  targetType: CommentTargetType;
  targetId: string;
  author: UserRef;
  body: string;
  createdAt: string;
}

export interface CreateCommentRequest {
  targetType: CommentTargetType;
  targetId: string;
  body: string;
}

export interface CommentListQuery {
  targetType?: CommentTargetType;
  targetId?: string;
  limit?: number;
  offset?: number;
}

/** One audit event of an initiative or of a record under it. */
export interface HistoryEventResponse {
  id: string;
  occurredAt: string;
  /** Null for the system. */
  actor: UserRef | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface HistoryQuery {
  entityType?: string;
  limit?: number;
  offset?: number;
}
