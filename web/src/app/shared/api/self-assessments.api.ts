import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MySelfAssessmentAnswer,
  OpenSelfAssessmentRequest,
  SelfAssessmentListQuery,
  SelfAssessmentResponse,
  SubmitSelfAssessmentAnswerRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export const SELF_ASSESSMENTS_API = {
  list: `${API_ROOT}/self-assessments`,
  close: (id: string) => `${API_ROOT}/self-assessments/${segment(id)}/close`,
  myAnswer: (id: string) => `${API_ROOT}/self-assessments/${segment(id)}/my-answer`,
  results: (id: string) => `${API_ROOT}/self-assessments/${segment(id)}/results`,
} as const;

/** The customer-centricity self-assessment: open, answer (anonymously), results. */
@Injectable({ providedIn: 'root' })
export class SelfAssessmentsApi {
  private readonly api = inject(ApiClient);

  listRequest(query: SelfAssessmentListQuery): HttpResourceRequest {
    return resourceRequest(SELF_ASSESSMENTS_API.list, query);
  }

  resultsRequest(id: string): HttpResourceRequest {
    return resourceRequest(SELF_ASSESSMENTS_API.results(id));
  }

  myAnswerRequest(id: string): HttpResourceRequest {
    return resourceRequest(SELF_ASSESSMENTS_API.myAnswer(id));
  }

  /** POST /api/self-assessments (idempotent). */
  open(
    request: OpenSelfAssessmentRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<SelfAssessmentResponse> {
    return this.api.post<SelfAssessmentResponse>(SELF_ASSESSMENTS_API.list, request, {
      idempotencyKey,
    });
  }

  /** PUT /api/self-assessments/:id/my-answer: my answer, given or changed. */
  answer(id: string, request: SubmitSelfAssessmentAnswerRequest): Promise<MySelfAssessmentAnswer> {
    return this.api.put<MySelfAssessmentAnswer>(SELF_ASSESSMENTS_API.myAnswer(id), request);
  }

  /** POST /api/self-assessments/:id/close with If-Match. */
  close(
    assessment: Pick<SelfAssessmentResponse, 'id' | 'version'>,
  ): Promise<SelfAssessmentResponse> {
    return this.api.post<SelfAssessmentResponse>(
      SELF_ASSESSMENTS_API.close(assessment.id),
      undefined,
      {
        ifMatch: assessment.version,
      },
    );
  }
}
