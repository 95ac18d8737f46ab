import { inject } from '@angular/core';
import { CanMatchFn, ResolveFn, Router, Routes } from '@angular/router';
import { AuthStore } from '../auth/auth.store';

const initiativeTitle: ResolveFn<string> = (route) =>
  `Initiative ${route.paramMap.get('id') ?? ''}`;

/** Only managers and admins plan initiatives; others are sent to the forbidden page. */
export const canPlanGuard: CanMatchFn = () => {
  const role = inject(AuthStore).role();
  return role === 'manager' || role === 'admin' ? true : inject(Router).parseUrl('/forbidden');
};

/** `/initiatives` (the list), `/initiatives/new` (the planning wizard) and `/initiatives/:id`. */
export const initiativeRoutes: Routes = [
  {
    path: '',
    title: 'Initiatives',
    loadComponent: () =>
      import('./initiative-list-page.component').then((m) => m.InitiativeListPageComponent),
  },
  {
    path: 'new',
    title: 'Plan an initiative',
    canMatch: [canPlanGuard],
    loadComponent: () =>
      import('./initiative-wizard-page.component').then((m) => m.InitiativeWizardPageComponent),
  },
  {
    path: ':id',
    title: initiativeTitle,
    loadComponent: () =>
      import('./initiative-detail-page.component').then((m) => m.InitiativeDetailPageComponent),
  },
];
