import { WARM_UP_SLICES, WARM_UP_WINDOW, warmUp } from '../../../scripts/perf/bench-load';

/** A load whose slices answer these req/s in turn; counts the slices it was asked for. */
function slices(rates: readonly number[]): {
  slice: () => Promise<{ rps: number }>;
  asked: () => number;
} {
  let n = 0;
  return {
    slice: () => Promise.resolve({ rps: rates[n++] ?? NaN }),
    asked: () => n,
  };
}

// `npm run bench` warms each target until its req/s holds still, so that a server's cold start
// (the write at half speed for ~10 s) stays out of the first round's figures.
describe('the bench warm-up', () => {
  it('stops once three slices in a row are within 10 % of each other', async () => {
    const load = slices([120, 180, 200, 205, 210, 999]);
    expect(await warmUp(load.slice)).toEqual([120, 180, 200, 205, 210]);
    expect(load.asked()).toBe(5);
  });

  it('goes on through a plateau that is still rising (95, 107, 101 and then ~200)', async () => {
    const load = slices([95, 107, 101, 150, 190, 200, 198, 201]);
    expect(await warmUp(load.slice)).toEqual([95, 107, 101, 150, 190, 200, 198]);
  });

  it('never stops before the window is full, and gives up after the last slice', async () => {
    expect(await warmUp(slices([300, 300, 300]).slice)).toHaveLength(WARM_UP_WINDOW);
    const unsteady = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 100 : 200));
    const load = slices(unsteady);
    expect(await warmUp(load.slice)).toHaveLength(WARM_UP_SLICES);
    expect(load.asked()).toBe(WARM_UP_SLICES);
  });
});
