import { reflectComponentType, Type } from '@angular/core';
import { Route, Routes } from '@angular/router';
import { appRoutes } from './app.routes';

const PLACE_PATHS = [
  'portfolio',
  'approvals',
  'initiatives',
  'my-work',
  'cycles',
  'customer-groups',
  'kpi-review',
  'brief',
];

function routeAt(routes: Routes, path: string): Route {
  const route = routes.find((r) => r.path === path);
  if (!route) throw new Error(`no route for "${path}"`);
  return route;
}

/** Runs a lazy loader and returns what it loads, failing if the route is not lazy. */
async function load<T>(loader: (() => unknown) | undefined): Promise<T> {
  expect(loader).toBeInstanceOf(Function);
  const loaded = await (loader as () => Promise<T | { default: T }>)();
  return loaded as T;
}

async function expectLazyComponent(route: Route): Promise<void> {
  expect(route.component).toBeUndefined();
  const component = await load<Type<unknown>>(route.loadComponent);
  expect(reflectComponentType(component)).not.toBeNull();
}

describe('appRoutes', () => {
  it('redirects the empty path to the portfolio', () => {
    expect(routeAt(appRoutes, '')).toMatchObject({ redirectTo: 'portfolio', pathMatch: 'full' });
  });

  it('has a route for every place and nothing eagerly loaded', () => {
    for (const path of PLACE_PATHS) {
      const route = routeAt(appRoutes, path);
      expect(route.component).toBeUndefined();
      expect(route.loadComponent ?? route.loadChildren).toBeInstanceOf(Function);
    }
  });

  it.each(PLACE_PATHS.filter((p) => p !== 'initiatives'))(
    '/%s lazily loads a titled standalone page',
    async (path) => {
      const route = routeAt(appRoutes, path);
      expect(route.title).toEqual(expect.any(String));
      await expectLazyComponent(route);
    },
  );

  it('/initiatives lazily loads child routes for the list and one initiative', async () => {
    const children = await load<Routes>(routeAt(appRoutes, 'initiatives').loadChildren);

    expect(children.map((r) => r.path)).toEqual(['', ':id']);
    for (const child of children) {
      expect(child.title).toBeDefined();
      await expectLazyComponent(child);
    }
  });

  it('ends with a lazy wildcard route for unknown URLs', async () => {
    const last = appRoutes[appRoutes.length - 1];

    expect(last.path).toBe('**');
    await expectLazyComponent(last);
  });
});
