import { formatIndexChange, formatIndexPercent, indexPercent } from './index-format';

describe('index format', () => {
  it('reads an index as a whole percentage, 0 % at the baseline and 100 % at the target', () => {
    expect(formatIndexPercent(0)).toBe('0%');
    expect(formatIndexPercent(1)).toBe('100%');
    expect(formatIndexPercent(0.423)).toBe('42%');
    expect(formatIndexPercent(-0.08)).toBe('-8%');
    expect(formatIndexPercent(1.256)).toBe('126%');
  });

  it('never reads -0', () => {
    expect(Object.is(indexPercent(-0.004), 0)).toBe(true);
    expect(formatIndexPercent(-0.004)).toBe('0%');
  });

  it('reads a change in percentage points with its sign, and a rounded-away change as none', () => {
    expect(formatIndexChange(0.12)).toBe('+12 points');
    expect(formatIndexChange(-0.08)).toBe('-8 points');
    expect(formatIndexChange(0.01)).toBe('+1 point');
    expect(formatIndexChange(-0.004)).toBe('no change');
  });
});
