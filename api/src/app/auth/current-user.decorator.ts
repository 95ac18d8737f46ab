import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestIdOf } from '../common';
import type { Actor, AuthenticatedUser } from './authenticated-user';
import type { InitiativeAccess } from './initiative-relations.repository';

export type AuthenticatedRequest = FastifyRequest & {
  user?: AuthenticatedUser;
  /** Set by the guard on scoped endpoints: the initiative and the user's relations to it. */
  access?: InitiativeAccess;
};

export function userOf(request: AuthenticatedRequest): AuthenticatedUser {
  if (!request.user) throw new UnauthorizedException('Sign in first.');
  return request.user;
}

/** The signed-in user of this request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser =>
    userOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The actor for the audit trail: the signed-in user and the request id. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return { userId: userOf(request).id, requestId: requestIdOf(request.raw) ?? null };
});

/** The initiative of a scoped endpoint and the user's relations to it (owner, sponsor, team). */
export const CurrentAccess = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): InitiativeAccess => {
    const access = ctx.switchToHttp().getRequest<AuthenticatedRequest>().access;
    if (!access) throw new Error('CurrentAccess used on an endpoint without a scope');
    return access;
  },
);
