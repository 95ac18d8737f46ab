import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EmailPreferencesResponse,
  UnsubscribeDescription,
  UnsubscribeResponse,
  UpdateEmailPreferencesRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, resourceRequest } from './api-client';

export const EMAIL_API = {
  preferences: `${API_ROOT}/email/preferences`,
  unsubscribe: `${API_ROOT}/email/unsubscribe`,
  unsubscribePreview: `${API_ROOT}/email/unsubscribe/preview`,
} as const;

/** My email preferences, and the unsubscribe link of an email (which needs no sign-in). */
@Injectable({ providedIn: 'root' })
export class EmailApi {
  private readonly api = inject(ApiClient);

  preferencesRequest(): HttpResourceRequest {
    return resourceRequest(EMAIL_API.preferences);
  }

  savePreferences(request: UpdateEmailPreferencesRequest): Promise<EmailPreferencesResponse> {
    return this.api.put<EmailPreferencesResponse>(EMAIL_API.preferences, request);
  }

  /** What an unsubscribe link would stop (changes nothing). */
  describeUnsubscribe(token: string): Promise<UnsubscribeDescription> {
    return this.api.post<UnsubscribeDescription>(EMAIL_API.unsubscribePreview, { token });
  }

  unsubscribe(token: string): Promise<UnsubscribeResponse> {
    return this.api.post<UnsubscribeResponse>(EMAIL_API.unsubscribe, { token });
  }
}
