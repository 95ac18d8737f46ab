// Email (issue 19): what each person receives by email, and how they stop it.

/** The kinds of email a person chooses a delivery for (each groups some notification kinds). */
export const EMAIL_KIND_VALUES = [
  /** A gate waits for my decision (I am its sponsor, or an executive when it has none). */
  'gate_waiting',
  /** A gate or a plan of mine was decided, with its conditions (owner and team). */
  'gate_decided',
  /** A step was assigned to me, or a step of mine is overdue. */
  'step',
  /** A measure I record (or own) went stale: a link to record a reading. */
  'measure_stale',
  /** A tension alert was raised on an initiative I own or sponsor. */
  'alert_raised',
] as const;
export type EmailKind = (typeof EMAIL_KIND_VALUES)[number];

/** How a kind of email reaches me: at once, gathered in one daily digest, or not at all. */
export const EMAIL_DELIVERY_VALUES = ['immediate', 'digest', 'never'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERY_VALUES)[number];

/** The delivery of a kind nobody has chosen for yet. */
export const DEFAULT_EMAIL_DELIVERY: EmailDelivery = 'immediate';

export interface EmailPreference {
  kind: EmailKind;
  delivery: EmailDelivery;
}

/** GET /api/me/email-preferences: one row per kind, in EMAIL_KIND_VALUES order. */
export interface EmailPreferencesResponse {
  /** False when this server has no SMTP settings: nothing is sent, whatever is chosen. */
  emailEnabled: boolean;
  /** The hour (UTC, 0-23) at which the daily digest goes out. */
  digestHourUtc: number;
  preferences: EmailPreference[];
}

/** PUT /api/me/email-preferences: the kinds to change (others stay as they are). */
export interface UpdateEmailPreferencesRequest {
  preferences: EmailPreference[];
}

/** POST /api/email/unsubscribe/preview: what the link would stop, before anything changes. */
export interface UnsubscribeDescription {
  /** The address the link was sent to. */
  email: string;
  /** The kinds the link stops (every kind for a digest's link). */
  kinds: EmailKind[];
}

/** POST /api/email/unsubscribe/preview and POST /api/email/unsubscribe */
export interface UnsubscribeRequest {
  token: string;
}

/** The answer of POST /api/email/unsubscribe: the kinds now set to never. */
export type UnsubscribeResponse = UnsubscribeDescription;
