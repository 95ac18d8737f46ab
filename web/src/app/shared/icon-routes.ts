import { EnvironmentInjector, inject } from '@angular/core';
import type { Route, Routes } from '@angular/router';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';

/** The pages that draw no `mat-icon` (the sign-in page draws its two icons inline). */
export const PATHS_WITHOUT_ICONS: ReadonlySet<string> = new Set(['sign-in']);

/** The icons' registration (MatIconRegistry, shared/icons.ts), loaded once, on first need. */
function registerIconsWith(injector: EnvironmentInjector): Promise<void> {
  return import('./icons').then((icons) => icons.registerIcons(injector));
}

/**
 * The routes, each loading the icons' registration together with its own code, so that every
 * `<mat-icon svgIcon>` finds its icon while the first download (the sign-in page) carries no
 * Material icon code. Pages added later are covered without doing anything.
 */
export function withIcons(routes: Routes): Routes {
  return routes.map((route): Route => {
    if (route.path !== undefined && PATHS_WITHOUT_ICONS.has(route.path)) return route;
    const { loadComponent, loadChildren } = route;
    const wrapped: Route = { ...route };
    if (loadComponent) {
      // Called by the router in the route's injection context.
      wrapped.loadComponent = () =>
        after(registerIconsWith(inject(EnvironmentInjector)), loadComponent());
    }
    if (loadChildren) {
      wrapped.loadChildren = () =>
        after(registerIconsWith(inject(EnvironmentInjector)), loadChildren());
    }
    return wrapped;
  });
}

/** What a route loader gave, once the icons are registered too. */
async function after<T>(icons: Promise<void>, loaded: T | Observable<T> | Promise<T>): Promise<T> {
  const value = isObservable(loaded) ? firstValueFrom(loaded) : loaded;
  const [, result] = await Promise.all([icons, value]);
  return result;
}
