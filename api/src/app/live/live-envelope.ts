import {
  LIVE_EVENT_KINDS,
  type LiveEvent,
  type LiveEventKind,
  PUBLIC_LIVE_EVENT_KINDS,
} from '@waypoint/contracts';
import type { AccessEnded } from '../common';

/** The PostgreSQL channel every instance listens on. */
/**
 * What the live bus needs of an audited change (the audit trail's event input has these fields;
 * the audit trail depends on live, not the other way round).
 */
export interface AuditedChange {
  actor: { userId: string } | null;
  entityType: string;
  entityId: string;
  initiativeId?: string | null;
}

export const LIVE_CHANNEL = 'waypoint_live';

/** NOTIFY refuses payloads of 8000 bytes or more; ours are ids only (about 200 bytes). */
export const NOTIFY_PAYLOAD_LIMIT = 7900;

/** A change as it travels between instances: the event, and who may receive it. */
export interface LiveEnvelope {
  event: LiveEvent;
  /** For notifications: the one user who may receive it. */
  recipientId: string | null;
}

/** Access ended (sign-out, token revoked, user deactivated or role changed): close the streams. */
export interface AccessEndedEnvelope {
  accessEnded: AccessEnded;
}

/** What travels on the bus: a change for the streams to send, or an order to close some. */
export type BusMessage = LiveEnvelope | AccessEndedEnvelope;

export function isAccessEnded(message: BusMessage): message is AccessEndedEnvelope {
  return 'accessEnded' in message;
}

/** Which audited records are shown live, and as what kind. Others (users, departments...) are not. */
const KIND_OF_ENTITY: Readonly<Record<string, LiveEventKind>> = {
  initiative: 'initiative',
  milestone: 'milestone',
  step: 'step',
  measure: 'measure',
  reading: 'reading',
  reading_import: 'reading',
  comment: 'comment',
  gate_decision: 'decision',
  decision_condition: 'decision',
  cycle_review: 'review',
  alert: 'alert',
  idea: 'idea',
  customer_moment: 'moment',
  customer_moment_order: 'moment',
  self_assessment: 'self_assessment',
  initiative_money: 'initiative',
  measure_value: 'measure',
  realised_benefit: 'initiative',
  win: 'initiative',
};

/**
 * The live event of an audited change, or null when it is not shown live. A change without a
 * known initiative is dropped: without it nobody could tell who may see it.
 */
export function envelopeOfAudit(input: AuditedChange, at: Date): LiveEnvelope | null {
  if (input.entityType === 'notification' || input.entityType === 'notification_inbox') {
    // Reading notifications changes the reader's own badge (in their other tabs).
    return input.actor ? notificationEnvelope(input.actor.userId, at) : null;
  }
  const kind = KIND_OF_ENTITY[input.entityType];
  if (!kind) return null;
  const initiativeId =
    input.initiativeId ?? (input.entityType === 'initiative' ? input.entityId : null);
  if (!initiativeId && !PUBLIC_LIVE_EVENT_KINDS.includes(kind)) return null;
  return {
    event: { kind, initiativeId: initiativeId ?? null, id: input.entityId, at: at.toISOString() },
    recipientId: null,
  };
}

/** "Your inbox changed", for its owner only. */
export function notificationEnvelope(userId: string, at: Date): LiveEnvelope {
  return {
    event: { kind: 'notification', initiativeId: null, id: userId, at: at.toISOString() },
    recipientId: userId,
  };
}

export function encodeEnvelope(envelope: BusMessage): string {
  const payload = JSON.stringify(envelope);
  if (Buffer.byteLength(payload, 'utf8') > NOTIFY_PAYLOAD_LIMIT) {
    throw new Error('live event payload too large for NOTIFY');
  }
  return payload;
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** Parses a NOTIFY payload; null for anything that is not a well-formed message. */
export function decodeEnvelope(payload: string): BusMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  if ('accessEnded' in parsed) {
    const ended = (parsed as { accessEnded?: unknown }).accessEnded;
    if (typeof ended !== 'object' || ended === null) return null;
    const { userId, credentialId, staleOnly } = ended as Record<string, unknown>;
    if (!isString(userId) || (credentialId !== null && !isString(credentialId))) return null;
    if (staleOnly !== undefined && staleOnly !== true) return null;
    return { accessEnded: { userId, credentialId, ...(staleOnly ? { staleOnly } : {}) } };
  }
  const { event, recipientId } = parsed as { event?: unknown; recipientId?: unknown };
  if (typeof event !== 'object' || event === null) return null;
  const { kind, initiativeId, id, at } = event as Record<string, unknown>;
  if (!(LIVE_EVENT_KINDS as readonly unknown[]).includes(kind)) return null;
  if (!isString(id) || !isString(at)) return null;
  if (initiativeId !== null && !isString(initiativeId)) return null;
  if (recipientId !== null && !isString(recipientId)) return null;
  const isPublic = PUBLIC_LIVE_EVENT_KINDS.includes(kind as LiveEventKind);
  if (kind === 'notification' ? recipientId === null : initiativeId === null && !isPublic) {
    return null;
  }
  return {
    event: { kind: kind as LiveEventKind, initiativeId, id, at },
    recipientId,
  };
}
