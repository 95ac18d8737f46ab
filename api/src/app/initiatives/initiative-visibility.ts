import type { Role } from '@waypoint/contracts';
import { effectiveRelations, permissionRule, RELATION_VALUES, type Relation } from '../auth';

/**
 * Which initiatives a user may read, as the permission `initiatives.read` declares it: its roles
 * read every initiative; anyone else reads those they stand in one of its relations to, counted
 * only while they hold the role the relation presumes (RELATION_ROLES). So a member reads what
 * they own or are on the team of, not what they sponsor: a sponsorship counts only while its
 * sponsor is an executive or an admin, and those read everything, so a member still named as
 * sponsor (demoted) reads it neither in a list nor in the detail.
 *
 * Every list across initiatives (initiatives, steps, measures) filters with this, so a list says
 * what the detail says.
 */
export interface ReadScope {
  userId: string;
  relations: readonly Relation[];
}

/** Null: the user reads every initiative; otherwise the relations that open one to them. */
export function readScope(user: { id: string; role: Role }): ReadScope | null {
  const rule = permissionRule('initiatives.read');
  if (rule.roles.includes(user.role)) return null;
  return { userId: user.id, relations: effectiveRelations(rule.relations ?? [], user.role) };
}

const RELATION_SQL: Record<Relation, (alias: string, param: string) => string> = {
  owner: (alias, param) => `${alias}.owner_id = ${param}`,
  sponsor: (alias, param) => `${alias}.sponsor_id = ${param}`,
  team: (alias, param) =>
    `EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = ${alias}.id AND t.user_id = ${param})`,
};

/**
 * The SQL condition "the initiative `alias` is readable in this scope", with the user id bound
 * to `param` (`:me` for a QueryBuilder, `$3` for a raw query). No relation: nothing is readable.
 */
export function readableSql(scope: ReadScope, alias: string, param: string): string {
  const relations = RELATION_VALUES.filter((relation) => scope.relations.includes(relation));
  if (relations.length === 0) return 'false';
  return `(${relations.map((relation) => RELATION_SQL[relation](alias, param)).join(' OR ')})`;
}
