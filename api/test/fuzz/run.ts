/**
 * `npm run fuzz`: the full contract fuzz. Starts the real app with the demo data on a fresh
 * database (DATABASE_URL server, dropped afterwards; else the embedded database), fuzzes every
 * operation, prints a summary per operation and exits non-zero on findings.
 *
 *   npm run fuzz -- --seed 42 --runs 200 [--only "/api/users"]
 */
import { startTestApp } from '../support/test-app';
import { fuzz } from './fuzzer';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const seed = Number(argument('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const runs = Number(argument('runs') ?? 200);
  const only = argument('only');
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: fuzz [--seed <integer>] [--runs <cases per operation>]\n');
    return 2;
  }
  process.stdout.write(`contract fuzz: seed ${seed}, ${runs} cases per operation\n`);
  const started = Date.now();
  const t = await startTestApp({ env: { WAYPOINT_DEMO: 'true' }, databasePrefix: 'wp_fuzz' });
  process.stdout.write(
    `app ready on the ${t.databaseKind} database in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  try {
    const result = await fuzz({
      baseUrl: t.baseUrl,
      seed,
      runs,
      ...(only ? { only } : {}),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      `\n${result.operations.length} operations, ${result.cases} cases, ` +
        `${result.findings} findings in ${(result.millis / 1000).toFixed(1)} s (seed ${seed}; ` +
        `repeat with: npm run fuzz -- --seed ${seed} --runs ${runs})\n`,
    );
    if (result.findings > 0 && t.stderr()) {
      process.stdout.write(`server log (last lines):\n${t.stderr().slice(-3_000)}\n`);
    }
    return result.findings === 0 ? 0 : 1;
  } finally {
    await t.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `fuzz failed: ${error instanceof Error ? (error.stack ?? '') : String(error)}\n`,
    );
    process.exit(2);
  },
);
