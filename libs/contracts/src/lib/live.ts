/**
 * Live updates (GET /api/events, server-sent events). An event says only what changed (a kind
 * and ids), never its content: clients refetch through the ordinary, authorised endpoints.
 */
export const LIVE_EVENT_KINDS = [
  'initiative',
  'milestone',
  'step',
  'measure',
  'reading',
  'comment',
  'decision',
  'review',
  'notification',
  /** A tension alert was raised, resolved, acknowledged or dismissed. */
  'alert',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/** The `data:` of one `change` event. */
export interface LiveEvent {
  kind: LiveEventKind;
  /** The initiative the change belongs to; null only for notifications. */
  initiativeId: string | null;
  /** The changed record (for notifications: the recipient's inbox, i.e. the user id). */
  id: string;
  /** When it was committed (ISO 8601). */
  at: string;
}

/** The SSE event name of a change. */
export const LIVE_CHANGE_EVENT = 'change';
