import { Routes } from '@angular/router';
import { DEFAULT_PLACE } from './places';

/** Every place loads lazily: the first screen ships only the shell. */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: DEFAULT_PLACE },
  {
    path: 'portfolio',
    title: 'Portfolio',
    loadComponent: () =>
      import('./portfolio/portfolio-page.component').then((m) => m.PortfolioPageComponent),
  },
  {
    path: 'approvals',
    title: 'Approvals',
    loadComponent: () =>
      import('./approvals/approvals-page.component').then((m) => m.ApprovalsPageComponent),
  },
  {
    path: 'initiatives',
    loadChildren: () => import('./initiative/initiative.routes').then((m) => m.initiativeRoutes),
  },
  {
    path: 'my-work',
    title: 'My work',
    loadComponent: () =>
      import('./my-work/my-work-page.component').then((m) => m.MyWorkPageComponent),
  },
  {
    path: 'cycles',
    title: 'Cycles',
    loadComponent: () =>
      import('./cycles/cycles-page.component').then((m) => m.CyclesPageComponent),
  },
  {
    path: 'customer-groups',
    title: 'Customer groups',
    loadComponent: () =>
      import('./customer-groups/customer-groups-page.component').then(
        (m) => m.CustomerGroupsPageComponent,
      ),
  },
  {
    path: 'kpi-review',
    title: 'KPI review',
    loadComponent: () =>
      import('./kpi-review/kpi-review-page.component').then((m) => m.KpiReviewPageComponent),
  },
  {
    path: 'brief',
    title: 'Brief',
    loadComponent: () => import('./brief/brief-page.component').then((m) => m.BriefPageComponent),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () =>
      import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
