import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CredentialsRepository } from './credentials.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { InitiativeRelationsRepository } from './initiative-relations.repository';
import { PasswordHashing } from './password-hashing';
import { PublicOrigin } from './public-origin';
import { SessionCache } from './session-cache';

@Module({
  controllers: [AuthController, ApiTokensController],
  providers: [
    AuthService,
    ApiTokensService,
    ApiTokensRepository,
    CredentialsRepository,
    LoginThrottleRepository,
    InitiativeRelationsRepository,
    PasswordHashing,
    PublicOrigin,
    SessionCache,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AuthService,
    CredentialsRepository,
    InitiativeRelationsRepository,
    PasswordHashing,
    PublicOrigin,
  ],
})
export class AuthModule {}
