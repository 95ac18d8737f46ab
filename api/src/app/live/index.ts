/** What other features may use of live/ (import it from '../live', never from a file inside). */
export { type HeldEvents, LiveBus } from './live-bus';
export { envelopeOfAudit, notificationEnvelope } from './live-envelope';
export { LiveModule } from './live.module';
