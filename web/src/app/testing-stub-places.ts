import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { Routes } from '@angular/router';
import { PLACES } from './places';

/** Stands in for a place in specs about navigation, so no place loads data. */
@Component({
  selector: 'wp-stub-place',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Stub place</h1>',
})
export class StubPlaceComponent {}

/**
 * The app's routes with every place replaced by a stub (guards, titles and redirects kept), for
 * specs that test where navigation goes rather than what a place shows.
 */
export function withStubPlaces(routes: Routes): Routes {
  const places = new Set(PLACES.map((p) => p.path));
  return routes.map((route) => {
    if (!places.has((route.path ?? '').split('/')[0] ?? '')) return route;
    const { loadComponent: _component, loadChildren, ...rest } = route;
    return loadChildren
      ? {
          ...rest,
          children: [
            { path: '', component: StubPlaceComponent },
            { path: '**', component: StubPlaceComponent },
          ],
        }
      : { ...rest, component: StubPlaceComponent };
  });
}
