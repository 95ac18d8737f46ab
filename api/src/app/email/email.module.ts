import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { EmailController } from './email.controller';
import { EmailOutbox } from './email-outbox';
import { EmailOutboxRepository } from './email-outbox.repository';
import { EmailPreferencesRepository } from './email-preferences.repository';
import { EmailPreferencesService } from './email-preferences.service';
import { EmailTransport } from './email-transport';
import { EmailWorker } from './email-worker';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * Email (issue 19): the outbox that notifications are queued in (`EmailOutbox`, in the change's
 * transaction), the worker that sends it over SMTP, each person's preferences and the unsubscribe
 * links. Global, so that the notifications can queue without importing it.
 */
@Global()
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [EmailController],
  providers: [
    EmailOutboxRepository,
    EmailPreferencesRepository,
    EmailOutbox,
    EmailTransport,
    UnsubscribeLinks,
    EmailWorker,
    EmailPreferencesService,
  ],
  exports: [EmailOutbox],
})
export class EmailModule {}
