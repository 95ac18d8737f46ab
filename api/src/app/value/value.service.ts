import { Injectable, NotFoundException } from '@nestjs/common';
import type { CycleAlerts, InitiativeValueResponse } from '@waypoint/contracts';
import { DomainError } from '@waypoint/domain';
import {
  type CycleRow,
  type InitiativeRow,
  type InitiativeScope,
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
    return new ValueModel({ measures, now, measuresNow, indices, standings });
  }

  /**
   * An initiative's tension alerts over the cycle: its live alert records, as
   * GET /api/portfolio/alerts and the portfolio summary read them (one source), at the threshold
   * asked (never below the engine's, which raised them).
   */
  async alertsOf(
    initiativeId: string,
    cycle: CycleRow | null,
    threshold: number,
  ): Promise<CycleAlerts> {
    const used = recordThreshold(threshold);
    if (cycle === null) return { cycle: null, threshold: used, items: [] };
    const rows = await this.alertRecords.liveOf(initiativeId, cycle.id, used);
    return { cycle: cycleRef(cycle), threshold: used, items: rows.map(tensionAlertOf) };
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
    return {
      initiativeId,
      estimated: {
        customer: initiative.estimatedCustomerValue,
        business: initiative.estimatedBusinessValue,
      },
      now: model.now(initiativeId),
      measures: model.standings(initiativeId),
      cycles: started.map((c) => ({ cycle: cycleRef(c), ...model.forCycle(initiativeId, c) })),
      alerts: await this.alertsOf(initiativeId, cycle, threshold),
    };
  }
}
