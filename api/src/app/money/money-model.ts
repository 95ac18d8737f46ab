import type { MoneyCycle, Payback, RealisedBenefitEntry } from '@waypoint/contracts';
import {
  daysBetween,
  expectedBenefitMinor,
  measuredBenefitMinor,
  payback,
  realisedBenefit,
  unitsImproved,
} from '@waypoint/domain';
import type { CycleRow, EntryRow, PlanRow, ValuedStandingRow } from './money.repository';

export interface InitiativeMoney {
  cycles: MoneyCycle[];
  realisedTotalMinor: number;
  expectedTotalMinor: number;
  payback: Payback | null;
}

export function mapEntry(e: EntryRow): RealisedBenefitEntry {
  return {
    id: e.id,
    cycleId: e.cycleId,
    amountMinor: e.amountMinor,
    evidenceUrl: e.evidenceUrl,
    note: e.note,
    enteredBy: e.enteredBy,
    enteredAt: e.enteredAt.toISOString(),
  };
}

/**
 * `today` (YYYY-MM-DD): a cycle that has not started realises nothing and is left out of the
 * expected total; the running cycle expects, and counts for payback, its days so far.
 *
 * An initiative's money per cycle from the rules of libs/domain (money.ts): expected from the
 * plan, realised from the latest entry of the cycle or else its valued measures, and payback.
 * `entries` are the initiative's, latest first; `standings` its valued measures'.
 */
export function initiativeMoney(
  plan: PlanRow | null,
  cycles: readonly CycleRow[],
  standings: readonly ValuedStandingRow[],
  entries: readonly EntryRow[],
  today: string,
): InitiativeMoney {
  const moneyCycles = cycles.map((cycle): MoneyCycle => {
    const started = cycle.startsOn <= today;
    const measured = standings
      .filter((s) => started && s.cycleId === cycle.id)
      .map((s) => ({
        measureId: s.measureId,
        name: s.name,
        unit: s.unit,
        baseline: s.baseline,
        closing: s.closing,
        unitsImproved: unitsImproved(s.direction, s.baseline, s.closing, s.target),
        valuePerUnitMinor: s.valuePerUnitMinor,
        amountMinor: measuredBenefitMinor(s),
      }));
    const entered = entries.find((e) => e.cycleId === cycle.id) ?? null;
    const realised = realisedBenefit(
      measured.map((m) => m.amountMinor),
      entered?.amountMinor ?? null,
    );
    return {
      cycle: { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
      // The running cycle expects what its days so far should have brought.
      expectedMinor:
        plan && started
          ? expectedBenefitMinor(
              plan.expectedYearlyBenefitMinor,
              { startsOn: cycle.startsOn, endsOn: cycle.endsOn < today ? cycle.endsOn : today },
              plan.benefitStartsOn,
            )
          : plan
            ? expectedBenefitMinor(plan.expectedYearlyBenefitMinor, cycle, plan.benefitStartsOn)
            : 0,
      realisedMinor: realised.amountMinor,
      source: realised.source,
      measured,
      entered: entered ? mapEntry(entered) : null,
    };
  });
  const realisedTotalMinor = moneyCycles.reduce((sum, c) => sum + (c.realisedMinor ?? 0), 0);
  // Expected to date: the cycles that have started, to stand against what they realised.
  const expectedTotalMinor = moneyCycles
    .filter((c) => c.cycle.startsOn <= today)
    .reduce((sum, c) => sum + c.expectedMinor, 0);
  return {
    cycles: moneyCycles,
    realisedTotalMinor,
    expectedTotalMinor,
    payback: plan
      ? payback({
          expectedYearlyBenefitMinor: plan.expectedYearlyBenefitMinor,
          oneOffCostMinor: plan.oneOffCostMinor,
          runningCostMinor: plan.runningCostMinor,
          realised: moneyCycles.flatMap((c) =>
            c.realisedMinor === null
              ? []
              : [
                  {
                    amountMinor: c.realisedMinor,
                    // The running cycle counts the days so far.
                    days: daysBetween(
                      c.cycle.startsOn,
                      c.cycle.endsOn < today ? c.cycle.endsOn : today,
                    ),
                  },
                ],
          ),
        })
      : null,
  };
}
