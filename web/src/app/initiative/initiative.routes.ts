import { ResolveFn, Routes } from '@angular/router';

const initiativeTitle: ResolveFn<string> = (route) =>
  `Initiative ${route.paramMap.get('id') ?? ''}`;

/** `/initiatives` (the list) and `/initiatives/:id` (one initiative). */
export const initiativeRoutes: Routes = [
  {
    path: '',
    title: 'Initiatives',
    loadComponent: () =>
      import('./initiative-list-page.component').then((m) => m.InitiativeListPageComponent),
  },
  {
    path: ':id',
    title: initiativeTitle,
    loadComponent: () =>
      import('./initiative-detail-page.component').then((m) => m.InitiativeDetailPageComponent),
  },
];
