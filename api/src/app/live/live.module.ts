import { Global, Module } from '@nestjs/common';
import { AccessEndedSignal } from '../common';
import { EventsController } from './events.controller';
import { LiveAudienceRepository } from './live-audience.repository';
import { LiveBus } from './live-bus';
import { LiveStreams } from './live-streams';

/**
 * Live updates: `LiveBus.publish()` for writers (called by the audit trail and the inbox inside
 * their transactions), fan-out across instances through PostgreSQL LISTEN/NOTIFY, and
 * GET /api/events. Global, so the audit trail and the inbox can publish without importing it, and
 * sign-out, token revocation and deactivation can end open streams (`AccessEndedSignal`).
 */
@Global()
@Module({
  controllers: [EventsController],
  providers: [LiveBus, LiveStreams, LiveAudienceRepository, AccessEndedSignal],
  exports: [LiveBus, AccessEndedSignal],
})
export class LiveModule {}
