import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  type AlertEventAction,
  type AlertIndexStanding,
  type AlertMeasureMove,
  type AlertReading,
  type AlertSeverity,
  type AlertStatus,
  TENSION_ALERT_KIND_VALUES,
  type TensionAlertKind,
} from '@waypoint/contracts';
import type { AlertRecordState } from '@waypoint/domain';
import { clockNow, type PageRequest, returnedRows } from '../../common';

/** What an alert keeps of what raised it (the `detail` column). */
export interface AlertDetail {
  readings: AlertReading[];
  indices: { customer: AlertIndexStanding; business: AlertIndexStanding };
  moves: AlertMeasureMove[];
}

export interface NewAlert {
  initiativeId: string;
  cycleId: string;
  kind: TensionAlertKind;
  measureId: string | null;
  severity: AlertSeverity;
  explanation: string;
  measureIds: string[];
  readingIds: string[];
  detail: AlertDetail;
}

/** A stored alert with the names it is shown with. */
export interface AlertRow {
  id: string;
  initiativeId: string;
  initiativeTitle: string;
  ownerId: string;
  sponsorId: string | null;
  cycleId: string;
  cycleName: string;
  startsOn: string;
  endsOn: string;
  kind: TensionAlertKind;
  status: AlertStatus;
  severity: AlertSeverity;
  explanation: string;
  measureIds: string[];
  readingIds: string[];
  detail: AlertDetail;
  raisedAt: Date;
  resolvedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: Date | null;
  acknowledgementNote: string | null;
  dismissedBy: string | null;
  dismissedByName: string | null;
  dismissedAt: Date | null;
  dismissalReason: string | null;
}

export interface AlertEventRow {
  alertId: string;
  action: AlertEventAction;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
}

export interface AlertFilter {
  statuses?: readonly AlertStatus[];
  cycleId?: string;
  initiativeId?: string;
  /** Only alerts of initiatives this member owns or is on (null: every initiative). */
  visibleTo: string | null;
  /** Only those that count at this threshold ({@link BEYOND}). */
  beyond?: number;
}

/** A person's answer: acknowledge (a note) or dismiss (a reason). */
export type AlertAnswerChange =
  | { status: 'acknowledged'; by: string; note: string }
  | { status: 'dismissed'; by: string; note: string };

const LIVE = `('open', 'acknowledged')`;

/**
 * Whether record `a` counts at threshold `t`: records are raised at the engine's threshold; a
 * divergence counts when its falling index fell by more than `t` (as it did when raised); the
 * other kinds do not depend on the threshold.
 */
const BEYOND = (t: string): string => `CASE a.kind
    WHEN 'customer_worsens_as_business_improves'
      THEN coalesce(-(a.detail #>> '{indices,customer,change}')::float8 > ${t}, false)
    WHEN 'business_worsens_as_customer_improves'
      THEN coalesce(-(a.detail #>> '{indices,business,change}')::float8 > ${t}, false)
    ELSE true END`;

const SELECT = `
  SELECT a.id, a.initiative_id AS "initiativeId", i.title AS "initiativeTitle",
         i.owner_id AS "ownerId", i.sponsor_id AS "sponsorId",
         a.cycle_id AS "cycleId", c.name AS "cycleName",
         c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
         a.kind, a.status, a.severity, a.explanation,
         a.measure_ids::text[] AS "measureIds", a.reading_ids::text[] AS "readingIds", a.detail,
         a.raised_at AS "raisedAt", a.resolved_at AS "resolvedAt",
         a.acknowledged_by AS "acknowledgedBy", ack.display_name AS "acknowledgedByName",
         a.acknowledged_at AS "acknowledgedAt", a.acknowledgement_note AS "acknowledgementNote",
         a.dismissed_by AS "dismissedBy", dis.display_name AS "dismissedByName",
         a.dismissed_at AS "dismissedAt", a.dismissal_reason AS "dismissalReason"
    FROM alerts a
    JOIN initiatives i ON i.id = a.initiative_id
    JOIN cycles c ON c.id = a.cycle_id
    LEFT JOIN users ack ON ack.id = a.acknowledged_by
    LEFT JOIN users dis ON dis.id = a.dismissed_by`;

/** The alert records and their history. Runs in the current unit of work (or on its own). */
@Injectable()
export class AlertsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.txHost.tx.query(sql, [...params]) as Promise<T[]>;
  }

  /** Every record of these initiatives in the cycle, as reconciliation compares them. */
  async states(
    initiativeIds: readonly string[],
    cycleId: string,
  ): Promise<Array<AlertRecordState & { initiativeId: string }>> {
    return this.query(
      `SELECT id, initiative_id AS "initiativeId", kind, measure_id AS "measureId", status
         FROM alerts WHERE initiative_id = ANY($1::uuid[]) AND cycle_id = $2
        ORDER BY raised_at, id`,
      [initiativeIds, cycleId],
    );
  }

  /**
   * Raises an alert; null when a live one of the same identity exists already (a concurrent
   * write raised it first: the unique index `alerts_live_identity` is the last word).
   */
  async insert(alert: NewAlert): Promise<string | null> {
    const rows = await this.query<{ id: string }>(
      `INSERT INTO alerts (initiative_id, cycle_id, kind, measure_id, severity, explanation,
                           measure_ids, reading_ids, detail, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[], $9::jsonb, $10)
       ON CONFLICT (initiative_id, cycle_id, kind,
                    coalesce(measure_id, '00000000-0000-0000-0000-000000000000'))
         WHERE status IN ${LIVE} DO NOTHING
       RETURNING id`,
      [
        alert.initiativeId,
        alert.cycleId,
        alert.kind,
        alert.measureId,
        alert.severity,
        alert.explanation,
        alert.measureIds,
        alert.readingIds,
        JSON.stringify(alert.detail),
        clockNow(),
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Resolves the live ones of these alerts; answers those it resolved. */
  async resolve(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await this.query<unknown>(
      `UPDATE alerts SET status = 'resolved', resolved_at = now(), version = version + 1,
              updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ${LIVE}
        RETURNING id`,
      [ids],
    );
    return returnedRows<{ id: string }>(result).map((row) => row.id);
  }

  /**
   * Answers an alert in one statement, the check included: only while its status is one of
   * `from`. False when it is not (anymore): the caller reads it again to say why.
   */
  async answer(
    id: string,
    from: readonly AlertStatus[],
    change: AlertAnswerChange,
  ): Promise<boolean> {
    const set =
      change.status === 'acknowledged'
        ? `acknowledged_by = $3, acknowledged_at = now(), acknowledgement_note = $4`
        : `dismissed_by = $3, dismissed_at = now(), dismissal_reason = $4`;
    const result = await this.query<unknown>(
      `UPDATE alerts SET status = $2, ${set}, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = ANY($5::text[])
        RETURNING id`,
      [id, change.status, change.by, change.note, from],
    );
    return returnedRows(result).length > 0;
  }

  async addEvent(event: {
    alertId: string;
    action: AlertEventAction;
    actorId: string | null;
    note: string | null;
  }): Promise<void> {
    await this.query(
      `INSERT INTO alert_events (alert_id, action, actor_id, note, at) VALUES ($1, $2, $3, $4, $5)`,
      [event.alertId, event.action, event.actorId, event.note, clockNow()],
    );
  }

  async findById(id: string): Promise<AlertRow | null> {
    const rows = await this.query<AlertRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first (live ones before closed ones within a status filter), paged, with the total. */
  async list(filter: AlertFilter, page: PageRequest): Promise<{ rows: AlertRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      where.push(`a.status = ANY(${param(filter.statuses)}::text[])`);
    }
    if (filter.cycleId !== undefined) where.push(`a.cycle_id = ${param(filter.cycleId)}`);
    if (filter.initiativeId !== undefined) {
      where.push(`a.initiative_id = ${param(filter.initiativeId)}`);
    }
    if (filter.visibleTo !== null) {
      // Members see the alerts of what they own or are on, as they see the initiatives.
      const me = param(filter.visibleTo);
      where.push(
        `(i.owner_id = ${me} OR EXISTS (
           SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = ${me}))`,
      );
    }
    if (filter.beyond !== undefined) where.push(BEYOND(`${param(filter.beyond)}::float8`));
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const counted = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM alerts a JOIN initiatives i ON i.id = a.initiative_id
        ${condition}`,
      params,
    );
    const rows = await this.query<AlertRow>(
      `${SELECT} ${condition}
        ORDER BY a.raised_at DESC, a.id DESC
        LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}`,
      params,
    );
    return { rows, total: counted[0]?.total ?? 0 };
  }

  /** How many live alerts of the cycle count at the threshold, and how many are critical. */
  async liveTotals(
    cycleId: string,
    threshold: number,
  ): Promise<{ count: number; critical: number }> {
    const rows = await this.query<{ count: number; critical: number }>(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE a.severity = 'critical')::int AS critical
         FROM alerts a
        WHERE a.cycle_id = $1 AND a.status IN ${LIVE} AND ${BEYOND('$2::float8')}`,
      [cycleId, threshold],
    );
    return rows[0] ?? { count: 0, critical: 0 };
  }

  /**
   * The live alerts of one initiative in the cycle that count at the threshold, in the order of
   * their kinds (as libs/domain lists its findings), then oldest first.
   */
  async liveOf(initiativeId: string, cycleId: string, threshold: number): Promise<AlertRow[]> {
    return this.query<AlertRow>(
      `${SELECT} WHERE a.initiative_id = $1 AND a.cycle_id = $2 AND a.status IN ${LIVE}
          AND ${BEYOND('$3::float8')}
        ORDER BY array_position($4::text[], a.kind::text), a.raised_at, a.explanation, a.id`,
      [initiativeId, cycleId, threshold, TENSION_ALERT_KIND_VALUES],
    );
  }

  /** The history of these alerts, oldest first. */
  async events(alertIds: readonly string[]): Promise<AlertEventRow[]> {
    if (alertIds.length === 0) return [];
    return this.query<AlertEventRow>(
      `SELECT e.alert_id AS "alertId", e.action, e.at, e.actor_id AS "actorId",
              u.display_name AS "actorName", e.note
         FROM alert_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.alert_id = ANY($1::uuid[])
        ORDER BY e.at, e.id`,
      [alertIds],
    );
  }
}
