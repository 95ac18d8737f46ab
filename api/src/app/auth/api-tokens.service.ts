import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AccessEndedSignal } from '../common';
import {
  API_TOKEN_DEFAULT_DAYS,
  type ApiTokenResponse,
  type CreateApiTokenRequest,
  type CreatedApiTokenResponse,
} from '@waypoint/contracts';
import type { AuthenticatedUser } from './authenticated-user';
import { ApiTokensRepository } from './api-tokens.repository';
import { newSecret } from './secrets';

/**
 * Personal API tokens: created and revoked by their user (signed in, never with a token), stored
 * hashed, shown once; each expires (90 days unless chosen, at most a year) and has a scope.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly accessEnded: AccessEndedSignal,
  ) {}

  list(user: AuthenticatedUser): Promise<ApiTokenResponse[]> {
    return this.tokens.listActive(user.id);
  }

  async create(
    user: AuthenticatedUser,
    request: CreateApiTokenRequest,
  ): Promise<CreatedApiTokenResponse> {
    if (user.via === 'token') {
      throw new ForbiddenException('An API token cannot create API tokens: sign in to create one.');
    }
    const secret = newSecret('wpt');
    const created = await this.tokens.create(
      user.id,
      request.name.trim(),
      secret.token.slice(0, 10),
      secret.hash,
      {
        expiresInDays: request.expiresInDays ?? API_TOKEN_DEFAULT_DAYS,
        scope: request.scope ?? 'read_write',
      },
    );
    return { ...created, token: secret.token };
  }

  async revoke(user: AuthenticatedUser, tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(user.id, tokenId))) {
      throw new NotFoundException('You have no active API token with that id.');
    }
    this.accessEnded.emit({ userId: user.id, credentialId: tokenId });
  }
}
