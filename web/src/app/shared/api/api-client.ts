import { HttpClient, HttpContext, HttpHeaders, HttpParams } from '@angular/common/http';
import type { HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** Where the API lives: every path of the client layer starts here. */
export const API_ROOT = '/api';

/** A query string's values; undefined ones are left out. */
export type Query = object;

/** The entity tag of a record's version, as the API sends it in ETag and expects in If-Match. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** A new Idempotency-Key (a write retried with the same key is answered once). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** How a write guards itself. */
export interface WriteGuard {
  /** The version of the record as it was read: sent as If-Match (412 if it has changed). */
  ifMatch?: number;
  /** Sent as Idempotency-Key. */
  idempotencyKey?: string;
}

/** The If-Match and Idempotency-Key headers of a write: the only place they are made. */
export function writeHeaders(guard: WriteGuard): HttpHeaders {
  let headers = new HttpHeaders();
  if (guard.ifMatch !== undefined) headers = headers.set('If-Match', etag(guard.ifMatch));
  if (guard.idempotencyKey !== undefined) {
    headers = headers.set('Idempotency-Key', guard.idempotencyKey);
  }
  return headers;
}

/** The query's defined values, in the order given. */
export function queryParams(query: Query = {}): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query) as Array<[string, unknown]>) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      params[key] = value;
    }
  }
  return params;
}

/** A request for httpResource: the URL and the query's defined values. */
export function resourceRequest(url: string, query?: Query): HttpResourceRequest {
  return query === undefined ? { url } : { url, params: queryParams(query) };
}

/** A path segment made safe for a URL. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/**
 * The one holder of HttpClient in the app (besides the interceptors): the resource APIs of this
 * folder read and write through it, and it adds If-Match and Idempotency-Key where asked.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(url: string, query?: Query, context?: HttpContext): Promise<T> {
    return firstValueFrom(
      this.http.get<T>(url, {
        params: new HttpParams({ fromObject: queryParams(query) }),
        ...(context ? { context } : {}),
      }),
    );
  }

  post<T>(url: string, body: unknown, guard: WriteGuard = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(url, body, { headers: writeHeaders(guard) }));
  }

  put<T>(url: string, body: unknown, guard: WriteGuard = {}): Promise<T> {
    return firstValueFrom(this.http.put<T>(url, body, { headers: writeHeaders(guard) }));
  }

  patch<T>(url: string, body: unknown, guard: WriteGuard = {}): Promise<T> {
    return firstValueFrom(this.http.patch<T>(url, body, { headers: writeHeaders(guard) }));
  }

  delete<T = void>(url: string, guard: WriteGuard = {}): Promise<T> {
    return firstValueFrom(this.http.delete<T>(url, { headers: writeHeaders(guard) }));
  }
}
