import type { TensionAlert } from './domain-alerts';
import type { Perspective } from './domain-enums';
import type { UserRef } from './initiatives';
import type { CycleRef } from './measures';
import type { AlertReading, PortfolioAlert, PortfolioAlertsResponse } from './portfolio';

// Alert records (issue 13, "alerts are records people act on"): raised by the value engine when a
// write makes a tension condition true, acted on by people, kept with their history.

/**
 * Where an alert record is: open (raised, nobody has answered), acknowledged (the owner or sponsor
 * said what they will do), resolved (the engine found the condition gone), dismissed (an
 * executive set it aside with a reason).
 */
export const ALERT_STATUS_VALUES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUS_VALUES)[number];

/** What happened to an alert record, oldest first in its history. */
export const ALERT_EVENT_ACTION_VALUES = [
  'raised',
  'acknowledged',
  'resolved',
  'dismissed',
] as const;
export type AlertEventAction = (typeof ALERT_EVENT_ACTION_VALUES)[number];

/** Length limits of an acknowledgement's note and a dismissal's reason. */
export const ALERT_NOTE_MIN_LENGTH = 3;
export const ALERT_NOTE_MAX_LENGTH = 2000;

/** An index (customer or business) of the initiative over the cycle, as the alert found it. */
export interface AlertIndexStanding {
  opening: number | null;
  closing: number | null;
  change: number | null;
}

/** A point a measure's cycle standing opens or closes at: a reading, or the baseline. */
export interface AlertStandingPoint {
  /** Null when the point is the measure's baseline. */
  readingId: string | null;
  value: number;
  /** When the reading was observed; null for the baseline. */
  observedAt: string | null;
}

/** How one measure behind the alert moved over the cycle. */
export interface AlertMeasureMove {
  measureId: string;
  measureName: string;
  unit: string;
  perspective: Perspective;
  opening: AlertStandingPoint;
  closing: AlertStandingPoint;
  /** Direction-aware change in the measure's unit: negative when it got worse. */
  improvement: number;
  progressOpening: number;
  progressClosing: number;
  progressChange: number;
}

/** One step of an alert's history. */
export interface AlertEventResponse {
  action: AlertEventAction;
  at: string;
  /** Who did it; null for the value engine (raised, resolved). */
  actor: UserRef | null;
  /** The acknowledgement's note or the dismissal's reason; null otherwise. */
  note: string | null;
}

/** A person's answer to an alert: the note of an acknowledgement or the reason of a dismissal. */
export interface AlertAnswer {
  by: UserRef;
  at: string;
  note: string;
}

/** GET /api/alerts/:id and the items of GET /api/alerts. */
export interface AlertResponse extends TensionAlert {
  id: string;
  status: AlertStatus;
  initiative: { id: string; title: string };
  cycle: CycleRef;
  raisedAt: string;
  /** When the engine resolved it; null while it is not resolved. */
  resolvedAt: string | null;
  /** The readings that raised it, as they were then. */
  readings: AlertReading[];
  /** The initiative's indices over the cycle when it was raised. */
  indices: { customer: AlertIndexStanding; business: AlertIndexStanding };
  /** The measures behind it with their own change, when it was raised. */
  moves: AlertMeasureMove[];
  acknowledgement: AlertAnswer | null;
  dismissal: AlertAnswer | null;
  history: AlertEventResponse[];
  /** What the signed-in user may do with it now. */
  can: { acknowledge: boolean; dismiss: boolean };
}

/** `?status=` of GET /api/alerts: one status, or `live` for open and acknowledged ones. */
export const ALERT_STATUS_FILTER_VALUES = [...ALERT_STATUS_VALUES, 'live'] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTER_VALUES)[number];

/** GET /api/alerts: filters (with `limit` and `offset`). */
export interface AlertListQuery {
  status?: AlertStatusFilter;
  cycleId?: string;
  initiativeId?: string;
}

/** POST /api/alerts/:id/acknowledge */
export interface AcknowledgeAlertRequest {
  /** What the owner or sponsor will do about it. */
  note: string;
}

/** POST /api/alerts/:id/dismiss */
export interface DismissAlertRequest {
  /** Why the executive sets it aside. */
  reason: string;
}

/** An item of GET /api/portfolio/alerts: a live alert record, with its status and answer. */
export interface PortfolioAlertRecord extends PortfolioAlert {
  id: string;
  status: AlertStatus;
  acknowledgement: AlertAnswer | null;
}

/** GET /api/portfolio/alerts: the live alert records of a cycle. */
export interface PortfolioAlertRecordsResponse extends Omit<PortfolioAlertsResponse, 'items'> {
  items: PortfolioAlertRecord[];
}
