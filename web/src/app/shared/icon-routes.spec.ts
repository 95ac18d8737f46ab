import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIcon, MatIconRegistry } from '@angular/material/icon';
import { provideRouter, Router, Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { PATHS_WITHOUT_ICONS, withIcons } from './icon-routes';

@Component({ selector: 'wp-iconic', imports: [MatIcon], template: '<mat-icon svgIcon="menu" />' })
class IconicComponent {}

@Component({ selector: 'wp-plain', template: '<h1>Plain</h1>' })
class PlainComponent {}

const ROUTES: Routes = [
  { path: 'sign-in', loadComponent: () => Promise.resolve(PlainComponent) },
  { path: 'iconic', loadComponent: () => Promise.resolve(IconicComponent) },
  { path: 'area', loadChildren: () => Promise.resolve([{ path: '', component: IconicComponent }]) },
];

describe('withIcons', () => {
  let registry: MatIconRegistry;
  const registered = () =>
    firstValueFrom(registry.getNamedSvgIcon('menu')).then(
      () => true,
      () => false,
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter(withIcons(ROUTES))] });
    registry = TestBed.inject(MatIconRegistry);
  });

  it('leaves the sign-in page without the icons', async () => {
    expect(PATHS_WITHOUT_ICONS.has('sign-in')).toBe(true);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/sign-in');

    expect(harness.routeNativeElement?.textContent).toContain('Plain');
    expect(await registered()).toBe(false);
  });

  it.each(['/iconic', '/area'])('registers the icons before %s draws its mat-icon', async (url) => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);

    expect(TestBed.inject(Router).url).toBe(url);
    expect(await registered()).toBe(true);
    expect(harness.routeNativeElement?.querySelector('svg')).not.toBeNull();
  });
});
