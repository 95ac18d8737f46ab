import { Injectable, NotFoundException } from '@nestjs/common';
import type { InitiativeValueResponse } from '@waypoint/contracts';
import { resolveCycle } from './portfolio.service';
import { ValueDataRepository } from './value-data.repository';
import { cycleRef, loadValueModel, startedCycles } from './value-model';

/** The customer and business value of one initiative: now, per cycle, and its tension alerts. */
@Injectable()
export class ValueService {
  constructor(private readonly data: ValueDataRepository) {}

  async ofInitiative(
    initiativeId: string,
    cycleId: string | undefined,
    threshold: number,
  ): Promise<InitiativeValueResponse> {
    const now = new Date();
    const [initiative] = await this.data.initiatives([initiativeId]);
    if (!initiative) throw new NotFoundException('No such initiative.');
    const model = await loadValueModel(this.data, [initiativeId], { withGroups: true });
    const cycles = await this.data.cycles();
    const cycle = resolveCycle(cycles, cycleId, 'latest_started', now);
    return {
      initiativeId,
      estimated: {
        customer: initiative.estimatedCustomerValue,
        business: initiative.estimatedBusinessValue,
      },
      now: model.now(initiativeId, now),
      measures: model.standings(initiativeId, now),
      cycles: startedCycles(cycles, now).map((c) => ({
        cycle: cycleRef(c),
        ...model.forCycle(initiativeId, c),
      })),
      alerts: {
        cycle: cycle ? cycleRef(cycle) : null,
        threshold,
        items: cycle ? model.alerts(initiativeId, cycle, threshold) : [],
      },
    };
  }
}
