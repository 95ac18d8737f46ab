import type { InitiativeStatus } from './domain-enums';
import type { UserRef } from './initiatives';

// Customer moments (seed 003): the moments that matter along a customer group's journey, how
// customers experience each now, and what is in flight there.

/** Field limits of a customer moment, shared by the API's validation and the web forms. */
export const MOMENT_NAME_MAX_LENGTH = 80;
export const MOMENT_TEXT_MAX_LENGTH = 2000;
/** How many moments one group's journey holds at most. */
export const MOMENTS_PER_GROUP_MAX = 12;
/** How many measures may track one moment. */
export const MOMENT_MEASURES_MAX = 10;
/** How customers experience a moment now: 1 (very poorly) to 5 (very well). */
export const MOMENT_RATING_MIN = 1;
export const MOMENT_RATING_MAX = 5;

/** A measure that tracks a moment. */
export interface MomentMeasureRef {
  id: string;
  name: string;
  initiativeId: string;
}

/** An initiative in flight at a moment. */
export interface MomentInitiativeRef {
  id: string;
  title: string;
  status: InitiativeStatus;
}

/** One moment of a customer group's journey. */
export interface MomentResponse {
  id: string;
  customerGroupId: string;
  name: string;
  description: string;
  /** 1-based place along the group's journey. */
  position: number;
  /** How customers experience it now (1-5); null until someone rates it. */
  rating: number | null;
  /** What the rating rests on. */
  ratingNote: string;
  ratedBy: UserRef | null;
  ratedAt: string | null;
  measures: MomentMeasureRef[];
  /** Initiatives linked to it that are draft, proposed, active or on hold. */
  activeInitiatives: MomentInitiativeRef[];
  /** Ideas for it still waiting for triage. */
  openIdeas: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/moments?customerGroupId= */
export interface MomentListQuery {
  customerGroupId?: string;
  limit?: number;
  offset?: number;
}

export interface CreateMomentRequest {
  customerGroupId: string;
  name: string;
  description?: string;
}

/** PATCH /api/moments/:id (If-Match): rename, describe, rate, choose the measures that track it. */
export interface UpdateMomentRequest {
  name?: string;
  description?: string;
  /** A new rating records who rated it and when. */
  rating?: number;
  ratingNote?: string;
  /** Replaces the measures that track it. */
  measureIds?: string[];
}

/** PUT /api/moments/order: every moment of one group, in their new order. */
export interface ReorderMomentsRequest {
  customerGroupId: string;
  momentIds: string[];
}

/** PUT /api/initiatives/:id/moments: the moments an initiative improves (replaces them). */
export interface InitiativeMomentsRequest {
  momentIds: string[];
}

/** A moment linked to an initiative, with its group's name. */
export interface InitiativeMomentRef {
  id: string;
  name: string;
  customerGroupId: string;
  customerGroupName: string;
}

/** GET /api/moments/heat-map: every group's journey, one row per group. */
export interface MomentHeatMapResponse {
  /** Moment names across the groups' journeys, in journey order (the columns). */
  columns: string[];
  rows: MomentHeatMapRow[];
}

export interface MomentHeatMapRow {
  customerGroupId: string;
  customerGroupName: string;
  protected: boolean;
  /** One cell per column; null where the group's journey has no moment of that name. */
  cells: Array<MomentResponse | null>;
}
