import { createEnvironmentInjector, DestroyRef, EnvironmentInjector, inject } from '@angular/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

/**
 * ngx-charts binds legacy `@angular/animations` triggers, which the app does not provide (Material
 * animates with CSS). The chart wrappers render their ngx-charts view through this child
 * environment injector, which provides the no-op animation renderer: the animations code loads
 * only with the lazy places that show a chart, and no place has to configure anything.
 * Call in an injection context (a field initializer).
 */
export function chartEnvironment(): EnvironmentInjector {
  const injector = createEnvironmentInjector(
    [provideNoopAnimations()],
    inject(EnvironmentInjector),
  );
  inject(DestroyRef).onDestroy(() => injector.destroy());
  return injector;
}
