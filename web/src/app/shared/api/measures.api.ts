import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateReadingRequest,
  MeasureListItem,
  MeasureResponse,
  MeasureSearchQuery,
  Page,
  ReadingResponse,
  ReadingSort,
  UpdateMeasureRequest,
  WithdrawReadingRequest,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient, newIdempotencyKey, resourceRequest, segment } from './api-client';

export interface ReadingListQuery {
  sort?: ReadingSort;
  limit?: number;
  offset?: number;
}

export const MEASURES_API = {
  list: `${API_ROOT}/measures`,
  one: (measureId: string) => `${API_ROOT}/measures/${segment(measureId)}`,
  readings: (measureId: string) => `${API_ROOT}/measures/${segment(measureId)}/readings`,
  withdrawal: (measureId: string, readingId: string) =>
    `${API_ROOT}/measures/${segment(measureId)}/readings/${segment(readingId)}/withdrawal`,
} as const;

/** Measures (KPIs) and their readings. */
@Injectable({ providedIn: 'root' })
export class MeasuresApi {
  private readonly api = inject(ApiClient);

  /**
   * GET /api/measures: measures across the initiatives I may read (`recorderId: 'me'` for those
   * I record), with their initiative, latest reading, progress and staleness.
   */
  search(query: MeasureSearchQuery): Promise<Page<MeasureListItem>> {
    return this.api.get<Page<MeasureListItem>>(MEASURES_API.list, query);
  }

  /** GET /api/measures as a resource request (see `search`). */
  searchRequest(query: MeasureSearchQuery): HttpResourceRequest {
    return resourceRequest(MEASURES_API.list, { ...query });
  }

  readingsRequest(measureId: string, query: ReadingListQuery): HttpResourceRequest {
    return resourceRequest(MEASURES_API.readings(measureId), query);
  }

  /** PATCH /api/measures/:id with If-Match (baseline and target until the baseline is frozen). */
  update(
    measure: Pick<MeasureResponse, 'id' | 'version'>,
    request: UpdateMeasureRequest,
  ): Promise<MeasureResponse> {
    return this.api.patch<MeasureResponse>(MEASURES_API.one(measure.id), request, {
      ifMatch: measure.version,
    });
  }

  /** POST /api/measures/:id/readings with an Idempotency-Key. */
  recordReading(
    measureId: string,
    request: CreateReadingRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<ReadingResponse> {
    return this.api.post<ReadingResponse>(MEASURES_API.readings(measureId), request, {
      idempotencyKey,
    });
  }

  /** POST /api/measures/:id/readings with `supersedesId`: a correction, never an overwrite. */
  correctReading(
    reading: Pick<ReadingResponse, 'id' | 'measureId'>,
    request: Omit<CreateReadingRequest, 'supersedesId'>,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<ReadingResponse> {
    return this.recordReading(
      reading.measureId,
      { ...request, supersedesId: reading.id },
      idempotencyKey,
    );
  }

  /** POST /api/measures/:id/readings/:readingId/withdrawal with an Idempotency-Key. */
  withdrawReading(
    reading: Pick<ReadingResponse, 'id' | 'measureId'>,
    request: WithdrawReadingRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<ReadingResponse> {
    return this.api.post<ReadingResponse>(
      MEASURES_API.withdrawal(reading.measureId, reading.id),
      request,
      { idempotencyKey },
    );
  }
}
