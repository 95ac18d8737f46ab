import { Injectable, NotFoundException } from '@nestjs/common';
import type { ApiTokenResponse, CreatedApiTokenResponse } from '@waypoint/contracts';
import type { AuthenticatedUser } from './authenticated-user';
import { ApiTokensRepository } from './api-tokens.repository';
import { newSecret } from './secrets';

/** Personal API tokens: created and revoked by their user, stored hashed, shown once. */
@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  list(user: AuthenticatedUser): Promise<ApiTokenResponse[]> {
    return this.tokens.listActive(user.id);
  }

  async create(user: AuthenticatedUser, name: string): Promise<CreatedApiTokenResponse> {
    const secret = newSecret('wpt');
    const created = await this.tokens.create(
      user.id,
      name.trim(),
      secret.token.slice(0, 10),
      secret.hash,
    );
    return { ...created, token: secret.token };
  }

  async revoke(user: AuthenticatedUser, tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(user.id, tokenId))) {
      throw new NotFoundException('You have no active API token with that id.');
    }
  }
}
