import { niceTicks, outlierIndices, timeTicks, valueDomain } from './reading-chart-scale';

describe('the readings chart scale', () => {
  it('marks the issue’s -3 £ reading of a 6.4 → 6 cost as an outlier, and keeps the rest in scale', () => {
    const values = [6.4, 6.3, -3, 6.2];
    const outliers = outlierIndices(values, 6.4, 6);
    expect([...outliers]).toEqual([2]);
    const domain = valueDomain(values, 6.4, 6, outliers);
    expect(domain.min).toBeGreaterThan(5.5);
    expect(domain.max).toBeLessThan(7);
  });

  it('marks a slipped decimal point (64 for 6.4) even with only one other reading', () => {
    expect([...outlierIndices([6.3, 64], 6.4, 6)]).toEqual([1]);
  });

  it('never marks a steady journey from baseline to target, nor a value inside the band', () => {
    expect(outlierIndices([40, 38, 35, 30, 25, 21], 40, 20).size).toBe(0);
    expect(outlierIndices([20, 20, 20, 39], 40, 20).size).toBe(0);
    // Worse than the baseline but in proportion: drawn in scale.
    expect(outlierIndices([40, 45, 50], 40, 20).size).toBe(0);
  });

  it('pads the domain, and keeps baseline and target inside it', () => {
    expect(valueDomain([], 40, 20, new Set())).toEqual({ min: 18, max: 42 });
    expect(valueDomain([5], 5, 5, new Set())).toEqual({ min: 4.5, max: 5.5 });
  });

  it('picks round ticks within the range', () => {
    expect(niceTicks(18, 42)).toEqual([20, 30, 40]);
    expect(niceTicks(5.96, 6.44)).toEqual([6, 6.2, 6.4]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0)).toEqual([0]);
  });

  it('spreads date ticks evenly from the first to the last instant', () => {
    expect(timeTicks(0, 300, 4)).toEqual([0, 100, 200, 300]);
    expect(timeTicks(5, 5, 4)).toEqual([5]);
  });
});
