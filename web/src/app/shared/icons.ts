import {
  EnvironmentInjector,
  EnvironmentProviders,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { ICON_NAMES, iconSvg } from './icon-paths';

export * from './icon-paths';

const registered = new WeakSet<MatIconRegistry>();

/** Registers every icon with `MatIconRegistry`, for `<mat-icon svgIcon="...">` (once). */
export function registerIcons(injector: EnvironmentInjector): void {
  const registry = injector.get(MatIconRegistry);
  if (registered.has(registry)) return;
  registered.add(registry);
  const sanitizer = injector.get(DomSanitizer);
  for (const name of ICON_NAMES) {
    // Safe: the markup is a compile-time constant built from the paths above, never user input.
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(iconSvg(name)));
  }
}

/**
 * Registers every icon when the injector starts (tests, and any app that wants them at once).
 * The app itself registers them with the code of the routes that draw them (`withIcons`).
 */
export function provideIcons(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => registerIcons(inject(EnvironmentInjector)));
}
