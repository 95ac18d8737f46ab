import type {
  AlertSeverity,
  Perspective,
  TensionAlert,
  TensionAlertKind,
} from '@waypoint/contracts';
import { formatChange, formatCycle, formatDirection, formatIndex, formatValue } from './format';
import { improvement, measureProgress } from './measure-progress';
import { cycleReadingSpans, type Cycle, type Reading, type ReadingSpan } from './readings';
import { valueIndex, type IndexedMeasure } from './value-index';

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
}

export interface TensionOptions {
  /** How far (in index points, 0..1 = baseline..target) the worsening index must fall. 0.1. */
  threshold?: number;
  /** A fall (in progress points) from which an alert is critical rather than a warning. 0.25. */
  criticalDrop?: number;
}

export const DEFAULT_TENSION_THRESHOLD = 0.1;
export const DEFAULT_CRITICAL_DROP = 0.25;

/** How one measure moved over the cycle: its first and last reading of the cycle. */
interface Movement {
  measure: TensionMeasure;
  span: ReadingSpan;
  /** progress(last) - progress(first). */
  progressChange: number;
}

/**
 * The tension alerts of one initiative over a cycle. Every comparison is between the first and
 * the last effective reading of a measure within [cycle.start, cycle.end); a measure with fewer
 * than two readings in the cycle has no measured change and raises nothing.
 *
 * 1. Divergence: the value index of one perspective (over the measures that moved, each at its
 *    first and at its last reading) rises while the other's falls by more than `threshold`.
 *    Critical when the fall reaches `criticalDrop`.
 * 2. Counter-measure: a measure named as another's counter-measure got worse (direction-aware;
 *    any worsening). Critical when its progress fell by `criticalDrop` or more.
 * 3. Protected group: a measure of a protected customer group got worse. Always critical.
 *
 * Alerts come in that order, then in the order of `input.measures`.
 */
export function tensionAlerts(input: TensionInput, options: TensionOptions = {}): TensionAlert[] {
  const threshold = options.threshold ?? DEFAULT_TENSION_THRESHOLD;
  const criticalDrop = options.criticalDrop ?? DEFAULT_CRITICAL_DROP;
  const spans = cycleReadingSpans(input.readings, input.cycle);
  const movements: Movement[] = [];
  for (const measure of input.measures) {
    const span = spans.get(measure.id);
    if (span !== undefined && span.first.id !== span.last.id) {
      const progressChange =
        measureProgress(measure, span.last.value) - measureProgress(measure, span.first.value);
      movements.push({ measure, span, progressChange });
    }
  }
  return [
    ...divergenceAlerts(movements, input.cycle, threshold, criticalDrop),
    ...counterMeasureAlerts(movements, input, criticalDrop),
    ...protectedGroupAlerts(movements, input),
  ];
}

function divergenceAlerts(
  movements: readonly Movement[],
  cycle: Cycle,
  threshold: number,
  criticalDrop: number,
): TensionAlert[] {
  const customer = indexChange(movements, 'customer');
  const business = indexChange(movements, 'business');
  if (customer === null || business === null) {
    return [];
  }
  const alerts: TensionAlert[] = [];
  for (const [gaining, losing] of [
    [business, customer],
    [customer, business],
  ] as const) {
    const drop = -losing.change;
    if (gaining.change > 0 && drop > threshold) {
      const involved = movements.filter(
        ({ measure, progressChange }) =>
          (measure.weight ?? 1) > 0 &&
          ((measure.perspective === gaining.perspective && progressChange > 0) ||
            (measure.perspective === losing.perspective && progressChange < 0)),
      );
      alerts.push({
        kind: divergenceKind(losing.perspective),
        severity: severityOf(drop, criticalDrop),
        explanation:
          `${label(losing.perspective)} value index fell ${formatIndex(losing.opening)} → ` +
          `${formatIndex(losing.closing)} (${formatChange(losing.change)}) while ` +
          `${label(gaining.perspective).toLowerCase()} value index rose ` +
          `${formatIndex(gaining.opening)} → ${formatIndex(gaining.closing)} ` +
          `(${formatChange(gaining.change)}) ${formatCycle(cycle)}.`,
        measureIds: involved.map(({ measure }) => measure.id),
        readingIds: involved.flatMap(({ span }) => [span.first.id, span.last.id]),
      });
    }
  }
  return alerts;
}

function counterMeasureAlerts(
  movements: readonly Movement[],
  input: TensionInput,
  criticalDrop: number,
): TensionAlert[] {
  return movements.flatMap(({ measure, span, progressChange }): TensionAlert[] => {
    const guarded = input.measures.filter((other) => other.counterMeasureId === measure.id);
    if (guarded.length === 0 || !gotWorse(measure, span)) {
      return [];
    }
    const names = guarded.map((other) => `"${other.name}"`).join(', ');
    return [
      {
        kind: 'counter_measure_worsens',
        severity: severityOf(-progressChange, criticalDrop),
        explanation: `Counter-measure "${measure.name}" (guarding ${names}) got worse ${formatCycle(input.cycle)}: ${movedText(measure, span)}.`,
        measureIds: [measure.id],
        readingIds: [span.first.id, span.last.id],
      },
    ];
  });
}

function protectedGroupAlerts(movements: readonly Movement[], input: TensionInput): TensionAlert[] {
  const protectedGroups = new Map(
    (input.customerGroups ?? []).filter((group) => group.isProtected).map((g) => [g.id, g]),
  );
  return movements.flatMap(({ measure, span }): TensionAlert[] => {
    const group = protectedGroups.get(measure.customerGroupId ?? '');
    if (group === undefined || !gotWorse(measure, span)) {
      return [];
    }
    return [
      {
        kind: 'protected_group_worsens',
        severity: 'critical',
        explanation: `"${measure.name}" of protected customer group "${group.name}" got worse ${formatCycle(input.cycle)}: ${movedText(measure, span)}.`,
        measureIds: [measure.id],
        readingIds: [span.first.id, span.last.id],
      },
    ];
  });
}

interface IndexChange {
  perspective: Perspective;
  opening: number;
  closing: number;
  change: number;
}

/** The perspective's index at the first and at the last readings of the measures that moved. */
function indexChange(movements: readonly Movement[], perspective: Perspective): IndexChange | null {
  const own = movements.filter(({ measure }) => measure.perspective === perspective);
  const at = (pick: (span: ReadingSpan) => Reading): number | null =>
    valueIndex(
      own.map(({ measure, span }) => ({
        progress: measureProgress(measure, pick(span).value),
        weight: measure.weight,
      })),
    );
  const opening = at((span) => span.first);
  const closing = at((span) => span.last);
  if (opening === null || closing === null) {
    return null;
  }
  return { perspective, opening, closing, change: closing - opening };
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

function gotWorse(measure: TensionMeasure, span: ReadingSpan): boolean {
  return improvement(measure, span.first.value, span.last.value) < 0;
}

function severityOf(drop: number, criticalDrop: number): AlertSeverity {
  return drop >= criticalDrop ? 'critical' : 'warning';
}

function movedText(measure: TensionMeasure, span: ReadingSpan): string {
  const from = formatValue(span.first.value, measure.unit);
  const to = formatValue(span.last.value, measure.unit);
  return `${from} → ${to} (${formatDirection(measure.direction, measure.target, measure.unit)})`;
}
