import type { Actor } from '../auth';

export const AUDIT_TEXT_MAX_LENGTH = 100;

/** What a change writes to the audit trail, in the same transaction as the change. */
export interface AuditEventInput {
  /** Who did it; null for the system (migrations, demo data, jobs). */
  actor: Actor | null;
  /** What was done, e.g. 'create', 'update'. */
  action: string;
  /** The kind of record, e.g. 'department', 'customer_group'. */
  entityType: string;
  entityId: string;
  /** The record's representation before and after (null for a create or a delete). */
  before?: object | null;
  after?: object | null;
  /** The initiative the record belongs to (itself, or the one it is under), for its history. */
  initiativeId?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}
