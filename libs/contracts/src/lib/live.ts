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
  /** An idea of the backlog was submitted, "me too"ed or triaged (everyone sees ideas). */
  'idea',
  /** A customer moment was added, changed, rated, reordered or removed (everyone sees them). */
  'moment',
  /**
   * A self-assessment was opened or closed, or someone answered it or changed their answer
   * (everyone may read self-assessments). Ids only, as every event: never who answered, nor what.
   */
  'self_assessment',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/** Kinds every signed-in user may receive, whatever initiative they belong to (if any). */
export const PUBLIC_LIVE_EVENT_KINDS: readonly LiveEventKind[] = [
  'idea',
  'moment',
  'self_assessment',
];

/** The `data:` of one `change` event. */
export interface LiveEvent {
  kind: LiveEventKind;
  /**
   * The initiative the change belongs to; null for notifications, ideas, moments and
   * self-assessments.
   */
  initiativeId: string | null;
  /** The changed record (for notifications: the recipient's inbox, i.e. the user id). */
  id: string;
  /** When it was committed (ISO 8601). */
  at: string;
}

/** The SSE event name of a change. */
export const LIVE_CHANGE_EVENT = 'change';
