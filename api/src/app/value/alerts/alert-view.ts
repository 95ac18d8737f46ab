import type {
  AlertEventResponse,
  AlertResponse,
  Role,
  TensionAlertDetail,
} from '@waypoint/contracts';
import { alertAnswerProblem, DEFAULT_TENSION_THRESHOLD } from '@waypoint/domain';
import { effectiveRelations, permissionRule, type Relation } from '../../auth';
import type { AlertEventRow, AlertRow } from './alerts.repository';

/** Who is looking at an alert: what they may do with it depends on their role and relations. */
export interface AlertViewer {
  id: string;
  role: Role;
}

/** Whether the viewer holds the permission for this alert's initiative (as the guard decides). */
function allowed(
  permission: 'alerts.acknowledge' | 'alerts.dismiss',
  row: AlertRow,
  viewer: AlertViewer,
): boolean {
  const rule = permissionRule(permission);
  if (rule.roles.includes(viewer.role)) return true;
  const relations: Relation[] = [];
  if (row.ownerId === viewer.id) relations.push('owner');
  if (row.sponsorId === viewer.id) relations.push('sponsor');
  const effective = effectiveRelations(relations, viewer.role);
  return rule.relations?.some((relation) => effective.includes(relation)) ?? false;
}

/** An alert record as the API answers it (entities never leave the API). */
export function mapAlert(
  row: AlertRow,
  events: readonly AlertEventRow[],
  viewer: AlertViewer,
): AlertResponse {
  const history = events
    .filter((event) => event.alertId === row.id)
    .map(
      (event): AlertEventResponse => ({
        action: event.action,
        at: event.at.toISOString(),
        actor:
          event.actorId === null ? null : { id: event.actorId, displayName: event.actorName ?? '' },
        note: event.note,
      }),
    );
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    severity: row.severity,
    explanation: row.explanation,
    measureIds: row.measureIds,
    readingIds: row.readingIds,
    initiative: { id: row.initiativeId, title: row.initiativeTitle },
    cycle: { id: row.cycleId, name: row.cycleName, startsOn: row.startsOn, endsOn: row.endsOn },
    raisedAt: row.raisedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    readings: row.detail.readings,
    indices: row.detail.indices,
    moves: row.detail.moves,
    acknowledgement:
      row.acknowledgedBy !== null && row.acknowledgedAt !== null
        ? {
            by: { id: row.acknowledgedBy, displayName: row.acknowledgedByName ?? '' },
            at: row.acknowledgedAt.toISOString(),
            note: row.acknowledgementNote ?? '',
          }
        : null,
    dismissal:
      row.dismissedBy !== null && row.dismissedAt !== null
        ? {
            by: { id: row.dismissedBy, displayName: row.dismissedByName ?? '' },
            at: row.dismissedAt.toISOString(),
            note: row.dismissalReason ?? '',
          }
        : null,
    history,
    can: {
      acknowledge:
        alertAnswerProblem(row.status, 'acknowledge') === null &&
        allowed('alerts.acknowledge', row, viewer),
      dismiss:
        alertAnswerProblem(row.status, 'dismiss') === null &&
        allowed('alerts.dismiss', row, viewer),
    },
  };
}

/** The threshold alert records are read at: the one asked, never below the engine's. */
export function recordThreshold(threshold: number | undefined): number {
  return Math.max(threshold ?? DEFAULT_TENSION_THRESHOLD, DEFAULT_TENSION_THRESHOLD);
}

/** What a record says of the tension it was raised for, with the readings that raised it. */
export function tensionAlertOf(row: AlertRow): TensionAlertDetail {
  return {
    kind: row.kind,
    severity: row.severity,
    explanation: row.explanation,
    measureIds: row.measureIds,
    readingIds: row.readingIds,
    readings: row.detail.readings,
  };
}
