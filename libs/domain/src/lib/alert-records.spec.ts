import type { AlertStatus, TensionAlertKind } from '@waypoint/contracts';
import {
  alertAnswerProblem,
  alertIdentity,
  reconcileAlerts,
  type AlertRecordState,
} from './alert-records';

const finding = (kind: TensionAlertKind, measureIds: string[] = ['m-1']) => ({
  kind,
  measureIds,
});

const record = (
  id: string,
  kind: TensionAlertKind,
  status: AlertStatus,
  measureId: string | null = null,
): AlertRecordState => ({ id, kind, status, measureId });

describe('alertIdentity', () => {
  it.each<[TensionAlertKind, string[], string | null]>([
    ['customer_worsens_as_business_improves', ['a', 'b'], null],
    ['business_worsens_as_customer_improves', ['a'], null],
    ['counter_measure_worsens', ['c'], 'c'],
    ['protected_group_worsens', ['p'], 'p'],
  ])('%s over %j is told apart by measure %s', (kind, measureIds, measureId) => {
    expect(alertIdentity({ kind, measureIds })).toEqual({ kind, measureId });
  });
});

describe('reconcileAlerts', () => {
  const divergence = finding('customer_worsens_as_business_improves', ['nps', 'cost']);
  const protectedNps = finding('protected_group_worsens', ['nps']);

  it('raises every finding when there is no record (the scenario of issue 13)', () => {
    expect(reconcileAlerts([divergence, protectedNps], [])).toEqual({
      raise: [divergence, protectedNps],
      resolve: [],
    });
  });

  it('keeps a live record of the same identity, open or acknowledged, whatever its measures', () => {
    const moreMeasures = finding('customer_worsens_as_business_improves', ['nps', 'cost', 'x']);
    for (const status of ['open', 'acknowledged'] as const) {
      expect(
        reconcileAlerts(
          [moreMeasures, protectedNps],
          [
            record('r-1', 'customer_worsens_as_business_improves', status),
            record('r-2', 'protected_group_worsens', status, 'nps'),
          ],
        ),
      ).toEqual({ raise: [], resolve: [] });
    }
  });

  it('resolves a live record whose finding is gone, and only live ones', () => {
    expect(
      reconcileAlerts(
        [protectedNps],
        [
          record('open', 'customer_worsens_as_business_improves', 'open'),
          record('ack', 'counter_measure_worsens', 'acknowledged', 'cost'),
          record('done', 'counter_measure_worsens', 'resolved', 'other'),
          record('gone', 'business_worsens_as_customer_improves', 'dismissed'),
          record('kept', 'protected_group_worsens', 'open', 'nps'),
        ],
      ),
    ).toEqual({ raise: [], resolve: ['open', 'ack'] });
  });

  it('does not raise again what an executive dismissed in the cycle', () => {
    expect(
      reconcileAlerts(
        [divergence],
        [record('d', 'customer_worsens_as_business_improves', 'dismissed')],
      ),
    ).toEqual({ raise: [], resolve: [] });
  });

  it('raises again a condition that ended (resolved) and came back', () => {
    expect(
      reconcileAlerts(
        [divergence],
        [record('r', 'customer_worsens_as_business_improves', 'resolved')],
      ),
    ).toEqual({ raise: [divergence], resolve: [] });
  });

  it('tells the measures of per-measure kinds apart', () => {
    const otherMeasure = finding('protected_group_worsens', ['csat']);
    expect(
      reconcileAlerts(
        [protectedNps, otherMeasure],
        [
          record('nps', 'protected_group_worsens', 'open', 'nps'),
          record('x', 'protected_group_worsens', 'dismissed', 'churn'),
        ],
      ),
    ).toEqual({ raise: [otherMeasure], resolve: [] });
  });
});

describe('alertAnswerProblem', () => {
  it.each<[AlertStatus, 'acknowledge' | 'dismiss', boolean]>([
    ['open', 'acknowledge', true],
    ['acknowledged', 'acknowledge', false],
    ['resolved', 'acknowledge', false],
    ['dismissed', 'acknowledge', false],
    ['open', 'dismiss', true],
    ['acknowledged', 'dismiss', true],
    ['resolved', 'dismiss', false],
    ['dismissed', 'dismiss', false],
  ])('an alert %s may be %s: %s', (status, action, allowed) => {
    const problem = alertAnswerProblem(status, action);
    expect(problem === null).toBe(allowed);
    if (problem !== null) expect(problem).toContain(`This alert is ${status}`);
  });
});
