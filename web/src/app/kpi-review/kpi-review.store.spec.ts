import { counterPairs, groupByClass, type KpiRow } from './kpi-review.store';

function aRow(overrides: Partial<KpiRow>): KpiRow {
  return {
    id: 'x',
    name: 'x',
    unit: '',
    initiativeId: 'i1',
    initiativeTitle: 'One',
    perspective: 'customer',
    kpiClass: 'customer_centric',
    counterMeasure: null,
    progress: null,
    stale: false,
    worsening: false,
    ...overrides,
  };
}

describe('KPI review', () => {
  it('groups by class in a fixed order, warnings first, then by name', () => {
    const rows = [
      aRow({ id: 'b', name: 'B' }),
      aRow({ id: 'a', name: 'A' }),
      aRow({ id: 'w', name: 'W', worsening: true }),
      aRow({ id: 'n', name: 'N', kpiClass: 'neutral' }),
    ];
    const groups = groupByClass(rows);
    expect(groups.map((g) => g.kpiClass)).toEqual([
      'customer_centric',
      'neutral',
      'customer_toxic',
    ]);
    expect(groups[0].rows.map((r) => r.id)).toEqual(['w', 'a', 'b']);
    expect(groups[2].rows).toEqual([]);
  });

  it('pairs customer measures with their counter-measure', () => {
    const counter = aRow({ id: 'c', name: 'Cost', perspective: 'business', kpiClass: 'neutral' });
    const customer = aRow({
      id: 's',
      name: 'Satisfaction',
      counterMeasure: { id: 'c', name: 'Cost', perspective: 'business' },
    });
    expect(counterPairs([customer, counter, aRow({ id: 'z' })])).toEqual([{ customer, counter }]);
  });
});
