import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import type { IconName } from './shared/icon-paths';

/** A main place of the app, as shown in the navigation. */
export interface Place {
  /** Route path, without the leading slash. */
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  /** The roles offered this place: it is in their navigation and its route lets them in. */
  readonly roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ROLE_VALUES;

/**
 * The places of the app, in navigation order (see DOMAIN.md, "main places"), and who uses them.
 * The API decides what data each user may read or change; this mapping only decides which places
 * a role is offered, so that each navigation fits the work of that role:
 *
 * - admin: every place. Admins look after the organisation's data and support its users, so they
 *   need to see what any role sees.
 * - executive (sponsor): Portfolio and Approvals are theirs; Initiatives (they sponsor some),
 *   Conditions (the open conditions of their decisions, behind the portfolio's card), Cycles and
 *   KPI review (they judge progress and KPIs), Customer groups and Brief. No My work:
 *   executives are not assigned steps.
 * - manager (change agent): Initiatives is their home; Conditions (the conditions they must
 *   close, as the permission matrix's `conditions.list` allows); My work (managers take steps too), Cycles
 *   (they run the cycle reviews), KPI review (they choose the measures), Customer groups, Brief.
 *   No Portfolio or Approvals: those are the executives' view and decisions.
 * - member: My work is their home; Initiatives (the ones they work on), Customer groups (whom the
 *   work is for) and Brief (to share progress).
 *
 * Customer groups, Initiatives and Brief are open to everyone. Administration (users,
 * departments, customer groups, cycles, the audit trail) is the admins' alone; everything under
 * `/admin/` is guarded by it.
 */
export const PLACES: readonly Place[] = [
  { path: 'portfolio', label: 'Portfolio', icon: 'portfolio', roles: ['admin', 'executive'] },
  { path: 'approvals', label: 'Approvals', icon: 'approvals', roles: ['admin', 'executive'] },
  { path: 'initiatives', label: 'Initiatives', icon: 'initiative', roles: EVERYONE },
  {
    // GET /api/conditions (`conditions.list`): the roles the permission matrix gives it.
    path: 'conditions',
    label: 'Conditions',
    icon: 'conditions',
    roles: ['admin', 'executive', 'manager'],
  },
  { path: 'my-work', label: 'My work', icon: 'my-work', roles: ['admin', 'manager', 'member'] },
  { path: 'cycles', label: 'Cycles', icon: 'cycles', roles: ['admin', 'executive', 'manager'] },
  { path: 'customer-groups', label: 'Customer groups', icon: 'customer-groups', roles: EVERYONE },
  // Issue 17: anyone submits and backs ideas; everyone sees where the journeys hurt.
  { path: 'ideas', label: 'Ideas', icon: 'ideas', roles: EVERYONE },
  { path: 'moments', label: 'Moments', icon: 'moments', roles: EVERYONE },
  {
    path: 'kpi-review',
    label: 'KPI review',
    icon: 'kpi-review',
    roles: ['admin', 'executive', 'manager'],
  },
  { path: 'brief', label: 'Brief', icon: 'brief', roles: EVERYONE },
  // Everyone is asked (seeds 002 and 004); see the results, anonymous from five answers.
  { path: 'self-assessment', label: 'Self-assessment', icon: 'self-assessment', roles: EVERYONE },
  { path: 'wins', label: 'Wins', icon: 'wins', roles: EVERYONE },
  { path: 'admin', label: 'Administration', icon: 'admin', roles: ['admin'] },
];

/** Where each role lands after signing in, and where the root URL takes them. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  admin: 'portfolio',
  executive: 'portfolio',
  manager: 'initiatives',
  member: 'my-work',
};

/** How a role is named in the UI. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  executive: 'Executive',
  manager: 'Manager',
  member: 'Member',
};

/** The place with this route path, if any. */
export function placeAt(path: string): Place | undefined {
  return PLACES.find((place) => place.path === path);
}

/** The places a role is offered, in navigation order. */
export function placesFor(role: Role): readonly Place[] {
  return PLACES.filter((place) => place.roles.includes(role));
}

/** The URL of a role's home place, e.g. `/my-work`. */
export function homeUrl(role: Role): string {
  return `/${ROLE_HOME[role]}`;
}

/** The label of a role's home place, e.g. "My work". */
export function homeLabel(role: Role): string {
  return placeAt(ROLE_HOME[role])?.label ?? 'home';
}

/**
 * Whether a role may open an in-app URL (a path such as `/approvals?x=1`): true unless the URL
 * belongs to a place the role is not offered. URLs outside every place (sign-in, unknown) pass.
 */
export function roleMayOpen(role: Role, url: string): boolean {
  const first = url.replace(/^\/+/, '').split(/[/?#;]/, 1)[0] ?? '';
  const place = placeAt(first);
  return !place || place.roles.includes(role);
}
