import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  AlertResponse,
  AlertStatus,
  Page,
  PortfolioAlertRecord,
  PortfolioAlertRecordsResponse,
} from '@waypoint/contracts';
import {
  alertAnswerProblem,
  type AlertAnswerAction,
  assertRule,
  DEFAULT_TENSION_THRESHOLD,
  DomainError,
  LIVE_ALERT_STATUSES,
  today,
} from '@waypoint/domain';
import { AuditService } from '../../audit';
import type { Actor } from '../../auth';
import { pageOf, type PageRequest } from '../../common';
import { AlertInputsRepository } from './alert-inputs.repository';
import { type AlertViewer, mapAlert } from './alert-view';
import { type AlertFilter, type AlertRow, AlertsRepository } from './alerts.repository';

export const ALERT_NOT_FOUND = 'No such alert.';

/** Roles that read every initiative's alerts; members read those of initiatives they are on. */
const SEE_ALL: readonly string[] = ['admin', 'executive', 'manager'];

/** Reading alert records and answering them: acknowledge (owner, sponsor), dismiss (executive). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly records: AlertsRepository,
    private readonly inputs: AlertInputsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    filter: Omit<AlertFilter, 'visibleTo'>,
    page: PageRequest,
    viewer: AlertViewer,
  ): Promise<Page<AlertResponse>> {
    const visibleTo = SEE_ALL.includes(viewer.role) ? null : viewer.id;
    const { rows, total } = await this.records.list({ ...filter, visibleTo }, page);
    return pageOf(await this.describe(rows, viewer), total, page);
  }

  async get(id: string, viewer: AlertViewer): Promise<AlertResponse> {
    const row = await this.records.findById(id);
    if (row === null) throw new NotFoundException(ALERT_NOT_FOUND);
    const [alert] = await this.describe([row], viewer);
    if (alert === undefined) throw new NotFoundException(ALERT_NOT_FOUND);
    return alert;
  }

  /** The owner or the sponsor says what they will do: open → acknowledged. */
  acknowledge(id: string, note: string, actor: Actor, viewer: AlertViewer): Promise<AlertResponse> {
    return this.answer(id, 'acknowledge', note, actor, viewer);
  }

  /** An executive sets it aside for the cycle, with a reason: open | acknowledged → dismissed. */
  dismiss(id: string, reason: string, actor: Actor, viewer: AlertViewer): Promise<AlertResponse> {
    return this.answer(id, 'dismiss', reason, actor, viewer);
  }

  /**
   * GET /api/portfolio/alerts from the records: the live alerts (open or acknowledged) of the
   * cycle (default: the current one), newest first, the first `limit` of them and how many.
   * The records are raised at the engine's threshold; a higher `threshold` keeps the divergence
   * alerts whose falling index fell by more than it (the other kinds do not depend on it).
   */
  async portfolioAlerts(
    cycleId: string | undefined,
    threshold: number | undefined,
    limit: number,
  ): Promise<PortfolioAlertRecordsResponse> {
    const cycle =
      cycleId === undefined
        ? await this.inputs.currentCycle(today(new Date()))
        : await this.inputs.cycle(cycleId);
    if (cycleId !== undefined && cycle === null) {
      const problem = `There is no cycle with the id ${cycleId}.`;
      throw new DomainError('reference_invalid', problem, { cycleId: [problem] });
    }
    const used = Math.max(threshold ?? DEFAULT_TENSION_THRESHOLD, DEFAULT_TENSION_THRESHOLD);
    if (cycle === null) return { cycle: null, threshold: used, total: 0, items: [] };
    const { rows } = await this.records.list(
      { statuses: LIVE_ALERT_STATUSES, cycleId: cycle.id, visibleTo: null },
      { limit: Number.MAX_SAFE_INTEGER, offset: 0 },
    );
    const kept = rows.filter((row) => beyond(row, used));
    const items = kept.slice(0, limit).map(
      (row): PortfolioAlertRecord => ({
        id: row.id,
        status: row.status,
        acknowledgement:
          row.acknowledgementNote !== null && row.acknowledgedAt !== null
            ? {
                by: { id: row.acknowledgedBy ?? '', displayName: row.acknowledgedByName ?? '' },
                at: row.acknowledgedAt.toISOString(),
                note: row.acknowledgementNote,
              }
            : null,
        kind: row.kind,
        severity: row.severity,
        explanation: row.explanation,
        measureIds: row.measureIds,
        readingIds: row.readingIds,
        readings: row.detail.readings,
        initiative: { id: row.initiativeId, title: row.initiativeTitle },
      }),
    );
    return {
      cycle: { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
      threshold: used,
      total: kept.length,
      items,
    };
  }

  private answer(
    id: string,
    action: AlertAnswerAction,
    note: string,
    actor: Actor,
    viewer: AlertViewer,
  ): Promise<AlertResponse> {
    return this.txHost.withTransaction(async () => {
      const before = await this.records.findById(id);
      if (before === null) throw new NotFoundException(ALERT_NOT_FOUND);
      assertRule('alert_closed', alertAnswerProblem(before.status, action));
      const status: AlertStatus = action === 'acknowledge' ? 'acknowledged' : 'dismissed';
      const from: readonly AlertStatus[] =
        action === 'acknowledge' ? ['open'] : LIVE_ALERT_STATUSES;
      const text = note.trim();
      const changed = await this.records.answer(id, from, { status, by: actor.userId, note: text });
      if (!changed) {
        // Answered or resolved by someone else since it was read: say what it is now.
        const now = await this.records.findById(id);
        assertRule(
          'alert_closed',
          alertAnswerProblem(now?.status ?? 'resolved', action) ??
            'This alert changed while it was being answered.',
        );
      }
      await this.records.addEvent({
        alertId: id,
        action: status,
        actorId: actor.userId,
        note: text,
      });
      const after = await this.get(id, viewer);
      await this.audit.record({
        actor,
        action,
        entityType: 'alert',
        entityId: id,
        initiativeId: before.initiativeId,
        before: { status: before.status },
        after: {
          status: after.status,
          ...(action === 'acknowledge' ? { note: text } : { reason: text }),
        },
      });
      return after;
    });
  }

  private async describe(rows: readonly AlertRow[], viewer: AlertViewer): Promise<AlertResponse[]> {
    const events = await this.records.events(rows.map((row) => row.id));
    return rows.map((row) => mapAlert(row, events, viewer));
  }
}

/** Whether a record counts at `threshold`: a divergence whose falling index fell by more. */
function beyond(row: AlertRow, threshold: number): boolean {
  const losing =
    row.kind === 'customer_worsens_as_business_improves'
      ? row.detail.indices.customer
      : row.kind === 'business_worsens_as_customer_improves'
        ? row.detail.indices.business
        : null;
  if (losing === null) return true;
  return losing.change !== null && -losing.change > threshold;
}
