import type { CreateInitiativeRequest, UserRef } from './initiatives';

// The opportunity backlog (seed 004, involve everyone): anyone's idea for an improvement, tied to
// a customer group and a moment, voted "me too", and triaged by managers.

export const IDEA_TITLE_MAX_LENGTH = 160;
export const IDEA_TEXT_MAX_LENGTH = 4000;
export const IDEA_REASON_MAX_LENGTH = 2000;
/** Customer impact and business value are estimated 0-10, as an initiative's values are. */
export const IDEA_ESTIMATE_MIN = 0;
export const IDEA_ESTIMATE_MAX = 10;
/** Effort: 1 (days) to 5 (many months). */
export const IDEA_EFFORT_MIN = 1;
export const IDEA_EFFORT_MAX = 5;

export const IDEA_STATUS_VALUES = [
  /** Waiting for triage. */
  'open',
  /** A duplicate: its "me too"s moved to the idea it was merged into. */
  'merged',
  /** Declined, with a reason the submitter sees. */
  'declined',
  /** Became an initiative. */
  'promoted',
] as const;
export type IdeaStatus = (typeof IDEA_STATUS_VALUES)[number];

export interface IdeaMeToo {
  id: string;
  by: UserRef;
  evidence: string;
  createdAt: string;
}

export interface IdeaResponse {
  id: string;
  title: string;
  customerGroup: { id: string; name: string };
  /** Null only when the moment was removed from the journey afterwards. */
  moment: { id: string; name: string } | null;
  pain: string;
  evidence: string;
  customerImpact: number;
  businessValue: number;
  effort: number;
  /** libs/domain ideaPriority: stored, so the list sorts by it. */
  priority: number;
  status: IdeaStatus;
  submittedBy: UserRef;
  meTooCount: number;
  /** Whether the caller has said "me too". */
  meTooMine: boolean;
  /** Declined: why (the submitter sees it). */
  declineReason: string | null;
  /** Merged: the idea it was merged into. */
  mergedInto: { id: string; title: string } | null;
  /** Promoted: the initiative it became. */
  initiative: { id: string; title: string } | null;
  triagedBy: UserRef | null;
  triagedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One idea with its "me too"s, newest first. */
export interface IdeaDetailResponse extends IdeaResponse {
  meToos: IdeaMeToo[];
}

/** GET /api/ideas: highest priority first. */
export interface IdeaListQuery {
  status?: IdeaStatus;
  customerGroupId?: string;
  momentId?: string;
  /** The idea(s) promoted into this initiative. */
  initiativeId?: string;
  /** `me`: the ideas I submitted. */
  submittedBy?: string;
  limit?: number;
  offset?: number;
}

export interface SubmitIdeaRequest {
  title: string;
  customerGroupId: string;
  momentId: string;
  pain: string;
  evidence?: string;
  customerImpact: number;
  businessValue: number;
  effort: number;
}

export interface MeTooRequest {
  evidence?: string;
}

export interface DeclineIdeaRequest {
  reason: string;
}

export interface MergeIdeaRequest {
  /** The idea kept: this one's "me too"s move there. */
  intoIdeaId: string;
}

/**
 * POST /api/ideas/:id/promote: the plan of the initiative, as the wizard sends it. What it leaves
 * out is taken from the idea (libs/domain planFromIdea): title, problem, the customer group and
 * the estimates; the idea's group is always among the groups served.
 */
export type PromoteIdeaRequest = Omit<CreateInitiativeRequest, 'title'> & { title?: string };
