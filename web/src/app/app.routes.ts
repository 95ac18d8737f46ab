import { Routes } from '@angular/router';
import {
  anyoneGuard,
  placeGuard,
  redirectHome,
  signedInGuard,
  signedOutGuard,
} from './auth/auth.guards';

/**
 * Every page loads lazily: the first screen ships only the shell. Each place is guarded by
 * `placeGuard` (signed in, and a role the place is offered to; see PLACES). Pages with
 * `data.chrome: false` show without the toolbar and navigation.
 */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: redirectHome },
  {
    path: 'sign-in',
    title: 'Sign in',
    data: { chrome: false },
    canMatch: [signedOutGuard],
    loadComponent: () => import('./auth/sign-in-page.component').then((m) => m.SignInPageComponent),
  },
  {
    path: 'set-password',
    title: 'Choose your password',
    data: { chrome: false },
    loadComponent: () =>
      import('./auth/set-password-page.component').then((m) => m.SetPasswordPageComponent),
  },
  {
    path: 'unsubscribe',
    title: 'Stop these emails',
    data: { chrome: false },
    loadComponent: () =>
      import('./unsubscribe/unsubscribe-page.component').then((m) => m.UnsubscribePageComponent),
  },
  {
    path: 'forbidden',
    title: 'Not allowed',
    canMatch: [anyoneGuard],
    loadComponent: () =>
      import('./forbidden/forbidden-page.component').then((m) => m.ForbiddenPageComponent),
  },
  {
    path: 'portfolio',
    canMatch: [placeGuard('portfolio')],
    title: 'Portfolio',
    loadComponent: () =>
      import('./portfolio/portfolio-page.component').then((m) => m.PortfolioPageComponent),
  },
  {
    path: 'approvals',
    canMatch: [placeGuard('approvals')],
    title: 'Approvals',
    loadComponent: () =>
      import('./approvals/approvals-page.component').then((m) => m.ApprovalsPageComponent),
  },
  {
    path: 'approvals/:milestoneId',
    canMatch: [placeGuard('approvals')],
    title: 'Gate decision',
    loadComponent: () => import('./approvals/gate-page.component').then((m) => m.GatePageComponent),
  },
  {
    // The list behind the portfolio's Open conditions card, and the managers' list of the
    // conditions to close: the roles of `conditions.list` (places.ts).
    path: 'conditions',
    canMatch: [placeGuard('conditions')],
    title: 'Open conditions',
    loadComponent: () =>
      import('./conditions/conditions-page.component').then((m) => m.ConditionsPageComponent),
  },
  {
    path: 'initiatives',
    canMatch: [placeGuard('initiatives')],
    loadChildren: () => import('./initiative/initiative.routes').then((m) => m.initiativeRoutes),
  },
  {
    path: 'my-work',
    canMatch: [placeGuard('my-work')],
    title: 'My work',
    loadComponent: () =>
      import('./my-work/my-work-page.component').then((m) => m.MyWorkPageComponent),
  },
  {
    path: 'import',
    canMatch: [anyoneGuard],
    title: 'Import readings',
    loadComponent: () =>
      import('./import/import-page.component').then((m) => m.ImportPageComponent),
  },
  {
    path: 'cycles',
    canMatch: [placeGuard('cycles')],
    title: 'Cycles',
    loadComponent: () =>
      import('./cycles/cycles-page.component').then((m) => m.CyclesPageComponent),
  },
  {
    path: 'customer-groups',
    canMatch: [placeGuard('customer-groups')],
    title: 'Customer groups',
    loadComponent: () =>
      import('./customer-groups/customer-groups-page.component').then(
        (m) => m.CustomerGroupsPageComponent,
      ),
  },
  {
    path: 'ideas',
    canMatch: [placeGuard('ideas')],
    title: 'Ideas',
    loadComponent: () => import('./ideas/ideas-page.component').then((m) => m.IdeasPageComponent),
  },
  {
    path: 'ideas/:id',
    canMatch: [placeGuard('ideas')],
    title: 'Idea',
    loadComponent: () =>
      import('./ideas/idea-detail-page.component').then((m) => m.IdeaDetailPageComponent),
  },
  {
    path: 'moments',
    canMatch: [placeGuard('moments')],
    title: 'Moments',
    loadComponent: () =>
      import('./moments/moments-page.component').then((m) => m.MomentsPageComponent),
  },
  {
    path: 'kpi-review',
    canMatch: [placeGuard('kpi-review')],
    title: 'KPI review',
    loadComponent: () =>
      import('./kpi-review/kpi-review-page.component').then((m) => m.KpiReviewPageComponent),
  },
  {
    path: 'brief',
    canMatch: [placeGuard('brief')],
    title: 'Brief',
    loadComponent: () => import('./brief/brief-page.component').then((m) => m.BriefPageComponent),
  },
  {
    path: 'brief/initiatives/:id',
    canMatch: [placeGuard('brief')],
    title: 'Initiative brief',
    loadComponent: () => import('./brief/brief-page.component').then((m) => m.BriefPageComponent),
  },
  {
    path: 'self-assessment',
    canMatch: [placeGuard('self-assessment')],
    title: 'Self-assessment',
    loadComponent: () =>
      import('./self-assessment/self-assessment-page.component').then(
        (m) => m.SelfAssessmentPageComponent,
      ),
  },
  {
    path: 'wins',
    canMatch: [placeGuard('wins')],
    title: 'Wins',
    loadComponent: () => import('./wins/wins-page.component').then((m) => m.WinsPageComponent),
  },
  {
    path: 'wins/:id/note',
    canMatch: [placeGuard('wins')],
    title: 'You told us, we changed',
    loadComponent: () =>
      import('./wins/win-note-page.component').then((m) => m.WinNotePageComponent),
  },
  {
    path: 'admin',
    canMatch: [placeGuard('admin')],
    loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
  },
  {
    path: 'profile',
    canMatch: [signedInGuard],
    title: 'Profile',
    loadComponent: () =>
      import('./profile/profile-page.component').then((m) => m.ProfilePageComponent),
  },
  {
    path: '**',
    title: 'Page not found',
    canMatch: [anyoneGuard],
    loadComponent: () =>
      import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
