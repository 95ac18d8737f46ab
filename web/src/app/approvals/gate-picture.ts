import type {
  CycleRef,
  InitiativeValueResponse,
  MeasureResponse,
  SnapshotMeasure,
} from '@waypoint/contracts';
import { indexPercent } from '@waypoint/domain';

/** One measure on the gate page. */
export interface GateMeasureView {
  /** The linked measure as frozen at submission, or another measure as it stands now. */
  measure: SnapshotMeasure;
  /** Linked to this gate by the submitter (its evidence is frozen in the snapshot). */
  linked: boolean;
  /** The business measure this customer measure is paired with (must not get worse). */
  counterMeasure: string | null;
  /** The customer measures this business measure is the counter-measure of. */
  counterMeasureOf: string[];
  customerGroup: string | null;
}

function asSnapshot(m: MeasureResponse): SnapshotMeasure {
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    perspective: m.perspective,
    direction: m.direction,
    baseline: m.baseline,
    target: m.target,
    latestReading: m.latestReading
      ? {
          id: m.latestReading.id,
          value: m.latestReading.value,
          observedAt: m.latestReading.observedAt,
        }
      : null,
    progress: m.progress,
  };
}

/**
 * Every measure of the initiative for the decider: the ones the submitter linked to the gate
 * first (their frozen evidence), then the others as they stand now, each with its counter-measure
 * pairing, so the decider sees the tension the linked ones may leave out.
 */
export function gateMeasures(
  linked: readonly SnapshotMeasure[],
  all: readonly MeasureResponse[],
): GateMeasureView[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  const view = (measure: SnapshotMeasure, isLinked: boolean): GateMeasureView => {
    const live = byId.get(measure.id);
    return {
      measure,
      linked: isLinked,
      counterMeasure: live?.counterMeasure?.name ?? null,
      counterMeasureOf: all.filter((m) => m.counterMeasure?.id === measure.id).map((m) => m.name),
      customerGroup: live?.customerGroup?.name ?? null,
    };
  };
  const linkedIds = new Set(linked.map((m) => m.id));
  return [
    ...linked.map((m) => view(m, true)),
    ...all.filter((m) => !linkedIds.has(m.id)).map((m) => view(asSnapshot(m), false)),
  ];
}

/** An index now and how far it moved over the cycle (closing minus where the cycle opened). */
export interface IndexStanding {
  now: number | null;
  change: number | null;
}

export interface CycleIndices {
  /** The cycle the change is over (the current one); null before any cycle started. */
  cycle: CycleRef | null;
  customer: IndexStanding;
  business: IndexStanding;
}

/**
 * The initiative's indices now and their change over the current cycle, from the value engine's
 * rows: a cycle opens where the one before it closed.
 */
export function cycleIndices(value: InitiativeValueResponse): CycleIndices {
  const cycle = value.alerts.cycle ?? value.cycles.at(-1)?.cycle ?? null;
  const at = cycle ? value.cycles.findIndex((c) => c.cycle.id === cycle.id) : -1;
  const closing = at >= 0 ? value.cycles[at] : undefined;
  const opening = at >= 1 ? value.cycles[at - 1] : undefined;
  const change = (key: 'customer' | 'business'): number | null => {
    const to = closing?.[key] ?? null;
    const from = opening?.[key] ?? null;
    // The difference of the percentages as shown, so that the line adds up (libs/domain).
    return to === null || from === null ? null : (indexPercent(to) - indexPercent(from)) / 100;
  };
  return {
    cycle,
    customer: { now: value.now.customer, change: change('customer') },
    business: { now: value.now.business, change: change('business') },
  };
}
