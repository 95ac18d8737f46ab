import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { UsersModule } from '../users';
import { SsoClient } from './sso-client';
import { SsoController } from './sso.controller';
import { SsoLoginsRepository } from './sso-logins.repository';
import { SsoService } from './sso.service';

/** Single sign-on with OpenID Connect (issue 19): see sso.service.ts. */
@Module({
  imports: [AuthModule, AuditModule, UsersModule],
  controllers: [SsoController],
  providers: [SsoService, SsoClient, SsoLoginsRepository],
})
export class SsoModule {}
