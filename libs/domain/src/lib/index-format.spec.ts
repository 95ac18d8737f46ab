import {
  formatIndexChange,
  formatIndexMovement,
  formatIndexPercent,
  indexPercent,
} from './index-format';

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

  it.each([
    [0.3, 0.45, '30% → 45% (+15 points)'],
    [0.164, -0.078, '16% → -8% (-24 points)'],
    [0.424, 0.434, '42% → 43% (+1 point)'],
    [0.421, 0.424, '42% → 42% (no change)'],
    [-0.5, 1.5, '-50% → 150% (+200 points)'],
  ])('reads a move from %p to %p as %p, the points adding up as shown', (from, to, text) => {
    expect(formatIndexMovement(from, to)).toBe(text);
  });
});
