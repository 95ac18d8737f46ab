import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';

/**
 * The browser's location, for full page loads (a test can provide a fake). Signing out loads the
 * sign-in page afresh, so nothing the previous user saw stays in memory.
 */
export const PAGE_LOCATION = new InjectionToken<Pick<Location, 'assign'>>('PAGE_LOCATION', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).location,
});
