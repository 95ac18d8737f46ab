import type {
  AlertSeverity,
  Perspective,
  TensionAlert,
  TensionAlertKind,
} from '@waypoint/contracts';
import {
  cycleIndices,
  cycleStandings,
  standingChange,
  type CycleIndices,
  type IndexStanding,
  type StandingChange,
  type StandingPoint,
} from './cycle-standing';
import { formatCycle, formatDirection, formatValue } from './format';
import { formatIndexChange, formatIndexPercent } from './index-format';
import type { Cycle, Reading } from './readings';
import type { IndexedMeasure } from './value-index';

/** A measure of an initiative, as the tension alerts need it. */
export interface TensionMeasure extends IndexedMeasure {
  name: string;
  unit?: string;
  customerGroupId?: string | null;
  /** Id of this measure's counter-measure: a measure that must not get worse as this one moves. */
  counterMeasureId?: string | null;
}

export interface TensionCustomerGroup {
  id: string;
  name: string;
  /** A group whose experience must not be traded away. */
  isProtected: boolean;
}

export interface TensionInput {
  cycle: Cycle;
  measures: readonly TensionMeasure[];
  readings: readonly Reading[];
  customerGroups?: readonly TensionCustomerGroup[];
  /** For the running cycle: readings after `now` do not count. The cycle's end when left out. */
  now?: Date;
}

export interface TensionOptions {
  /** How far (in index points, 0..1 = baseline..target) the worsening index must fall. 0.1. */
  threshold?: number;
  /** A fall (in progress points) from which an alert is critical rather than a warning. 0.25. */
  criticalDrop?: number;
}

export const DEFAULT_TENSION_THRESHOLD = 0.1;
export const DEFAULT_CRITICAL_DROP = 0.25;

/** How one measure moved over the cycle: from its cycle standing's opening to its closing. */
export interface MeasureMove {
  measureId: string;
  opening: StandingPoint;
  closing: StandingPoint;
  change: StandingChange;
}

/**
 * A tension alert with what raised it: the initiative's indices over the cycle and the moves of
 * the measures behind it. What an alert record keeps.
 */
export interface TensionFinding extends TensionAlert {
  indices: CycleIndices;
  moves: MeasureMove[];
}

interface Movement extends MeasureMove {
  measure: TensionMeasure;
}

/**
 * The tension alerts of one initiative over a cycle, from the cycle standings of its measures
 * (see cycle-standing.ts): each measure is compared between where it stood as the cycle opened
 * (its last reading before the cycle, else its baseline) and where it stands at the cycle's close
 * (or now). A measure read once a quarter therefore raises alerts between quarters.
 *
 * 1. Divergence: the initiative's index of one perspective rises over the cycle while the
 *    other's falls by more than `threshold`. Critical when the fall reaches `criticalDrop`.
 * 2. Counter-measure: a measure named as another's counter-measure got worse (direction-aware;
 *    any worsening). Critical when its progress fell by `criticalDrop` or more.
 * 3. Protected group: a measure of a protected customer group got worse. Always critical.
 *
 * Alerts come in that order, then in the order of `input.measures`.
 */
export function tensionAlerts(input: TensionInput, options: TensionOptions = {}): TensionFinding[] {
  const threshold = options.threshold ?? DEFAULT_TENSION_THRESHOLD;
  const criticalDrop = options.criticalDrop ?? DEFAULT_CRITICAL_DROP;
  const standings = cycleStandings(
    input.measures,
    input.readings,
    input.cycle,
    input.now ?? input.cycle.end,
  );
  const indices = cycleIndices(input.measures, standings);
  const movements: Movement[] = [];
  for (const measure of input.measures) {
    const standing = standings.get(measure.id);
    const change = standing === undefined ? null : standingChange(measure, standing);
    if (standing?.opening && standing.closing && change !== null) {
      movements.push({
        measure,
        measureId: measure.id,
        opening: standing.opening,
        closing: standing.closing,
        change,
      });
    }
  }
  const finding = (alert: TensionAlert, moves: readonly Movement[]): TensionFinding => ({
    ...alert,
    indices,
    moves: moves.map(({ measureId, opening, closing, change }) => ({
      measureId,
      opening,
      closing,
      change,
    })),
  });
  return [
    ...divergenceAlerts(movements, indices, input.cycle, threshold, criticalDrop).map(
      ([alert, moves]) => finding(alert, moves),
    ),
    ...counterMeasureAlerts(movements, input, criticalDrop).map(([alert, moves]) =>
      finding(alert, moves),
    ),
    ...protectedGroupAlerts(movements, input).map(([alert, moves]) => finding(alert, moves)),
  ];
}

type Raised = [TensionAlert, Movement[]];

function divergenceAlerts(
  movements: readonly Movement[],
  indices: CycleIndices,
  cycle: Cycle,
  threshold: number,
  criticalDrop: number,
): Raised[] {
  const customer = changeOf('customer', indices.customer);
  const business = changeOf('business', indices.business);
  if (customer === null || business === null) {
    return [];
  }
  const raised: Raised[] = [];
  for (const [gaining, losing] of [
    [business, customer],
    [customer, business],
  ] as const) {
    const drop = -losing.change;
    if (gaining.change > 0 && drop > threshold) {
      const involved = movements.filter(
        ({ measure, change }) =>
          (measure.weight ?? 1) > 0 &&
          ((measure.perspective === gaining.perspective && change.progressChange > 0) ||
            (measure.perspective === losing.perspective && change.progressChange < 0)),
      );
      raised.push([
        {
          kind: divergenceKind(losing.perspective),
          severity: severityOf(drop, criticalDrop),
          explanation:
            `${label(losing.perspective)} value fell ${movedIndex(losing)} while ` +
            `${label(gaining.perspective).toLowerCase()} value rose ${movedIndex(gaining)} ` +
            `${formatCycle(cycle)}. Behind it: ` +
            `${involved.map((m) => `"${m.measure.name}" ${movedText(m)}`).join('; ')}.`,
          measureIds: involved.map(({ measure }) => measure.id),
          readingIds: involved.flatMap(readingIdsOf),
        },
        involved,
      ]);
    }
  }
  return raised;
}

function counterMeasureAlerts(
  movements: readonly Movement[],
  input: TensionInput,
  criticalDrop: number,
): Raised[] {
  return movements.flatMap((movement): Raised[] => {
    const { measure, change } = movement;
    const guarded = input.measures.filter((other) => other.counterMeasureId === measure.id);
    if (guarded.length === 0 || change.improvement >= 0) {
      return [];
    }
    const names = guarded.map((other) => `"${other.name}"`).join(', ');
    return [
      [
        {
          kind: 'counter_measure_worsens',
          severity: severityOf(-change.progressChange, criticalDrop),
          explanation: `Counter-measure "${measure.name}" (guarding ${names}) got worse ${formatCycle(input.cycle)}: ${movedText(movement)}.`,
          measureIds: [measure.id],
          readingIds: readingIdsOf(movement),
        },
        [movement],
      ],
    ];
  });
}

function protectedGroupAlerts(movements: readonly Movement[], input: TensionInput): Raised[] {
  const protectedGroups = new Map(
    (input.customerGroups ?? []).filter((group) => group.isProtected).map((g) => [g.id, g]),
  );
  return movements.flatMap((movement): Raised[] => {
    const { measure, change } = movement;
    const group = protectedGroups.get(measure.customerGroupId ?? '');
    if (group === undefined || change.improvement >= 0) {
      return [];
    }
    return [
      [
        {
          kind: 'protected_group_worsens',
          severity: 'critical',
          explanation: `"${measure.name}" of protected customer group "${group.name}" got worse ${formatCycle(input.cycle)}: ${movedText(movement)}.`,
          measureIds: [measure.id],
          readingIds: readingIdsOf(movement),
        },
        [movement],
      ],
    ];
  });
}

interface IndexChange {
  perspective: Perspective;
  opening: number;
  closing: number;
  change: number;
}

function changeOf(perspective: Perspective, index: IndexStanding): IndexChange | null {
  if (index.opening === null || index.closing === null || index.change === null) {
    return null;
  }
  return { perspective, opening: index.opening, closing: index.closing, change: index.change };
}

/** "from 42% to 30% (-12 points)". */
function movedIndex(index: IndexChange): string {
  return (
    `from ${formatIndexPercent(index.opening)} to ${formatIndexPercent(index.closing)} ` +
    `(${formatIndexChange(index.change)})`
  );
}

function readingIdsOf({ opening, closing }: MeasureMove): string[] {
  const ids = [opening.reading?.id, closing.reading?.id].filter(
    (id): id is string => id !== undefined,
  );
  return [...new Set(ids)];
}

function divergenceKind(losing: Perspective): TensionAlertKind {
  switch (losing) {
    case 'customer':
      return 'customer_worsens_as_business_improves';
    case 'business':
      return 'business_worsens_as_customer_improves';
  }
}

function label(perspective: Perspective): string {
  switch (perspective) {
    case 'customer':
      return 'Customer';
    case 'business':
      return 'Business';
  }
}

function severityOf(drop: number, criticalDrop: number): AlertSeverity {
  return drop >= criticalDrop ? 'critical' : 'warning';
}

function movedText({ measure, opening, closing }: Movement): string {
  const from = formatValue(opening.value, measure.unit);
  const to = formatValue(closing.value, measure.unit);
  const start = opening.reading === null ? `baseline ${from}` : from;
  return `${start} → ${to} (${formatDirection(measure.direction, measure.target, measure.unit)})`;
}
