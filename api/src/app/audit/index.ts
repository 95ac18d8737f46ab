/** What other features may use of audit/ (import it from '../audit', never from a file inside). */
export { AuditEventEntity } from './audit-event.entity';
export { AuditModule } from './audit.module';
export { type AuditListener, AuditService } from './audit.service';
export type { AuditEventInput } from './audit.types';
export { AUDIT_TEXT_MAX_LENGTH } from './audit.types';
