import type { PortfolioSeriesResponse } from '@waypoint/contracts';
import { toChartSeries } from './cycle-series-chart.component';
import { decisionTotals, initiativeSeries, portfolioLines } from './cycles.store';

const cycle = (name: string) => ({ id: name, name, startsOn: '', endsOn: '' });

const SERIES: PortfolioSeriesResponse = {
  initiatives: [
    { id: 'a', title: 'Alpha' },
    { id: 'b', title: 'Beta' },
  ],
  cycles: [
    {
      cycle: cycle('Q2'),
      customer: 0.1,
      business: null,
      decisions: { adopt: 1, adapt: 0, abandon: 0 },
      initiatives: [{ id: 'a', customer: 0.1, business: null }],
    },
    {
      cycle: cycle('Q3'),
      customer: 0.3,
      business: 0.5,
      decisions: { adopt: 0, adapt: 2, abandon: 1 },
      initiatives: [
        { id: 'a', customer: 0.2, business: 0.4 },
        { id: 'b', customer: null, business: 0.6 },
      ],
    },
  ],
};

describe('the cycle series', () => {
  it("gives the portfolio's customer and business line", () => {
    expect(portfolioLines(SERIES)).toEqual([
      { name: 'Customer index', values: [0.1, 0.3] },
      { name: 'Business index', values: [null, 0.5] },
    ]);
  });

  it('gives each initiative its lines, with gaps where a cycle has no value', () => {
    const [alpha, beta] = initiativeSeries(SERIES);
    expect(alpha.lines[0].values).toEqual([0.1, 0.2]);
    expect(beta.title).toBe('Beta');
    expect(beta.lines).toEqual([
      { name: 'Customer index', values: [null, null] },
      { name: 'Business index', values: [null, 0.6] },
    ]);
  });

  it('counts the decisions per cycle', () => {
    expect(decisionTotals(SERIES)).toEqual([
      { cycle: 'Q2', adopt: 1, adapt: 0, abandon: 0, total: 1 },
      { cycle: 'Q3', adopt: 0, adapt: 2, abandon: 1, total: 3 },
    ]);
  });

  it('drops the missing points from the chart data', () => {
    expect(toChartSeries(['Q2', 'Q3'], portfolioLines(SERIES))).toEqual([
      {
        name: 'Customer index',
        series: [
          { name: 'Q2', value: 0.1 },
          { name: 'Q3', value: 0.3 },
        ],
      },
      { name: 'Business index', series: [{ name: 'Q3', value: 0.5 }] },
    ]);
  });
});
