import { fuzz, summaryLine } from './fuzzer';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The contract fuzzer, small: 8 cases per operation with a fixed seed, then 8 with a random
 * seed (printed, so a failure can be repeated with `npm run fuzz -- --seed <seed>`). The full
 * run (200 per operation) is `npm run fuzz`.
 */
const FIXED_SEED = 20261201;
const RANDOM_SEED = Math.floor(Math.random() * 2 ** 31);

describe('contract fuzz (small run)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WAYPOINT_DEMO: 'true' }, databasePrefix: 'wp_fuzz' });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a fixed seed', FIXED_SEED],
    ['a random seed', RANDOM_SEED],
  ])('finds nothing with %s (%d)', async (_label, seed) => {
    const result = await fuzz({ baseUrl: t.baseUrl, seed, runs: 8 });
    const findings = result.operations
      .filter((op) => op.findings.length > 0)
      .map((op) => `${summaryLine(op)}\n  ${op.findings.join('\n  ')}`);
    expect(findings).toEqual([]);
    expect(result.operations.length).toBeGreaterThanOrEqual(70);
    expect(result.cases).toBe(result.operations.length * 8);
    // Every operation was reached by some case that passed authentication.
    const unreached = result.operations
      .filter((op) => [...op.statuses.keys()].every((s) => s === 401))
      .map((op) => op.key);
    expect(unreached).toEqual([]);
  });
});
