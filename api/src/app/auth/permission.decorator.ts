import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Scope } from './initiative-relations.repository';
import type { Permission } from './permissions';

export const PERMISSION_KEY = 'waypoint:permission';
export const SCOPE_KEY = 'waypoint:scope';
export const PUBLIC_KEY = 'waypoint:public';
/** OpenAPI extensions that carry the declaration, so tests and docs can read it. */
export const PERMISSION_EXTENSION = 'x-waypoint-permission';
export const SCOPE_EXTENSION = 'x-waypoint-scope';
export const PUBLIC_EXTENSION = 'x-waypoint-public';

/**
 * The permission this endpoint needs (see permissions.ts). Without it, the guard denies.
 * `scope` says what the route's `:id` names (an initiative, a milestone, ...): the guard then
 * resolves the user's relation to that initiative (owner, sponsor, team) for rules that grant
 * access by relation, and answers 404 when the id names nothing.
 */
export const RequirePermission = (
  permission: Permission,
  scope?: Scope,
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiExtension(PERMISSION_EXTENSION, permission),
    ...(scope ? [SetMetadata(SCOPE_KEY, scope), ApiExtension(SCOPE_EXTENSION, scope)] : []),
  );

/** Open to anyone, signed in or not (health, login, set-password). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

export const NOT_FOUND_BY_HANDLER_KEY = 'waypoint:not-found-by-handler';

/**
 * With a scope: the handler answers 404 itself for an id that names nothing (in the one statement
 * it reads with), and reads nothing of the caller's relations (no CurrentAccess). So when the
 * caller's role alone grants the permission, the guard does not look the relations up (one
 * statement less); it still does for everyone the permission opens to by relation.
 */
export const NotFoundByHandler = (): MethodDecorator => SetMetadata(NOT_FOUND_BY_HANDLER_KEY, true);
