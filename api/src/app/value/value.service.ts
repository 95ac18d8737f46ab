import { Injectable, NotFoundException } from '@nestjs/common';
import type { InitiativeValueResponse } from '@waypoint/contracts';
import { DEFAULT_CRITICAL_DROP, DomainError } from '@waypoint/domain';
import {
  type CycleRow,
  type InitiativeRow,
  type InitiativeScope,
  type MeasureClassCount,
  type MeasureFreshness,
  ValueDataRepository,
} from './value-data.repository';
import { cycleRef, latestStartedCycle, startedCycles, ValueModel } from './value-model';
import { ValueStore } from './value-store.repository';
import { recordThreshold, tensionAlertOf } from './alerts/alert-view';
import { AlertsRepository } from './alerts/alerts.repository';

/** Which cycle a request means: the one named, else the latest that has started (or none). */
export function resolveCycle(
  cycles: readonly CycleRow[],
  cycleId: string | undefined,
  fallback: 'latest_started' | 'none',
  now: Date,
): CycleRow | null {
  if (cycleId !== undefined) {
    const cycle = cycles.find((c) => c.id === cycleId);
    if (!cycle) {
      const problem = `There is no cycle with the id ${cycleId}.`;
      throw new DomainError('reference_invalid', problem, { cycleId: [problem] });
    }
    return cycle;
  }
  return fallback === 'latest_started' ? latestStartedCycle(cycles, now) : null;
}

/** Which stored rows a {@link ValueModel} needs besides the measures. */
export interface ModelParts {
  /** The measures (default true; the tension chart does without). */
  measures?: boolean;
  /** Indices now. */
  now?: boolean;
  /** Where each measure stands now (its latest reading). */
  measuresNow?: boolean;
  /** Index rows of these cycles (null: every cycle). */
  indices?: readonly CycleRow[] | null;
  /** Standing rows of these cycles (null: every cycle). */
  standings?: readonly CycleRow[] | null;
  /** Customer groups (for alerts). */
  groups?: boolean;
}

const idsOf = (cycles: readonly CycleRow[] | null): string[] | null =>
  cycles === null ? null : cycles.map((c) => c.id);

/**
 * The value picture, read from the rows the value engine keeps up to date on write: what the
 * portfolio, cycle reviews, briefs and exports read, and the value of one initiative.
 */
@Injectable()
export class ValueService {
  constructor(
    private readonly data: ValueDataRepository,
    private readonly store: ValueStore,
    private readonly alertRecords: AlertsRepository,
  ) {}

  cycles(): Promise<CycleRow[]> {
    return this.data.cycles();
  }

  initiatives(scope: InitiativeScope): Promise<InitiativeRow[]> {
    return this.data.initiatives(scope);
  }

  /** The value model of the initiatives in scope (null: all), with the stored rows asked for. */
  async model(scope: InitiativeScope, parts: ModelParts = {}): Promise<ValueModel> {
    const measures = parts.measures === false ? [] : await this.data.measures(scope);
    const now = parts.now ? await this.store.now(scope) : [];
    const measuresNow = parts.measuresNow ? await this.store.measuresNow(scope) : [];
    const indices =
      parts.indices === undefined ? [] : await this.store.indices(scope, idsOf(parts.indices));
    const standings =
      parts.standings === undefined
        ? []
        : await this.store.standings(scope, idsOf(parts.standings));
    const groups = parts.groups ? await this.data.customerGroups() : [];
    return new ValueModel({ measures, now, measuresNow, indices, standings, groups });
  }

  /** How many tension alerts the portfolio has over the cycle, and how many are critical. */
  alertTotals(cycle: CycleRow, threshold: number): Promise<{ count: number; critical: number }> {
    return this.store.alertTotals(cycle.id, threshold, DEFAULT_CRITICAL_DROP);
  }

  /**
   * The first `limit` initiatives (by title) that have a tension alert over the cycle, with the
   * value model their alerts are computed from.
   */
  async alerting(
    cycle: CycleRow,
    threshold: number,
    limit: number,
  ): Promise<{ initiativeIds: Set<string>; model: ValueModel }> {
    const ids = await this.store.alertingInitiatives(cycle.id, threshold, limit);
    const model = await this.model(ids, { indices: [cycle], standings: [cycle], groups: true });
    return { initiativeIds: new Set(ids), model };
  }

  measureClasses(): Promise<MeasureClassCount[]> {
    return this.data.measureClasses();
  }

  activeMeasureFreshness(): Promise<MeasureFreshness[]> {
    return this.data.activeMeasureFreshness();
  }

  async ofInitiative(
    initiativeId: string,
    cycleId: string | undefined,
    threshold: number,
  ): Promise<InitiativeValueResponse> {
    const now = new Date();
    const [initiative] = await this.data.initiatives([initiativeId]);
    if (!initiative) throw new NotFoundException('No such initiative.');
    const cycles = await this.data.cycles();
    const cycle = resolveCycle(cycles, cycleId, 'latest_started', now);
    const started = startedCycles(cycles, now);
    const model = await this.model([initiativeId], {
      now: true,
      measuresNow: true,
      indices: started,
    });
    // The alerts are the live records of the cycle, as GET /api/portfolio/alerts reads them.
    const used = recordThreshold(threshold);
    const alerts = cycle ? await this.alertRecords.liveOf(initiativeId, cycle.id, used) : [];
    return {
      initiativeId,
      estimated: {
        customer: initiative.estimatedCustomerValue,
        business: initiative.estimatedBusinessValue,
      },
      now: model.now(initiativeId),
      measures: model.standings(initiativeId),
      cycles: started.map((c) => ({ cycle: cycleRef(c), ...model.forCycle(initiativeId, c) })),
      alerts: {
        cycle: cycle ? cycleRef(cycle) : null,
        threshold: used,
        items: alerts.map(tensionAlertOf),
      },
    };
  }
}
