import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';
import { PublicOrigin } from './public-origin';
import type { AuthenticatedRequest } from './current-user.decorator';
import { type Scope, InitiativeRelationsRepository } from './initiative-relations.repository';
import {
  NOT_FOUND_BY_HANDLER_KEY,
  PERMISSION_KEY,
  PUBLIC_KEY,
  SCOPE_KEY,
} from './permission.decorator';
import { type Permission, effectiveRelations, permissionRule } from './permissions';
import { FieldValidationException, requestIdOf } from '../common';

export const SESSION_COOKIE = 'wp_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global guard. Authenticates every request (session cookie or Bearer API token), checks the
 * same-origin rule for cookie-authenticated writes, and allows only what the endpoint's declared
 * permission allows. An endpoint without a declared permission is denied (deny by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly relations: InitiativeRelationsRepository,
    private readonly publicOrigin: PublicOrigin,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      PERMISSION_KEY,
      targets,
    );
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.authenticate(request);
    if (user) request.user = user;
    const unsafe = UNSAFE_METHODS.has(request.method);
    const origin = request.headers.origin;

    if (isPublic) {
      if (unsafe && origin !== undefined && !this.publicOrigin.allowed().includes(origin)) {
        this.deny(request, user, 'cross-site', undefined);
        throw new ForbiddenException(
          'Cross-site request refused: the Origin does not match this site.',
        );
      }
      return true;
    }
    if (!user) {
      this.deny(request, null, 'unauthenticated', permission);
      throw new UnauthorizedException('Sign in first.');
    }
    if (user.via === 'session' && unsafe) {
      try {
        this.auth.assertSameOrigin(origin, this.publicOrigin.allowed());
      } catch (error) {
        this.deny(request, user, 'cross-site', permission);
        throw error;
      }
    }
    if (user.via === 'token' && user.tokenScope === 'read' && unsafe) {
      this.deny(request, user, 'read-only-token', permission);
      throw new ForbiddenException('This API token is read-only: it may only read (GET).');
    }
    if (!permission) {
      this.logger.error({ url: request.url }, 'endpoint has no declared permission: denied');
      this.deny(request, user, 'no-permission-declared', undefined);
      throw new ForbiddenException('This endpoint is not open to anyone.');
    }
    const rule = permissionRule(permission);
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(SCOPE_KEY, targets);
    const id = (request.params as Record<string, string | undefined> | undefined)?.['id'];
    if (scope && id && !UUID.test(id)) {
      // The scope (and so the relations a handler reads) cannot be resolved from a bad id: the
      // 400 the id's validation would give, before the role check lets anyone through without it.
      throw new FieldValidationException({ id: ['id must be a UUID'] });
    }
    const handlerFinds =
      this.reflector.get<boolean | undefined>(NOT_FOUND_BY_HANDLER_KEY, context.getHandler()) ===
      true;
    if (scope && id && handlerFinds && rule.roles.includes(user.role)) return true;
    if (scope && id) {
      const resolved = await this.relations.resolve(scope, id, user.id);
      if (!resolved) throw new NotFoundException(`No such ${scope}.`);
      // A relation counts only while the user holds the role it presumes (RELATION_ROLES).
      const access = { ...resolved, relations: effectiveRelations(resolved.relations, user.role) };
      request.access = access;
      if (rule.roles.includes(user.role)) return true;
      if (rule.relations?.some((relation) => access.relations.includes(relation))) return true;
    } else if (rule.roles.includes(user.role)) {
      return true;
    }
    this.deny(request, user, 'role', permission);
    throw new ForbiddenException(`Your role (${user.role}) may not do this (${permission}).`);
  }

  private async authenticate(request: AuthenticatedRequest): Promise<AuthenticatedUser | null> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await this.auth.fromToken(match[1]) : null;
      if (!user) {
        this.deny(request, null, 'bad-token', undefined);
        throw new UnauthorizedException('The API token is not valid.');
      }
      return user;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.auth.fromSession(cookie) : null;
  }

  private deny(
    request: AuthenticatedRequest,
    user: AuthenticatedUser | null,
    reason: string,
    permission: Permission | undefined,
  ): void {
    this.logger.warn(
      {
        event: 'access.denied',
        reason,
        permission,
        userId: user?.id,
        method: request.method,
        url: request.url,
        requestId: requestIdOf(request.raw),
      },
      'access denied',
    );
  }
}
