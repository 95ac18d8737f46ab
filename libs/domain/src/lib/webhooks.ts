import type {
  InitiativeStatus,
  WebhookDeliveryEvent,
  WebhookDeliveryStatus,
  WebhookFormat,
} from '@waypoint/contracts';

/**
 * Outgoing webhooks (issue 19, part 4): which addresses are accepted, and the words for their
 * events, formats and deliveries (the admin screen and the bodies posted say the same).
 */

/** An initiative's status in words: the web's labels and the webhooks' messages. */
export const INITIATIVE_STATUS_WORDS: Readonly<Record<InitiativeStatus, string>> = {
  draft: 'Draft',
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  stopped: 'Stopped',
};

export const WEBHOOK_EVENT_WORDS: Readonly<Record<WebhookDeliveryEvent, string>> = {
  gate_submitted: 'Gate submitted',
  gate_decided: 'Gate decided',
  alert_raised: 'Alert raised',
  initiative_status_changed: 'Initiative status changed',
  test: 'Test',
};

export const WEBHOOK_FORMAT_WORDS: Readonly<Record<WebhookFormat, string>> = {
  waypoint: 'Waypoint JSON',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};

export const WEBHOOK_DELIVERY_STATUS_WORDS: Readonly<Record<WebhookDeliveryStatus, string>> = {
  pending: 'Waiting',
  delivered: 'Delivered',
  failed: 'Failed',
  dropped: 'Not sent',
};

/** localhost, 127.0.0.0/8 and ::1: this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Why an address cannot receive webhooks (null: it can). HTTPS only, since the body and its
 * signature travel in it; plain HTTP only to this machine, and only when the installation allows
 * it (WEBHOOK_ALLOW_HTTP_LOOPBACK, for tests and development). No user name or password in it.
 */
export function webhookUrlProblem(raw: string, allowHttpLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a whole address, e.g. https://hooks.example.com/waypoint.';
  }
  if (url.username !== '' || url.password !== '') {
    return 'The address must not carry a user name or password.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowHttpLoopback && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:' && allowHttpLoopback) {
    return 'The address must start with https:// (plain http:// only to this machine).';
  }
  return 'The address must start with https://.';
}
