import fc from 'fast-check';
import type { Direction, Perspective, TensionAlert, TensionAlertKind } from '@waypoint/contracts';
import { tensionAlerts, type TensionInput, type TensionMeasure } from './tension';
import { Q4_2026, daysAfter, group, perspectiveMeasure, reading } from '../test/factories';

const DIRECTIONS: readonly Direction[] = ['higher_is_better', 'lower_is_better', 'target_is_best'];

const measureArb = (id: string, ids: readonly string[]): fc.Arbitrary<TensionMeasure> =>
  fc
    .record({
      perspective: fc.constantFrom<Perspective>('customer', 'business'),
      direction: fc.constantFrom(...DIRECTIONS),
      baseline: fc.integer({ min: -50, max: 150 }),
      span: fc.integer({ min: 1, max: 100 }),
      weight: fc.constantFrom(undefined, 0, 0.5, 1, 2),
      customerGroupId: fc.constantFrom(null, 'g1', 'g2'),
      counterMeasureId: fc.constantFrom(null, ...ids),
    })
    .map(({ span, direction, baseline, weight, ...rest }) => ({
      ...perspectiveMeasure(id, rest.perspective),
      ...rest,
      direction,
      baseline,
      target: direction === 'lower_is_better' ? baseline - span : baseline + span,
      ...(weight === undefined ? {} : { weight }),
    }));

/** Any initiative: 1 to 6 measures with 0 to 4 readings each, some outside the cycle. */
const scenario: fc.Arbitrary<TensionInput> = fc.integer({ min: 1, max: 6 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `m${i}`);
  const readingsOf = (id: string) =>
    fc
      .array(
        fc.record({
          value: fc.integer({ min: -100, max: 250 }),
          offset: fc.integer({ min: -10, max: 100 }),
        }),
        { maxLength: 4 },
      )
      .map((rs) =>
        rs.map(({ value, offset }) => reading(id, value, daysAfter(Q4_2026.start, offset))),
      );
  return fc.record({
    cycle: fc.constant(Q4_2026),
    measures: fc.tuple(...ids.map((id) => measureArb(id, ids))),
    readings: fc.tuple(...ids.map(readingsOf)).map((lists) => lists.flat()),
    customerGroups: fc.constant([group('g1', true), group('g2', false)]),
  });
});

/**
 * Every measure improves: each reading closer to the target than the one before, the first one
 * before the cycle (where the cycle's standing opens).
 */
const improvingScenario: fc.Arbitrary<TensionInput> = scenario.chain((input) =>
  fc
    .tuple(
      ...input.measures.map((m) =>
        fc
          .uniqueArray(fc.integer({ min: -8, max: 8 }), { minLength: 2, maxLength: 4 })
          .map((fs) =>
            [...fs]
              .sort((a, b) => a - b)
              .map((f, i) =>
                reading(
                  m.id,
                  m.baseline + ((m.target - m.baseline) * f) / 8,
                  daysAfter(Q4_2026.start, i === 0 ? -5 : 1 + i * 20),
                ),
              ),
          ),
      ),
    )
    .map((lists) => ({ ...input, readings: lists.flat() })),
);

const swapPerspectives = (input: TensionInput): TensionInput => ({
  ...input,
  measures: input.measures.map((m) => ({
    ...m,
    perspective: m.perspective === 'customer' ? 'business' : 'customer',
  })),
});

const swapKind = (kind: TensionAlertKind): TensionAlertKind => {
  switch (kind) {
    case 'customer_worsens_as_business_improves':
      return 'business_worsens_as_customer_improves';
    case 'business_worsens_as_customer_improves':
      return 'customer_worsens_as_business_improves';
    case 'counter_measure_worsens':
    case 'protected_group_worsens':
      return kind;
  }
};

const isDivergence = (alert: TensionAlert): boolean =>
  alert.kind === 'customer_worsens_as_business_improves' ||
  alert.kind === 'business_worsens_as_customer_improves';

describe('tensionAlerts properties', () => {
  it('raises nothing when every measure of both perspectives improves', () => {
    fc.assert(
      fc.property(improvingScenario, (input) => {
        expect(tensionAlerts(input)).toEqual([]);
      }),
    );
  });

  it('swaps the divergence kind when the perspectives are swapped, and nothing else', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const swapped = tensionAlerts(swapPerspectives(input));
        const expected = tensionAlerts(input).map((a) => ({ ...a, kind: swapKind(a.kind) }));
        const shape = (alerts: TensionAlert[]) =>
          alerts.map((a) => ({
            kind: a.kind,
            severity: a.severity,
            measureIds: [...a.measureIds].sort(),
          }));
        expect(shape(swapped)).toEqual(shape(expected));
      }),
      { numRuns: 500 },
    );
  });

  it('raises at most one divergence alert, and fewer as the threshold grows', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (input, extra) => {
        const loose = tensionAlerts(input, { threshold: 0.05 }).filter(isDivergence);
        const strict = tensionAlerts(input, { threshold: 0.05 + extra }).filter(isDivergence);
        expect(loose.length).toBeLessThanOrEqual(1);
        expect(strict.length).toBeLessThanOrEqual(loose.length);
      }),
      { numRuns: 500 },
    );
  });

  it('cites only measures of the input and readings observed before the cycle ends', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const measureIds = new Set(input.measures.map((m) => m.id));
        const byEnd = new Set(
          input.readings.filter((r) => r.observedAt < Q4_2026.end).map((r) => r.id),
        );
        for (const alert of tensionAlerts(input)) {
          expect(alert.readingIds.length).toBeGreaterThanOrEqual(1);
          alert.measureIds.forEach((id) => expect(measureIds.has(id)).toBe(true));
          alert.readingIds.forEach((id) => expect(byEnd.has(id)).toBe(true));
        }
      }),
    );
  });

  it('does not depend on the order in which readings are listed when their times differ', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const times = input.readings.map((r) => `${r.measureId}@${r.observedAt.getTime()}`);
        fc.pre(new Set(times).size === times.length);
        const reversed = { ...input, readings: [...input.readings].reverse() };
        expect(tensionAlerts(reversed)).toEqual(tensionAlerts(input));
      }),
    );
  });
});
