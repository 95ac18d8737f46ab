import { reflectComponentType, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Route, Router, Routes, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from './app.routes';
import { aUser, provideTestHttp, startAs } from './auth/auth.testing';
import { PLACES } from './places';
import { provideIcons } from './shared/icons';

const PLACE_PATHS = [
  'portfolio',
  'approvals',
  'initiatives',
  'conditions',
  'my-work',
  'cycles',
  'customer-groups',
  'ideas',
  'moments',
  'kpi-review',
  'brief',
  'self-assessment',
  'wins',
  'admin',
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
  it('redirects the empty path to the home place of the signed-in role', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        ...provideTestHttp(),
        provideIcons(),
      ],
    });
    await startAs(aUser('manager'));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');

    expect(routeAt(appRoutes, '')).toMatchObject({ pathMatch: 'full' });
    expect(TestBed.inject(Router).url).toBe('/initiatives');
  });

  it('has a route for every place and nothing eagerly loaded', () => {
    expect(PLACES.map((p) => p.path)).toEqual(PLACE_PATHS);
    for (const path of PLACE_PATHS) {
      const route = routeAt(appRoutes, path);
      expect(route.component).toBeUndefined();
      expect(route.loadComponent ?? route.loadChildren).toBeInstanceOf(Function);
    }
  });

  it('guards every place with canMatch, so its code is not loaded for the wrong user', () => {
    for (const path of PLACE_PATHS) {
      expect(routeAt(appRoutes, path).canMatch).toHaveLength(1);
    }
  });

  it.each([
    ['sign-in', 'Sign in', false],
    ['set-password', 'Choose your password', false],
    ['unsubscribe', 'Stop these emails', false],
    ['forbidden', 'Not allowed', undefined],
  ])('/%s lazily loads a page titled "%s" (chrome: %s)', async (path, title, chrome) => {
    const route = routeAt(appRoutes, path);

    expect(route.title).toBe(title);
    expect(route.data?.['chrome']).toBe(chrome);
    await expectLazyComponent(route);
  });

  it('/admin lazily loads the administration pages', async () => {
    const children = await load<Routes>(routeAt(appRoutes, 'admin').loadChildren);

    expect(children.map((r) => r.path)).toEqual([
      '',
      'users',
      'departments',
      'customer-groups',
      'cycles',
      'webhooks',
      'audit',
    ]);
    for (const child of children) {
      expect(child.title).toEqual(expect.any(String));
      await expectLazyComponent(child);
    }
  });

  it.each(PLACE_PATHS.filter((p) => p !== 'initiatives' && p !== 'admin'))(
    '/%s lazily loads a titled standalone page',
    async (path) => {
      const route = routeAt(appRoutes, path);
      expect(route.title).toEqual(expect.any(String));
      await expectLazyComponent(route);
    },
  );

  it('/initiatives lazily loads child routes for the list, the planning wizard and one initiative', async () => {
    const children = await load<Routes>(routeAt(appRoutes, 'initiatives').loadChildren);

    expect(children.map((r) => r.path)).toEqual(['', 'new', ':id']);
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
