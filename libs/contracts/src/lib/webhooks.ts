// Outgoing webhooks (issue 19, part 4): an admin registers a URL, the kinds of event it follows
// and the format of its bodies; Waypoint posts each event there, signed, with retries.

/** The kinds of event a webhook may follow. */
export const WEBHOOK_EVENT_VALUES = [
  /** A gate (milestone) was submitted for decision. */
  'gate_submitted',
  /** A gate was decided: go, go with conditions, changes requested, on hold or rejected. */
  'gate_decided',
  /** A tension alert was raised on an initiative. */
  'alert_raised',
  /** An initiative moved from one status to another (by hand or by a gate decision). */
  'initiative_status_changed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENT_VALUES)[number];

/** What a delivery carries: one of the events, or the test an admin sends by hand. */
export const WEBHOOK_DELIVERY_EVENT_VALUES = [...WEBHOOK_EVENT_VALUES, 'test'] as const;
export type WebhookDeliveryEvent = (typeof WEBHOOK_DELIVERY_EVENT_VALUES)[number];

/** The body posted: Waypoint's own JSON, or the message shape of a Slack or Teams incoming webhook. */
export const WEBHOOK_FORMAT_VALUES = ['waypoint', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMAT_VALUES)[number];

/** Where a delivery is: waiting (or retrying), delivered, failed for good, or dropped. */
export const WEBHOOK_DELIVERY_STATUS_VALUES = [
  'pending',
  'delivered',
  'failed',
  'dropped',
] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUS_VALUES)[number];

export const WEBHOOK_NAME_MAX_LENGTH = 120;
export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** The headers of every delivery: the signature is HMAC-SHA256 of `<timestamp>.<body>`. */
export const WEBHOOK_HEADERS = {
  /** Seconds since 1970 at the time of the attempt. */
  timestamp: 'Waypoint-Timestamp',
  /** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret>`. */
  signature: 'Waypoint-Signature',
  /** The kind of event (WebhookDeliveryEvent). */
  event: 'Waypoint-Event',
  /** The delivery's id: the same on every retry of one delivery (for the receiver to dedupe). */
  delivery: 'Waypoint-Delivery',
} as const;

export interface WebhookResponse {
  id: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  /** A disabled webhook is sent nothing (events while disabled are not queued). */
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The answer of a creation or of a secret rotation: the secret, shown this once. */
export interface WebhookWithSecretResponse extends WebhookResponse {
  secret: string;
}

export interface CreateWebhookRequest {
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  enabled?: boolean;
}

export interface UpdateWebhookRequest {
  name?: string;
  url?: string;
  events?: WebhookEvent[];
  format?: WebhookFormat;
  enabled?: boolean;
}

/** One line of a webhook's delivery log. */
export interface WebhookDeliveryResponse {
  id: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** The HTTP status of the last attempt's answer; null when none came (refused, timed out). */
  responseCode: number | null;
  /** Why the last attempt failed, in words; null after a success. */
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** When a pending delivery is tried again. */
  nextAttemptAt: string | null;
}
