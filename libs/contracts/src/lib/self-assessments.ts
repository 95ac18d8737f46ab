import type { Approach } from './domain-enums';

/**
 * The customer-centricity self-assessment (seeds 002 and 004): once per cycle, for the
 * organisation or one department, everyone in scope scores statements on the five principles of
 * customer-centric leadership and the six attention areas, 1 (not at all) to 5 (fully).
 */
export const SELF_ASSESSMENT_AREA_VALUES = [
  // The five principles of seed 002.
  'exist_for_customers',
  'all_about_people',
  'customers_not_equal',
  'systems_deliver_value',
  'progressive_improvement',
  // The six attention areas of seed 004.
  'show_the_money',
  'involve_everyone',
  'adapt_the_kpis',
  'leadership_support',
  'break_the_silos',
  'mindset_and_completion',
] as const;
export type SelfAssessmentArea = (typeof SELF_ASSESSMENT_AREA_VALUES)[number];

/** Where a statement comes from: a principle (seed 002) or an attention area (seed 004). */
export const SELF_ASSESSMENT_AREA_KIND_VALUES = ['principle', 'attention_area'] as const;
export type SelfAssessmentAreaKind = (typeof SELF_ASSESSMENT_AREA_KIND_VALUES)[number];

export const SELF_ASSESSMENT_STATUS_VALUES = ['open', 'closed'] as const;
export type SelfAssessmentStatus = (typeof SELF_ASSESSMENT_STATUS_VALUES)[number];

export const SELF_ASSESSMENT_SCORE_MIN = 1;
export const SELF_ASSESSMENT_SCORE_MAX = 5;
export const SELF_ASSESSMENT_COMMENT_MAX_LENGTH = 1000;
/** Results are shown only for groups of this many answers or more (anonymity). */
export const SELF_ASSESSMENT_MIN_ANSWERS = 5;

/** POST /api/self-assessments: open the assessment of a cycle, organisation-wide or for one department. */
export interface OpenSelfAssessmentRequest {
  cycleId: string;
  /** Absent: the whole organisation. */
  departmentId?: string;
}

export interface SelfAssessmentResponse {
  id: string;
  cycle: { id: string; name: string; startsOn: string; endsOn: string };
  /** null: the whole organisation. */
  department: { id: string; name: string } | null;
  status: SelfAssessmentStatus;
  /** The version of the statements asked (libs/domain SELF_ASSESSMENT_QUESTION_SETS). */
  questionSetVersion: number;
  openedAt: string;
  closedAt: string | null;
  answerCount: number;
  /** Whether the signed-in person is among those asked (everyone, or the department's people). */
  inScope: boolean;
  /** Whether the signed-in person has answered. */
  answered: boolean;
  version: number;
}

export interface SelfAssessmentListQuery {
  cycleId?: string;
  status?: SelfAssessmentStatus;
  limit?: number;
  offset?: number;
}

export interface SelfAssessmentScore {
  area: SelfAssessmentArea;
  /** 1 (not at all) to 5 (fully). */
  score: number;
  comment?: string;
}

/** PUT /api/self-assessments/:id/my-answer: a score for every statement of the question set. */
export interface SubmitSelfAssessmentAnswerRequest {
  scores: SelfAssessmentScore[];
}

/** The signed-in person's own answer (no one else's can be read). */
export interface MySelfAssessmentAnswer {
  assessmentId: string;
  answered: boolean;
  scores: SelfAssessmentScore[];
}

export interface SelfAssessmentAreaResult {
  area: SelfAssessmentArea;
  /** Mean score, 1 to 5. */
  average: number;
  /** The same area's mean in the previous cycle's assessment of the same scope, when it is shown. */
  previousAverage: number | null;
  /** The comments written on this area, in alphabetical order (never tied to a person). */
  comments: string[];
}

export interface SelfAssessmentSuggestion {
  area: SelfAssessmentArea;
  /** The road (and its initiative template, of the same id) that works on this area. */
  road: Approach;
}

export interface SelfAssessmentCycleSummary {
  assessmentId: string;
  cycleName: string;
  answerCount: number;
  /** Whether it has enough answers to be shown. */
  shown: boolean;
}

export interface SelfAssessmentResults {
  assessmentId: string;
  cycleName: string;
  answerCount: number;
  minimumAnswers: number;
  /** false below the minimum: no averages, no comments, no suggestions. */
  shown: boolean;
  areas: SelfAssessmentAreaResult[];
  /** The same scope's assessment in the cycle before, if any. */
  previous: SelfAssessmentCycleSummary | null;
  /** The weakest areas and the road that works on each (weakest first). */
  suggestions: SelfAssessmentSuggestion[];
}
