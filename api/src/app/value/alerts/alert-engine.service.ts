import { Injectable } from '@nestjs/common';
import type { AlertMeasureMove, AlertReading, AlertStandingPoint } from '@waypoint/contracts';
import {
  alertIdentity,
  type AlertRecordState,
  cycleWindow,
  reconcileAlerts,
  type StandingPoint,
  tensionAlerts,
  type TensionFinding,
  today,
} from '@waypoint/domain';
import { AuditService } from '../../audit';
import { NotificationEvents } from '../../notifications';
import { latestStartedCycle } from '../value-model';
import type { ValueInputs } from '../value-rows';
import {
  AlertInputsRepository,
  type AlertCustomerGroupRow,
  type AlertCycleRow,
  type AlertMeasureRow,
  type AlertReadingRow,
} from './alert-inputs.repository';
import { type AlertDetail, AlertsRepository, type NewAlert } from './alerts.repository';

/** How many initiatives a cycle write reconciles per batch of loads. */
const BATCH = 500;

/** A measure as loaded, before the ones without a baseline yet are left out. */
type PlannedAlertMeasure = Omit<AlertMeasureRow, 'baseline'> & { baseline: number | null };

/**
 * The value engine's alerts: called by the ValueEngine (value-engine.ts) with the inputs it has
 * just loaded, it keeps the alert records in step with the tension alerts of libs/domain, inside
 * the transaction of the write that changed an initiative's value inputs (a reading or its
 * correction, a measure written, a cycle written).
 *
 * Which cycle: the current one, the cycle that started last. Once a later cycle has started, the
 * alerts of an earlier cycle no longer change by the engine: they are the record of that cycle
 * (open ones still wait for an answer, and may be acknowledged or dismissed). A late reading
 * observed in an earlier cycle moves the current cycle's opening, so its effect is seen there.
 *
 * What it does (reconcileAlerts in libs/domain): a finding with no live record of its identity
 * raises one, keeping its readings, the initiative's indices and the measures' moves, notifying
 * the owner and the sponsor; a live record whose finding is gone is resolved; what an executive
 * dismissed is not raised again in the same cycle. Every raise and resolve is audited (actor:
 * the system) with its own history event.
 */
@Injectable()
export class AlertEngine {
  constructor(
    private readonly inputs: AlertInputsRepository,
    private readonly records: AlertsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationEvents,
  ) {}

  /**
   * The value inputs of these initiatives changed: reconciles their alerts in the current cycle
   * from what the engine loaded to compute their rows (their measures, their decisive readings
   * at `now`, every cycle and customer group), so no input is read twice.
   */
  async initiativesChanged(
    initiativeIds: readonly string[],
    loaded: ValueInputs,
    now: Date,
    records: ReadonlyArray<AlertRecordState & { initiativeId: string; cycleId: string }>,
  ): Promise<void> {
    const cycle = latestStartedCycle(loaded.cycles, new Date());
    if (cycle === null || initiativeIds.length === 0) return;
    const states = records.filter((r) => r.cycleId === cycle.id);
    await this.reconcileWith(initiativeIds, cycle, now, loaded, states);
  }

  /**
   * A cycle created or re-dated may change which cycle is current and every initiative's
   * standings in it: every initiative with measures is reconciled, in batches. A rare write of
   * an executive or admin; its cost grows with the portfolio, not with the readings of one batch.
   */
  async cyclesChanged(): Promise<void> {
    const now = new Date();
    const cycle = await this.inputs.currentCycle(today(now));
    if (cycle === null) return;
    const ids = await this.inputs.initiativesWithMeasures();
    for (let from = 0; from < ids.length; from += BATCH) {
      const batch = ids.slice(from, from + BATCH);
      await this.reconcileWith(batch, cycle, now, {
        measures: await this.inputs.measures(batch),
        readings: await this.inputs.effectiveReadings(batch),
        groups: await this.inputs.customerGroups(batch),
      });
    }
  }

  /**
   * Reconciles the records of these initiatives in the cycle with what libs/domain finds;
   * `loadedStates` are their records in the cycle when the caller loaded them with the inputs.
   */
  private async reconcileWith(
    initiativeIds: readonly string[],
    cycle: AlertCycleRow,
    now: Date,
    {
      measures,
      readings,
      groups,
    }: {
      measures: readonly PlannedAlertMeasure[];
      readings: readonly AlertReadingRow[];
      groups: readonly AlertCustomerGroupRow[];
    },
    loadedStates?: ReadonlyArray<AlertRecordState & { initiativeId: string }>,
  ): Promise<void> {
    const states = loadedStates ?? (await this.records.states(initiativeIds, cycle.id));
    const window = cycleWindow(cycle);
    for (const initiativeId of initiativeIds) {
      // A measure still waiting for its first reading (no baseline) has nothing to alert on.
      const own = measures.filter(
        (m): m is AlertMeasureRow => m.initiativeId === initiativeId && m.baseline !== null,
      );
      const ownIds = new Set(own.map((m) => m.id));
      const ownReadings = readings.filter((r) => ownIds.has(r.measureId));
      const findings =
        own.length === 0
          ? []
          : tensionAlerts({
              cycle: window,
              measures: own,
              readings: ownReadings,
              customerGroups: groups,
              now,
            });
      const plan = reconcileAlerts(
        findings,
        states.filter((s) => s.initiativeId === initiativeId),
      );
      for (const finding of plan.raise) {
        await this.raise(initiativeId, cycle, finding, own, ownReadings);
      }
      for (const id of await this.records.resolve(plan.resolve)) {
        await this.records.addEvent({ alertId: id, action: 'resolved', actorId: null, note: null });
        await this.audit.record({
          actor: null,
          action: 'resolve',
          entityType: 'alert',
          entityId: id,
          initiativeId,
          after: { status: 'resolved' },
        });
      }
    }
  }

  private async raise(
    initiativeId: string,
    cycle: AlertCycleRow,
    finding: TensionFinding,
    measures: readonly AlertMeasureRow[],
    readings: readonly AlertReadingRow[],
  ): Promise<void> {
    const alert: NewAlert = {
      initiativeId,
      cycleId: cycle.id,
      kind: finding.kind,
      measureId: alertIdentity(finding).measureId,
      severity: finding.severity,
      explanation: finding.explanation,
      measureIds: finding.measureIds,
      readingIds: finding.readingIds,
      detail: detailOf(finding, measures, readings),
    };
    const id = await this.records.insert(alert);
    if (id === null) return;
    await this.records.addEvent({ alertId: id, action: 'raised', actorId: null, note: null });
    await this.audit.record({
      actor: null,
      action: 'raise',
      entityType: 'alert',
      entityId: id,
      initiativeId,
      after: {
        status: 'open',
        cycleId: cycle.id,
        kind: alert.kind,
        severity: alert.severity,
        explanation: alert.explanation,
        readingIds: alert.readingIds,
      },
    });
    await this.notifications.alertRaised({
      id,
      initiativeId,
      cycleName: cycle.name,
      critical: alert.severity === 'critical',
      explanation: alert.explanation,
    });
  }
}

/** What the record keeps: the readings behind the finding, the indices and the moves. */
export function detailOf(
  finding: TensionFinding,
  measures: readonly AlertMeasureRow[],
  readings: readonly AlertReadingRow[],
): AlertDetail {
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const readingById = new Map(readings.map((r) => [r.id, r]));
  return {
    readings: finding.readingIds.flatMap((id): AlertReading[] => {
      const reading = readingById.get(id);
      if (reading === undefined) return [];
      return [
        {
          id,
          measureId: reading.measureId,
          measureName: measureById.get(reading.measureId)?.name ?? '',
          value: reading.value,
          observedAt: reading.observedAt.toISOString(),
        },
      ];
    }),
    indices: finding.indices,
    moves: finding.moves.flatMap((move): AlertMeasureMove[] => {
      const measure = measureById.get(move.measureId);
      if (measure === undefined) return [];
      return [
        {
          measureId: move.measureId,
          measureName: measure.name,
          unit: measure.unit,
          perspective: measure.perspective,
          opening: pointOf(move.opening),
          closing: pointOf(move.closing),
          improvement: move.change.improvement,
          progressOpening: move.change.progressOpening,
          progressClosing: move.change.progressClosing,
          progressChange: move.change.progressChange,
        },
      ];
    }),
  };
}

function pointOf(point: StandingPoint): AlertStandingPoint {
  return {
    readingId: point.reading?.id ?? null,
    value: point.value,
    observedAt: point.reading?.observedAt.toISOString() ?? null,
  };
}
