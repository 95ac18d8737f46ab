import { ROLE_VALUES, type Role } from '@waypoint/contracts';
import { SPONSOR_ROLES } from '@waypoint/domain';

/**
 * The permission matrix, declared once. Every endpoint names one permission with
 * `@RequirePermission(...)` (or is `@Public()`); the guard denies everything else.
 * docs/permissions.md is generated from this table (`npm run docs:permissions`) and a test
 * checks that it is up to date.
 *
 * A rule allows a role outright (`roles`) or through the user's relation to the object the
 * endpoint acts on (`relations`, resolved from the route's initiative).
 */
export const RELATION_VALUES = ['owner', 'sponsor', 'team'] as const;
export type Relation = (typeof RELATION_VALUES)[number];

/**
 * The roles a relation presumes. A relation grants its rights only while the user holds one of
 * these roles, so rights follow the role when it changes:
 * - a sponsor acts as sponsor only while an executive (or an admin): a demoted sponsor loses
 *   gate decisions, status moves, condition closing and reading by sponsorship at once, and the
 *   initiative shows `needsSponsor` until another sponsor is chosen;
 * - an owner keeps owner rights in any role: the owner does the work and answers for it, and
 *   there is no way yet to choose another owner, so taking the rights away on a demotion would
 *   leave the initiative without anyone but admins to carry it (a promotion keeps them too; the
 *   owner never decides its gates, see deciderProblem in libs/domain);
 * - a team member is any role: being on the team is the relation itself.
 */
export const RELATION_ROLES: Readonly<Record<Relation, readonly Role[]>> = {
  owner: ROLE_VALUES,
  sponsor: SPONSOR_ROLES,
  team: ROLE_VALUES,
};

/** The relations that count for a user of this role (see RELATION_ROLES). */
export function effectiveRelations(relations: readonly Relation[], role: Role): Relation[] {
  return relations.filter((relation) => RELATION_ROLES[relation].includes(role));
}

export interface PermissionRule {
  description: string;
  roles: readonly Role[];
  relations?: readonly Relation[];
}

const everyone: readonly Role[] = ROLE_VALUES;
const admin: readonly Role[] = ['admin'];
/** Roles that see every initiative; members see those they are on (owner, sponsor, team). */
const overseers: readonly Role[] = ['admin', 'executive', 'manager'];
const anyRelation: readonly Relation[] = ['owner', 'sponsor', 'team'];

export const PERMISSIONS = {
  'auth.me': { description: 'See who I am signed in as', roles: everyone },
  'auth.tokens': { description: 'List, create and revoke my own API tokens', roles: everyone },
  'users.list': { description: 'List users', roles: admin },
  'users.read': { description: 'Read a user', roles: admin },
  'users.sponsors': {
    description: 'List who may sponsor an initiative (active executives: id, name, department)',
    roles: ['admin', 'executive', 'manager'],
  },
  'users.people': {
    description:
      'List active people to form a team or assign work (id, name, department); an owner may hold any role',
    roles: everyone,
  },
  'users.create': { description: 'Create a user (issues a set-password link)', roles: admin },
  'users.update': {
    description: 'Change a user: name, role, department, deactivate',
    roles: admin,
  },
  'departments.list': { description: 'List departments', roles: everyone },
  'departments.read': { description: 'Read a department', roles: everyone },
  'departments.create': { description: 'Create a department', roles: admin },
  'departments.update': { description: 'Rename a department', roles: admin },
  'customer-groups.list': { description: 'List customer groups', roles: everyone },
  'customer-groups.read': { description: 'Read a customer group', roles: everyone },
  'customer-groups.create': { description: 'Create a customer group', roles: admin },
  'customer-groups.update': { description: 'Change a customer group', roles: admin },
  'audit.list': { description: 'Read the whole audit trail', roles: admin },
  'webhooks.read': {
    description: 'List outgoing webhooks and read their delivery logs (never their secrets)',
    roles: admin,
  },
  'webhooks.write': {
    description: 'Register, change, disable and delete outgoing webhooks; rotate their secrets',
    roles: admin,
  },
  'webhooks.test': { description: 'Send a test to an outgoing webhook', roles: admin },
  'templates.list': { description: 'List the initiative templates', roles: everyone },
  'initiatives.list': {
    description: 'List initiatives (members see the ones they are on)',
    roles: everyone,
  },
  'initiatives.read': {
    description:
      'Read an initiative and everything under it: milestones, steps, measures, readings, reviews, comments, history',
    roles: overseers,
    relations: anyRelation,
  },
  'initiatives.create': {
    description: 'Plan a new initiative (from a template or from scratch)',
    roles: ['admin', 'manager'],
  },
  'initiatives.update': {
    description:
      'Change the plan of an initiative: fields, team, customer groups, milestones, measures',
    roles: admin,
    relations: ['owner'],
  },
  'initiatives.transition': {
    description: 'Move an initiative through its status (propose, activate, hold, complete, stop)',
    roles: admin,
    relations: ['owner', 'sponsor'],
  },
  'gates.submit': {
    description: 'Start a milestone and submit its gate for decision',
    roles: admin,
    relations: ['owner'],
  },
  'gates.decide': {
    description: 'Decide a submitted gate (never the person who submitted it)',
    roles: ['executive'],
    relations: ['sponsor'],
  },
  'conditions.close': {
    description: 'Close a condition of a go-with-conditions decision, with a note',
    roles: ['admin', 'executive'],
    relations: ['owner', 'sponsor'],
  },
  'steps.list': {
    description:
      'List steps across initiatives (mine with assigneeId=me), only of the initiatives I may read',
    roles: everyone,
  },
  'steps.write': {
    description: 'Add, change, move and reorder steps',
    roles: admin,
    relations: ['owner', 'team'],
  },
  'measures.list': {
    description:
      'List measures across initiatives (the ones I record with recorderId=me, by customer group, KPI class, staleness), only of the initiatives I may read',
    roles: everyone,
  },
  'readings.record': {
    description:
      "Record a reading of a measure (a correction is a new reading, made only by the reading's recorder, the owner, the sponsor or an admin)",
    roles: admin,
    relations: ['owner', 'team'],
  },
  'readings.import': {
    description:
      'Import readings from a spreadsheet (preview, import, template): each row goes only into a measure I may record readings of (as readings.record); the others are named and skipped',
    roles: everyone,
  },
  'readings.withdraw': {
    description:
      "Withdraw a reading with a reason: it stays in the history and stops counting (the reading's recorder, the owner, the sponsor or an admin)",
    roles: admin,
    relations: anyRelation,
  },
  'reviews.write': {
    description: 'Write the cycle review of an initiative',
    roles: admin,
    relations: ['owner'],
  },
  'comments.write': {
    description: 'Comment on an initiative, a milestone or a step',
    roles: overseers,
    relations: anyRelation,
  },
  'cycles.list': { description: 'List the improvement cycles', roles: everyone },
  'cycles.manage': {
    description:
      'Create cycles (and the next one); rename them, and change their dates while nothing depends on them',
    roles: ['admin', 'executive'],
  },
  'portfolio.read': {
    description:
      'The portfolio: summary, tension chart, gates waiting, alerts, series, KPI review, exports, briefs',
    roles: overseers,
  },
  'alerts.list': {
    description:
      'List tension alert records with their notes (members see those of initiatives they own or are on)',
    roles: everyone,
  },
  'alerts.read': {
    description: 'Read a tension alert record with its readings, indices and history',
    roles: overseers,
    relations: anyRelation,
  },
  'alerts.acknowledge': {
    description: 'Acknowledge an open tension alert with a note of what will be done',
    roles: [],
    relations: ['owner', 'sponsor'],
  },
  'alerts.dismiss': {
    description: 'Dismiss an open or acknowledged tension alert with a reason',
    roles: ['admin', 'executive'],
  },
  'conditions.list': {
    description:
      'List the conditions of go-with-conditions decisions across initiatives (open or closed)',
    roles: overseers,
  },
  'approvals.list': {
    description: 'The gates waiting for my decision',
    roles: ['admin', 'executive', 'manager'],
  },
  'moments.list': {
    description:
      "See the moments that matter along each customer group's journey, their ratings and the heat map",
    roles: everyone,
  },
  'moments.manage': {
    description:
      "Add, rename, reorder and remove the moments of a group's journey; rate them; choose the measures that track them",
    roles: ['admin', 'manager'],
  },
  'ideas.list': { description: 'See the ideas of the opportunity backlog', roles: everyone },
  'ideas.submit': { description: 'Submit an idea', roles: everyone },
  'ideas.me-too': {
    description: 'Say "me too" to an open idea, with evidence (once per person)',
    roles: everyone,
  },
  'ideas.triage': {
    description:
      'Triage ideas: merge duplicates, decline with a reason, promote to an initiative (planned in the wizard)',
    roles: ['admin', 'manager'],
  },
  'notifications.own': { description: 'Read and mark my notifications', roles: everyone },
  'email.preferences': {
    description: 'Read and change which emails I get (at once, daily digest, never)',
    roles: everyone,
  },
  'self-assessments.read': {
    description:
      'List self-assessments and read their results (averages only, and only for five answers or more)',
    roles: everyone,
  },
  'self-assessments.answer': {
    description:
      'Answer a self-assessment I am asked (anonymously), change my answer while it is open, read my own answer',
    roles: everyone,
  },
  'self-assessments.manage': {
    description:
      "Open a cycle's self-assessment (organisation-wide or for one department) and close it",
    roles: ['admin', 'executive'],
  },
  'money.write': {
    description:
      "Write an initiative's money: its case (expected benefit, costs, assumptions), the value per unit of its business measures, realised benefit entered per cycle with evidence",
    roles: admin,
    relations: ['owner'],
  },
  'wins.publish': {
    description: 'Publish the win of a completed initiative with realised results (once)',
    roles: admin,
    relations: ['owner'],
  },
  'wins.list': {
    description: 'Read the published wins and their notes for customers',
    roles: everyone,
  },
  'work.own': { description: 'My steps and the measures I record', roles: everyone },
  'events.stream': {
    description:
      'Live updates (server-sent events) about what I may see: initiatives I may read, my inbox',
    roles: everyone,
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionRule(permission: Permission): PermissionRule {
  return PERMISSIONS[permission];
}
