import type { Page } from './identity';
import type { SortOrder } from './initiatives';

// The in-app inbox: what reaches a user, and how they mark it read.

/** What a notification is about. */
export const NOTIFICATION_KIND_VALUES = [
  /** A gate was submitted: to the sponsor (every active executive when there is none). */
  'gate_submitted',
  /** A gate was decided: to the owner and the team. */
  'gate_decided',
  /** A step was assigned to someone (on create or when its assignee changes). */
  'step_assigned',
  /** A milestone started while conditions of earlier gates are still open: to the owner. */
  'conditions_open',
  /** A step assigned to me is past its due date and not done (once per step). */
  'step_overdue',
  /** A measure went longer than its cadence allows without a reading (once per stale period). */
  'measure_stale',
  /** The sponsor accepted a proposed plan or sent it back, with the reason: to the owner and team. */
  'plan_reviewed',
  /** The value engine raised a tension alert: to the owner and the sponsor. */
  'alert_raised',
  /** A manager merged, declined (with the reason) or promoted an idea: to its submitter. */
  'idea_triaged',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KIND_VALUES)[number];

/** Field limits of the notifications table. */
export const NOTIFICATION_TITLE_MAX_LENGTH = 300;
export const NOTIFICATION_BODY_MAX_LENGTH = 2000;
export const NOTIFICATION_LINK_MAX_LENGTH = 500;

/** The `unread` filter of the inbox, as it is written in the query string. */
export const NOTIFICATION_UNREAD_FILTER_VALUES = ['true', 'false'] as const;
export type NotificationUnreadFilter = (typeof NOTIFICATION_UNREAD_FILTER_VALUES)[number];

export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app, e.g. `/initiatives/<id>`, `/approvals`, `/my-work`. */
  link: string;
  initiativeId: string | null;
  createdAt: string;
  /** Null while unread. */
  readAt: string | null;
}

/** My notifications, newest first, and how many of all of mine are unread. */
export interface NotificationPage extends Page<NotificationResponse> {
  unreadCount: number;
}

/** GET /api/notifications?unread=&kind=&initiativeId=&order=&limit=&offset= */
export interface NotificationListQuery {
  unread?: NotificationUnreadFilter;
  kind?: NotificationKind;
  initiativeId?: string;
  /** By creation time: `desc` (newest first, the default) or `asc`. */
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

/** The answer of POST /api/notifications/read-all. */
export interface MarkAllReadResponse {
  /** How many were unread and are read now. */
  marked: number;
  /** Unread after the call (0, unless new ones arrived meanwhile). */
  unreadCount: number;
}
