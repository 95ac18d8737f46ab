import type { TensionAlert, TensionAlertKind } from '@waypoint/contracts';
import type { Reading } from './readings';
import { tensionAlerts, type TensionInput, type TensionMeasure } from './tension';
import { Q4_2026, daysAfter, group, perspectiveMeasure, reading } from '../test/factories';

/**
 * A measure that stood at `from` when Q4 2026 opened (its last reading, 5 days before the cycle)
 * and closes at `to` (a reading on day 80 of the cycle): a measure read once a quarter.
 */
function moved(measureId: string, from: number, to: number): [Reading, Reading] {
  return [
    reading(measureId, from, daysAfter(Q4_2026.start, -5)),
    reading(measureId, to, daysAfter(Q4_2026.start, 80)),
  ];
}

/** NPS: customer, higher is better, 0 → 100. Cost: business, lower is better, 100 → 0. */
const nps = perspectiveMeasure('nps', 'customer', { name: 'NPS' });
const cost = perspectiveMeasure('cost', 'business', {
  name: 'Cost to serve',
  direction: 'lower_is_better',
  baseline: 100,
  target: 0,
  unit: '€',
});

function alertsOf(
  measures: TensionMeasure[],
  readings: Reading[],
  extra: Partial<TensionInput> = {},
) {
  return tensionAlerts({ cycle: Q4_2026, measures, readings, ...extra });
}

describe('tensionAlerts: divergence of the perspectives', () => {
  it('warns when the customer index falls beyond the threshold as the business index rises', () => {
    const npsReadings = moved('nps', 50, 30);
    const costReadings = moved('cost', 60, 40);
    const alerts = alertsOf([nps, cost], [...npsReadings, ...costReadings]);
    expect(alerts).toMatchObject<TensionAlert[]>([
      {
        kind: 'customer_worsens_as_business_improves',
        severity: 'warning',
        explanation:
          'Customer value fell from 50% to 30% (-20 points) while business value rose ' +
          'from 40% to 60% (+20 points) in 2026-Q4. Behind it: "NPS" 50 → 30 (higher is ' +
          'better); "Cost to serve" 60 € → 40 € (lower is better).',
        measureIds: ['nps', 'cost'],
        readingIds: [...npsReadings, ...costReadings].map((r) => r.id),
      },
    ]);
    const [alert] = alerts;
    expect(alert.indices.customer).toEqual({ opening: 0.5, closing: 0.3, change: -0.2 });
    expect(alert.indices.business.change).toBeCloseTo(0.2, 10);
    expect(alert.moves.map((m) => [m.measureId, m.opening.value, m.closing.value])).toEqual([
      ['nps', 50, 30],
      ['cost', 60, 40],
    ]);
  });

  it('raises the mirror kind when the business index falls as the customer index rises', () => {
    const alerts = alertsOf([nps, cost], [...moved('nps', 30, 50), ...moved('cost', 40, 60)]);
    expect(alerts.map((a) => a.kind)).toEqual(['business_worsens_as_customer_improves']);
  });

  it('is critical when the fall reaches criticalDrop', () => {
    const readings = [...moved('nps', 50, 20), ...moved('cost', 60, 59)];
    expect(alertsOf([nps, cost], readings).map((a) => a.severity)).toEqual(['critical']);
    expect(
      tensionAlerts({ cycle: Q4_2026, measures: [nps, cost], readings }, { criticalDrop: 0.5 }).map(
        (a) => a.severity,
      ),
    ).toEqual(['warning']);
  });

  it('is critical exactly at criticalDrop, and a warning just below it', () => {
    // NPS 50 → 25: the customer index falls by exactly 0.25, the default criticalDrop.
    const readings = [...moved('nps', 50, 25), ...moved('cost', 60, 59)];
    const input = { cycle: Q4_2026, measures: [nps, cost], readings };
    const severities = (options = {}) => tensionAlerts(input, options).map((a) => a.severity);
    expect(severities()).toEqual(['critical']);
    expect(severities({ criticalDrop: 0.25 })).toEqual(['critical']);
    expect(severities({ criticalDrop: 0.2500001 })).toEqual(['warning']);
  });

  it.each([
    ['a fall within the default threshold', moved('nps', 50, 45), moved('cost', 60, 40)],
    ['a fall with a flat other side', moved('nps', 50, 10), moved('cost', 60, 60)],
    ['both falling', moved('nps', 50, 10), moved('cost', 40, 60)],
    ['both rising', moved('nps', 10, 50), moved('cost', 60, 40)],
  ])('stays quiet for %s', (_label, npsReadings, costReadings) => {
    expect(alertsOf([nps, cost], [...npsReadings, ...costReadings])).toEqual([]);
  });

  it('needs the fall to exceed the threshold strictly', () => {
    const eighths = perspectiveMeasure('c', 'customer', { baseline: 0, target: 8 });
    const readings = [...moved('c', 4, 3), ...moved('cost', 60, 40)]; // customer falls 0.125
    const input = { cycle: Q4_2026, measures: [eighths, cost], readings };
    expect(tensionAlerts(input, { threshold: 0.125 })).toEqual([]);
    expect(tensionAlerts(input, { threshold: 0.124 })).toHaveLength(1);
  });

  it('weighs the measures of a perspective', () => {
    const better = perspectiveMeasure('c1', 'customer', { weight: 3 });
    const worse = perspectiveMeasure('c2', 'customer');
    const readings = [...moved('c1', 50, 60), ...moved('c2', 50, 0), ...moved('cost', 60, 40)];
    // weights 3 and 1: (3 × 0.1 - 0.5) / 4 = -0.05, within the threshold.
    expect(alertsOf([better, worse, cost], readings)).toEqual([]);
    // equal weights: (0.1 - 0.5) / 2 = -0.2; the alert points at the falling measure only.
    const [alert] = alertsOf([{ ...better, weight: 1 }, worse, cost], readings);
    expect(alert.kind).toBe('customer_worsens_as_business_improves');
    expect(alert.measureIds).toEqual(['c2', 'cost']);
  });

  it('compares quarter to quarter: one reading before the cycle and one in it are a change', () => {
    // The scenario of issue 13: satisfaction 60 → 52, cost to serve 95 → 85, read once a quarter.
    const satisfaction = perspectiveMeasure('sat', 'customer', { baseline: 50, target: 70 });
    const serve = perspectiveMeasure('serve', 'business', {
      direction: 'lower_is_better',
      baseline: 100,
      target: 80,
    });
    const readings = [...moved('sat', 60, 52), ...moved('serve', 95, 85)];
    const [alert] = alertsOf([satisfaction, serve], readings);
    expect(alert.kind).toBe('customer_worsens_as_business_improves');
    expect(alert.indices.customer).toMatchObject({ opening: 0.5, closing: 0.1 });
  });

  it('ignores readings after the cycle and, for the running cycle, after now', () => {
    const readings = [
      reading('nps', 50, daysAfter(Q4_2026.start, -3)),
      reading('nps', 10, Q4_2026.end),
      ...moved('cost', 60, 40),
    ];
    expect(alertsOf([nps, cost], readings)).toEqual([]);
    const late = [...moved('nps', 50, 10), ...moved('cost', 60, 40)];
    expect(alertsOf([nps, cost], late, { now: daysAfter(Q4_2026.start, 20) })).toEqual([]);
    expect(alertsOf([nps, cost], late, { now: daysAfter(Q4_2026.start, 80) })).toHaveLength(1);
  });

  it('opens a measure with no earlier reading at its baseline', () => {
    // NPS has baseline 0: a first reading of 30 in the cycle is a rise of 30 points.
    const readings = [reading('nps', 30, daysAfter(Q4_2026.start, 10)), ...moved('cost', 40, 60)];
    const [alert] = alertsOf([nps, cost], readings);
    expect(alert.kind).toBe('business_worsens_as_customer_improves');
    expect(alert.explanation).toContain('"NPS" baseline 0 → 30');
    expect(alert.moves[0].opening.reading).toBeNull();
  });

  it('counts a measure that did not move in the cycle at its standing in both ends of its index', () => {
    const held = perspectiveMeasure('held', 'customer');
    const readings = [
      ...moved('nps', 50, 20),
      reading('held', 100, daysAfter(Q4_2026.start, -40)),
      ...moved('cost', 60, 40),
    ];
    const [alert] = alertsOf([nps, held, cost], readings);
    // (0.5 + 1) / 2 = 0.75 → (0.2 + 1) / 2 = 0.6: a fall of 15 points, a warning.
    expect(alert.severity).toBe('warning');
    expect(alert.explanation).toMatch(/^Customer value fell from 75% to 60% \(-15 points\)/);
    expect(alert.measureIds).toEqual(['nps', 'cost']);
  });

  it('uses corrections instead of the readings they supersede', () => {
    const [first, last] = moved('nps', 50, 30);
    const fix = reading('nps', 55, last.observedAt, { supersedesId: last.id });
    expect(alertsOf([nps, cost], [first, last, fix, ...moved('cost', 60, 40)])).toEqual([]);
  });

  it('names an unnamed cycle by its dates', () => {
    const { name: _name, ...unnamed } = Q4_2026;
    const [alert] = tensionAlerts({
      cycle: unnamed,
      measures: [nps, cost],
      readings: [...moved('nps', 50, 30), ...moved('cost', 60, 40)],
    });
    expect(alert.explanation).toMatch(/from 1 Oct 2026 to 31 Dec 2026\. Behind it/);
  });
});

describe('tensionAlerts: counter-measures and protected groups', () => {
  const guarded = { ...nps, counterMeasureId: 'cost' };

  it('warns when a counter-measure gets worse, direction-aware', () => {
    const costReadings = moved('cost', 60, 70);
    const alerts = alertsOf([guarded, cost], [...moved('nps', 50, 50), ...costReadings]);
    expect(alerts).toMatchObject<TensionAlert[]>([
      {
        kind: 'counter_measure_worsens',
        severity: 'warning',
        explanation:
          'Counter-measure "Cost to serve" (guarding "NPS") got worse in 2026-Q4: ' +
          '60 € → 70 € (lower is better).',
        measureIds: ['cost'],
        readingIds: costReadings.map((r) => r.id),
      },
    ]);
  });

  it('is quiet when the counter-measure holds or improves, or is nobody’s counter-measure', () => {
    expect(alertsOf([guarded, cost], moved('cost', 60, 60))).toEqual([]);
    expect(alertsOf([guarded, cost], moved('cost', 60, 50))).toEqual([]);
    expect(alertsOf([nps, cost], moved('cost', 60, 70))).toEqual([]);
  });

  it('judges a target-is-best counter-measure by its distance to the target', () => {
    const ratio = perspectiveMeasure('ratio', 'business', {
      direction: 'target_is_best',
      baseline: 0,
      target: 10,
    });
    const guarding = { ...nps, counterMeasureId: 'ratio' };
    expect(alertsOf([guarding, ratio], moved('ratio', 9, 12))).toHaveLength(1);
    expect(alertsOf([guarding, ratio], moved('ratio', 7, 12))).toEqual([]);
  });

  it('is critical when the counter-measure loses criticalDrop of its progress', () => {
    const [alert] = alertsOf([guarded, cost], moved('cost', 40, 70));
    expect(alert.severity).toBe('critical');
  });

  it('is critical when the counter-measure loses exactly criticalDrop, a warning just below', () => {
    // Cost 50 → 75 (lower is better, 100 → 0): its progress falls by exactly 0.25.
    const input = { cycle: Q4_2026, measures: [guarded, cost], readings: moved('cost', 50, 75) };
    const severities = (options = {}) => tensionAlerts(input, options).map((a) => a.severity);
    expect(severities()).toEqual(['critical']);
    expect(severities({ criticalDrop: 0.25 })).toEqual(['critical']);
    expect(severities({ criticalDrop: 0.2500001 })).toEqual(['warning']);
  });

  it('raises a critical alert when a protected group’s measure gets worse', () => {
    const keyNps = { ...nps, customerGroupId: 'key' };
    const readings = moved('nps', 50, 49);
    const groups = [group('key', true, 'Key accounts'), group('other', false)];
    expect(alertsOf([keyNps], readings, { customerGroups: groups })).toMatchObject<TensionAlert[]>([
      {
        kind: 'protected_group_worsens',
        severity: 'critical',
        explanation:
          '"NPS" of protected customer group "Key accounts" got worse in 2026-Q4: ' +
          '50 → 49 (higher is better).',
        measureIds: ['nps'],
        readingIds: readings.map((r) => r.id),
      },
    ]);
    const otherNps = { ...nps, customerGroupId: 'other' };
    expect(alertsOf([otherNps], readings, { customerGroups: groups })).toEqual([]);
    expect(alertsOf([keyNps], readings)).toEqual([]);
    expect(alertsOf([keyNps], moved('nps', 50, 51), { customerGroups: groups })).toEqual([]);
  });

  it('lists divergence, then counter-measure, then protected-group alerts', () => {
    const keyNps = { ...guarded, customerGroupId: 'key' };
    const rising = perspectiveMeasure('rev', 'business');
    const alerts = alertsOf(
      [keyNps, cost, rising],
      [...moved('nps', 50, 30), ...moved('cost', 60, 62), ...moved('rev', 10, 60)],
      { customerGroups: [group('key', true)] },
    );
    expect(alerts.map((a) => a.kind)).toEqual<TensionAlertKind[]>([
      'customer_worsens_as_business_improves',
      'counter_measure_worsens',
      'protected_group_worsens',
    ]);
  });
});
