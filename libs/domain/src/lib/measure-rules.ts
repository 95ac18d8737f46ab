import type { Perspective, TemplateMeasure, TemplateMeasureValues } from '@waypoint/contracts';
import { measureScaleProblem, type PlannedScale } from './measure-progress';

/** A measure as the counter-measure rules see it. */
export interface CounterCandidate {
  id: string;
  initiativeId: string;
  name: string;
  perspective: Perspective;
}

export interface CounterMeasureInput {
  /** The measure being written (null while creating it). */
  measureId: string | null;
  initiativeId: string;
  perspective: Perspective;
  counterMeasureId: string | null;
  /** The record `counterMeasureId` names, or null when there is none. */
  counter: CounterCandidate | null;
  /** Names of the customer measures that name this measure as their counter-measure. */
  guardedNames: readonly string[];
}

/**
 * A counter-measure pairs a customer measure with a business measure of the same initiative that
 * must not get worse. Every way a write breaks that, in words.
 */
export function counterMeasureProblems(input: CounterMeasureInput): string[] {
  const problems: string[] = [];
  if (input.guardedNames.length > 0 && input.perspective !== 'business') {
    problems.push(
      `This measure is the counter-measure of ${input.guardedNames.map((n) => `"${n}"`).join(', ')}, so it must stay a business measure.`,
    );
  }
  if (input.counterMeasureId === null) return problems;
  if (input.perspective !== 'customer') {
    problems.push(
      'Only a customer measure can have a counter-measure; this is a business measure.',
    );
  }
  if (input.counterMeasureId === input.measureId) {
    problems.push('A measure cannot be its own counter-measure.');
  } else if (input.counter === null || input.counter.initiativeId !== input.initiativeId) {
    problems.push(
      `The counter-measure ${input.counterMeasureId} is not a measure of this initiative.`,
    );
  } else if (input.counter.perspective !== 'business') {
    problems.push(
      `The counter-measure must be a business measure; "${input.counter.name}" is a customer measure.`,
    );
  }
  return problems;
}

/**
 * The baseline cannot change once it is frozen (when the first gate is approved, or when the
 * first reading gave it to a measure planned without one).
 */
export function baselineFreezeProblem(
  current: { baseline: number | null; baselineFrozenAt: Date | null },
  requested: number | undefined,
): string | null {
  if (requested === undefined || requested === current.baseline) return null;
  if (current.baselineFrozenAt === null) return null;
  return (
    `The baseline (${current.baseline}) was frozen on ${current.baselineFrozenAt.toISOString()} ` +
    'and cannot change any more.'
  );
}

/**
 * The scale rule (`measureScaleProblem`), as a list of problems. A measure without a baseline yet
 * (taken from its first reading) only needs a finite target: whichever side of the target the
 * first reading falls, it is what was measured.
 */
export function scaleProblems(scale: PlannedScale): string[] {
  const { baseline, target, direction } = scale;
  const problem =
    baseline === null
      ? Number.isFinite(target)
        ? null
        : 'The target must be a finite number.'
      : measureScaleProblem({ baseline, target, direction });
  return problem === null ? [] : [problem];
}

/**
 * A template's measures with the baselines and targets the manager confirmed (by name), and the
 * problems of what was confirmed, each as `measures: ...` (a name the template does not have,
 * a name given twice, a scale the rule refuses). Measures not named keep the template's values.
 */
export function confirmTemplateMeasures(
  template: readonly TemplateMeasure[],
  confirmed: readonly TemplateMeasureValues[],
): { measures: TemplateMeasure[]; problems: string[] } {
  const problems: string[] = [];
  const byName = new Map<string, TemplateMeasureValues>();
  for (const values of confirmed) {
    if (!template.some((m) => m.name === values.name)) {
      problems.push(`measures: the template has no measure "${values.name}".`);
    } else if (byName.has(values.name)) {
      problems.push(`measures: "${values.name}" is given twice.`);
    }
    byName.set(values.name, values);
  }
  const measures = template.map((measure) => {
    const values = byName.get(measure.name);
    if (!values) return measure;
    const merged = { ...measure, baseline: values.baseline, target: values.target };
    for (const problem of scaleProblems(merged))
      problems.push(`measures: ${measure.name}: ${problem}`);
    return merged;
  });
  return { measures, problems };
}
