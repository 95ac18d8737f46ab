/**
 * npm run soak -- --minutes 10: mixed load (reads, readings, gate decisions) against the
 * production build on the local PostgreSQL, at a fixed rate (open loop, 50 operations/s unless
 * --rate says otherwise) and with the container image's NODE_OPTIONS; no errors, and RSS growth
 * under 10 % from the end of the warm-up to the end of the run (RSS sampled every 5 s, and the
 * app's own process.memoryUsage() beside it to tell the V8 heap from native memory).
 */
import { productionMallocArenas, productionNodeOptions } from '../lib/production-build';
import {
  argsOf,
  memoryProbeArgs,
  sleep,
  startApp,
  type AppProcess,
  type MemorySample,
} from './lib/app-process';
import {
  gateFixtures,
  MAX_IN_FLIGHT,
  MixedLoad,
  readingTarget,
  signInCast,
  sqlPool,
  summarise,
} from './lib/load';
import { Checks, loadAverage, say } from './lib/report';
import { scratchDatabase } from './lib/server-db';

const SAMPLE_MS = 5000;
const GROWTH_LIMIT = 0.1;
/** Operations per second of the open loop (about 90 requests/s: a decision is 4-5 requests). */
const DEFAULT_RATE = 50;

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const mean = (values: number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

interface SoakOptions {
  minutes: number;
  /** Operations per second (open loop); undefined: 3 closed-loop workers (--closed-loop). */
  rate: number | undefined;
  /** Environment for the app: the image's NODE_OPTIONS, or what --app-env sets instead. */
  appEnv: Record<string, string>;
}

/** Growth of each process.memoryUsage() figure: mean of the first six samples vs the last six. */
function memoryBreakdown(samples: MemorySample[]): string[] {
  const keys = ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const;
  const first = samples.slice(0, 6);
  const last = samples.slice(-6);
  const lines = keys.map((key) => {
    const a = mean(first.map((s) => s[key]));
    const b = mean(last.map((s) => s[key]));
    return `  ${key.padEnd(12)} ${mib(a).padStart(10)} -> ${mib(b).padStart(10)} (${b - a >= 0 ? '+' : ''}${mib(b - a)})`;
  });
  const rest = (list: MemorySample[]): number =>
    mean(list.map((s) => s.rss - s.heapTotal - s.external));
  lines.push(
    `  ${'rss - heapTotal - external'.padEnd(12)} ${mib(rest(first))} -> ${mib(rest(last))} (native: code, stacks, malloc)`,
  );
  return lines;
}

async function soak({ minutes, rate, appEnv }: SoakOptions, checks: Checks): Promise<void> {
  const db = await scratchDatabase('soak');
  let app: AppProcess | null = null;
  try {
    // --trace-gc: the heap after each full GC tells retained memory apart from garbage.
    app = await startApp({ DATABASE_URL: db.url, WAYPOINT_DEMO: 'true', ...appEnv }, null, [
      '--trace-gc',
      ...memoryProbeArgs(),
    ]);
    const sql = sqlPool(db.url);
    const cast = await signInCast(app.baseUrl, sql);
    const measureId = await readingTarget(sql, cast);
    // Gates are sent back and submitted again: the data the reads cover stays the same size.
    const gates = await gateFixtures(sql, cast, 12);
    const load = new MixedLoad({
      baseUrl: app.baseUrl,
      cast,
      measureId,
      gates,
      workers: 3,
      thinkMs: 10,
      recycleGates: true,
      ...(rate === undefined ? {} : { rate }),
    });
    const durationMs = minutes * 60_000;
    const warmUpMs = Math.min(60_000, durationMs / 5);
    const samples: { at: number; rss: number }[] = [];
    let fullGcsAtWarmUp = -1;
    const loads: number[] = [];
    const started = Date.now();
    say(
      `soak: ${minutes} min, warm-up ${warmUpMs / 1000} s, ` +
        `${rate === undefined ? '3 closed-loop workers' : `open loop at ${rate} operations/s`}, ` +
        `app environment ${JSON.stringify(appEnv)}, load average at start ${loadAverage()}`,
    );
    load.start();
    load.phase = 'warm-up';
    while (Date.now() - started < durationMs) {
      await sleep(SAMPLE_MS);
      if (app.exitStatus() !== null) throw new Error(`the app exited: ${app.exitStatus() ?? ''}`);
      const elapsed = Date.now() - started;
      if (elapsed >= warmUpMs && fullGcsAtWarmUp < 0) fullGcsAtWarmUp = app.heapAfterFullGc.length;
      if (elapsed >= warmUpMs) load.phase = 'measured';
      samples.push({ at: elapsed, rss: app.rss() });
      loads.push(Number(loadAverage().split(' ')[0]));
      if (samples.length % 12 === 0) {
        const probe = app.memory[app.memory.length - 1];
        const heap = probe ? `, heap ${mib(probe.heapUsed)} of ${mib(probe.heapTotal)}` : '';
        say(
          `  ${Math.round(elapsed / 1000)} s: ${load.outcomes.length} requests, RSS ${mib(app.rss())}${heap}, ` +
            `full GCs ${app.heapAfterFullGc.length}, load ${loadAverage()}`,
        );
      }
    }
    await load.stop();
    await sql.end();
    const seconds = (Date.now() - started) / 1000;
    say('\nphase        requests  statuses  latency');
    for (const line of summarise(load.outcomes)) say(line);
    for (const [key, detail] of load.firstProblems) say(`first ${key}: ${detail.slice(0, 160)}`);
    say(
      `${load.outcomes.length} requests in ${seconds.toFixed(0)} s (${(load.outcomes.length / seconds).toFixed(1)}/s); ` +
        `${load.ackedReadings.length} readings and ${load.ackedDecisions.length} gate decisions acknowledged`,
    );
    const measured = samples.filter((s) => s.at >= warmUpMs);
    const first = measured.slice(0, 6).map((s) => s.rss);
    const last = measured.slice(-6).map((s) => s.rss);
    const rss = measured.map((s) => s.rss);
    const growth = mean(last) / Math.max(1, mean(first)) - 1;
    say(
      `RSS (${measured.length} samples every ${SAMPLE_MS / 1000} s after warm-up): first ${mib(rss[0] ?? 0)}, ` +
        `last ${mib(rss[rss.length - 1] ?? 0)}, min ${mib(Math.min(...rss))}, max ${mib(Math.max(...rss))}; ` +
        `mean of the first 30 s ${mib(mean(first))}, of the last 30 s ${mib(mean(last))}: growth ${(growth * 100).toFixed(1)} %`,
    );
    if (load.skipped > 0)
      say(`open loop: ${load.skipped} operations skipped (${MAX_IN_FLIGHT} in flight)`);
    const memory = app.memory.filter((m) => m.at - started >= warmUpMs);
    say(`process.memoryUsage() after warm-up (${memory.length} samples), first 30 s -> last 30 s:`);
    for (const line of memoryBreakdown(memory)) say(line);
    say(
      `load average during the run: mean ${mean(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)} (2 cores)`,
    );
    const heaps = app.heapAfterFullGc.slice(Math.max(0, fullGcsAtWarmUp));
    const heapGrowth =
      heaps.length >= 2 ? (heaps[heaps.length - 1] ?? 0) / Math.max(1, heaps[0] ?? 1) - 1 : NaN;
    say(
      `V8 heap after full GC (${heaps.length} mark-compacts after warm-up): first ${heaps[0] ?? '?'} MB, ` +
        `last ${heaps[heaps.length - 1] ?? '?'} MB, min ${Math.min(...heaps)} MB, max ${Math.max(...heaps)} MB: growth ${(heapGrowth * 100).toFixed(1)} %`,
    );
    const errors = load.outcomes.filter((o) => o.status >= 400 || o.status <= 0);
    checks.add(
      'no errors (every answer 2xx)',
      errors.length === 0,
      `${errors.length} of ${load.outcomes.length}`,
    );
    checks.add(
      'gate decisions were part of the load',
      load.ackedDecisions.length > 0,
      `${load.ackedDecisions.length}`,
    );
    checks.add(
      `RSS growth after warm-up under ${GROWTH_LIMIT * 100} %`,
      growth < GROWTH_LIMIT,
      `${(growth * 100).toFixed(1)} %`,
    );
    checks.add(
      `V8 heap after full GC grows under ${GROWTH_LIMIT * 100} % (retained memory)`,
      heapGrowth < GROWTH_LIMIT,
      `${(heapGrowth * 100).toFixed(1)} % over ${heaps.length} full GCs`,
    );
    checks.add('the app is still running', app.exitStatus() === null);
  } finally {
    if (app && app.exitStatus() === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await db.drop();
  }
}

async function main(): Promise<void> {
  const args = argsOf(process.argv.slice(2));
  const minutes = Number(args.get('minutes') ?? '10');
  const rate = args.has('closed-loop') ? undefined : Number(args.get('rate') ?? DEFAULT_RATE);
  // The app runs with the container image's Node options and malloc arenas unless --app-env says
  // otherwise.
  const appEnv: Record<string, string> = {
    NODE_OPTIONS: productionNodeOptions(),
    MALLOC_ARENA_MAX: productionMallocArenas(),
  };
  for (const pair of (args.get('app-env') ?? '').split(',').filter(Boolean)) {
    const [key, ...value] = pair.split('=');
    if (key) appEnv[key] = value.join('=');
  }
  if (!(minutes > 0 && minutes <= 24 * 60) || (rate !== undefined && !(rate > 0 && rate <= 1000))) {
    say(
      'usage: npm run soak -- [--minutes <1..1440>] [--rate <operations/s, 1..1000> | --closed-loop] ' +
        '[--app-env KEY=VALUE,...]',
    );
    process.exit(2);
  }
  const checks = new Checks();
  try {
    await soak({ minutes, rate, appEnv }, checks);
  } catch (error) {
    checks.add('the soak completed', false, error instanceof Error ? error.message : String(error));
  }
  checks.print();
  process.exit(checks.failed > 0 ? 1 : 0);
}

void main();
