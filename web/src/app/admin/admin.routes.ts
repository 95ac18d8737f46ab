import { Routes } from '@angular/router';

/** `/admin/...`: the administration pages (the parent route lets admins only in). */
export const adminRoutes: Routes = [
  {
    path: '',
    title: 'Administration',
    loadComponent: () =>
      import('./admin-landing-page.component').then((m) => m.AdminLandingPageComponent),
  },
  {
    path: 'users',
    title: 'People',
    loadComponent: () => import('./users-page.component').then((m) => m.UsersPageComponent),
  },
  {
    path: 'departments',
    title: 'Departments',
    loadComponent: () =>
      import('./departments-page.component').then((m) => m.DepartmentsPageComponent),
  },
  {
    path: 'customer-groups',
    title: 'Customer groups',
    loadComponent: () =>
      import('./customer-groups-admin-page.component').then(
        (m) => m.CustomerGroupsAdminPageComponent,
      ),
  },
  {
    path: 'cycles',
    title: 'Cycles',
    loadComponent: () =>
      import('./cycles-admin-page.component').then((m) => m.CyclesAdminPageComponent),
  },
  {
    path: 'webhooks',
    title: 'Webhooks',
    loadComponent: () => import('./webhooks-page.component').then((m) => m.WebhooksPageComponent),
  },
  {
    path: 'audit',
    title: 'Audit trail',
    loadComponent: () => import('./audit-page.component').then((m) => m.AuditPageComponent),
  },
];
