import {
  type MySelfAssessmentAnswer,
  SELF_ASSESSMENT_AREA_VALUES,
  type SelfAssessmentArea,
  type SelfAssessmentResponse,
  type SelfAssessmentScore,
} from '@waypoint/contracts';
import type { Session } from '../support/auth';
import { type Answer, etag, idempotencyKey, send } from '../support/http';
import type { TestApp } from '../support/test-app';

/** An answer scoring every statement `score`, with some areas scored otherwise or commented. */
export function scoresOf(
  score: number,
  others: Partial<Record<SelfAssessmentArea, number>> = {},
  comments: Partial<Record<SelfAssessmentArea, string>> = {},
): SelfAssessmentScore[] {
  return SELF_ASSESSMENT_AREA_VALUES.map((area) => ({
    area,
    score: others[area] ?? score,
    ...(comments[area] ? { comment: comments[area] } : {}),
  }));
}

/** Opens the self-assessment of a cycle through the API (201 expected). */
export async function openSelfAssessment(
  t: TestApp,
  executive: Session,
  cycleId: string,
  departmentId?: string,
): Promise<SelfAssessmentResponse> {
  const res = await send<SelfAssessmentResponse>(
    t,
    executive,
    'POST',
    '/api/self-assessments',
    { cycleId, ...(departmentId ? { departmentId } : {}) },
    idempotencyKey(),
  );
  if (res.status !== 201) throw new Error(`open self-assessment: ${res.status} ${res.text}`);
  return res.body;
}

/** Gives (or changes) a person's answer through the API (200 expected). */
export async function answerSelfAssessment(
  t: TestApp,
  session: Session,
  id: string,
  scores: SelfAssessmentScore[],
): Promise<MySelfAssessmentAnswer> {
  const res = await send<MySelfAssessmentAnswer>(
    t,
    session,
    'PUT',
    `/api/self-assessments/${id}/my-answer`,
    { scores },
  );
  if (res.status !== 200) throw new Error(`answer self-assessment: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * Asks to close a self-assessment as `session`, with If-Match of `version`: the answer as it
 * came (200, or a refusal the caller expects).
 */
export function closeSelfAssessment(
  t: TestApp,
  session: Session,
  id: string,
  version: number,
): Promise<Answer<SelfAssessmentResponse>> {
  return send<SelfAssessmentResponse>(
    t,
    session,
    'POST',
    `/api/self-assessments/${id}/close`,
    undefined,
    etag(version),
  );
}
