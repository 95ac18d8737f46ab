import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  AlertResponse,
  AlertStatus,
  CycleRef,
  Page,
  PortfolioAlertRecord,
  PortfolioAlertRecordsResponse,
} from '@waypoint/contracts';
import {
  alertAnswerProblem,
  type AlertAnswerAction,
  assertRule,
  DomainError,
  LIVE_ALERT_STATUSES,
  today,
} from '@waypoint/domain';
import { AuditService } from '../../audit';
import type { Actor } from '../../auth';
import { pageOf, type PageRequest } from '../../common';
import { type AlertCycleRow, AlertInputsRepository } from './alert-inputs.repository';
import { type AlertViewer, mapAlert, recordThreshold, tensionAlertOf } from './alert-view';
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
    const { cycle, threshold: used } = await this.cycleOf(cycleId, threshold);
    if (cycle === null) return { cycle: null, threshold: used, total: 0, items: [] };
    const { rows, total } = await this.records.list(
      { statuses: LIVE_ALERT_STATUSES, cycleId: cycle.id, visibleTo: null, beyond: used },
      { limit, offset: 0 },
    );
    const items = rows.map(
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
        ...tensionAlertOf(row),
        initiative: { id: row.initiativeId, title: row.initiativeTitle },
      }),
    );
    return { cycle: cycleRefOf(cycle), threshold: used, total, items };
  }

  /**
   * The portfolio summary's alerts card, from the same records as {@link portfolioAlerts}: how
   * many live alerts of the cycle (default: the current one) count at the threshold, and how
   * many of them are critical.
   */
  async totals(
    cycleId: string | undefined,
    threshold: number,
  ): Promise<{ cycle: CycleRef | null; count: number; critical: number }> {
    const { cycle, threshold: used } = await this.cycleOf(cycleId, threshold);
    if (cycle === null) return { cycle: null, count: 0, critical: 0 };
    return { cycle: cycleRefOf(cycle), ...(await this.records.liveTotals(cycle.id, used)) };
  }

  /**
   * The cycle asked for (default: the current one; a 422 problem for an unknown id), and the
   * threshold the records are read at: never below the engine's, which raised them.
   */
  private async cycleOf(
    cycleId: string | undefined,
    threshold: number | undefined,
  ): Promise<{ cycle: AlertCycleRow | null; threshold: number }> {
    const cycle =
      cycleId === undefined
        ? await this.inputs.currentCycle(today(new Date()))
        : await this.inputs.cycle(cycleId);
    if (cycleId !== undefined && cycle === null) {
      const problem = `There is no cycle with the id ${cycleId}.`;
      throw new DomainError('reference_invalid', problem, { cycleId: [problem] });
    }
    return { cycle, threshold: recordThreshold(threshold) };
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

function cycleRefOf(cycle: AlertCycleRow): CycleRef {
  return { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn };
}
