import type { HttpInterceptorFn } from '@angular/common/http';
import { retry, throwError, timer } from 'rxjs';
import { httpStatusOf, retryAfterSeconds } from '../problem';

/** How many times a write is sent again after a busy answer. */
export const BUSY_RETRIES = 3;
/** A busy answer asking for a longer wait than this is shown to the person instead. */
export const BUSY_RETRY_MAX_SECONDS = 10;

/**
 * Statuses that say "busy, nothing was done, come back after Retry-After": 503 (the server is
 * busy with other requests), 429 and 409 (the same Idempotency-Key is still in flight).
 */
const BUSY = new Set([409, 429, 503]);

/**
 * Sends a write with an Idempotency-Key again, with the same key and body, when the API answers
 * busy with a Retry-After of at most BUSY_RETRY_MAX_SECONDS: the key makes the retry safe (the
 * server records the write once and replays its answer). A write without a key, and any other
 * error, reaches the caller at once.
 */
export const busyRetryInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.headers.has('Idempotency-Key')) return next(request);
  return next(request).pipe(
    retry({
      count: BUSY_RETRIES,
      delay: (error: unknown) => {
        const status = httpStatusOf(error);
        const wait = retryAfterSeconds(error);
        if (
          status === null ||
          !BUSY.has(status) ||
          wait === null ||
          wait > BUSY_RETRY_MAX_SECONDS
        ) {
          return throwError(() => error);
        }
        return timer(wait * 1000);
      },
    }),
  );
};
