import type { HttpResourceRequest } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_ROOT, resourceRequest } from './api-client';

export const META_API = {
  meta: `${API_ROOT}/meta`,
} as const;

/** About the installation: its version, demo mode and the organisation's currency. */
@Injectable({ providedIn: 'root' })
export class MetaApi {
  /** GET /api/meta (public). */
  metaRequest(): HttpResourceRequest {
    return resourceRequest(META_API.meta);
  }
}
