/**
 * `npm run bench -- [--duration 10] [--rounds 2] [--connections 50] [--initiatives 10000]
 *   [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--database waypoint_bench]
 *   [--reseed] [--no-doc] [--node-options=<options>] [--after-write 100]`
 *
 * Builds the production app if needed, creates and seeds the bench database (reused when it
 * already holds the dataset), starts `node dist/api/main.js` and the bare node:http + pg
 * baseline, and loads each target with autocannon, alternating app and baseline, round after
 * round. Then "portfolio after a write": --after-write times a reading recorded and then each
 * portfolio read, one at a time. The app's event-loop delay is measured over the whole run
 * (perf_hooks.monitorEventLoopDelay, preloaded), and `value:check`'s comparison runs on the
 * database after the load. Prints the table and writes it to docs/performance.md. The app runs
 * with the container image's NODE_OPTIONS (the heap budget) unless --node-options= gives others
 * (empty for V8's own).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CliArgs, fail } from './cli-args';
import { load, type LoadResult, memoryOf, type Target } from './bench-load';
import { machine, type Row, table, writeSection } from './bench-report';
import { ensureBuilt, ROOT, type Server, signIn, startApp, startBaseline } from './bench-servers';
import { ensureDataset, type Fixtures } from './bench-dataset';
import { SEED_PASSWORD } from './seed-plan';
import { portfolioAfterWrite } from './bench-after-write';
import { checkValueRows } from '../../api/src/app/value/value-check';

interface EventLoopFigures {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

function eventLoopFigures(file: string): EventLoopFigures | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EventLoopFigures) : null;
}

const POOL_SIZE = 10;

interface Plan {
  target: Target;
  goal: string;
  check: (r: LoadResult, baseline: LoadResult | undefined) => boolean | null;
}

function plans(f: Fixtures, reader: string, recorder: string, origin: string): Plan[] {
  const read = { cookie: reader };
  const listPath = '/api/initiatives?limit=50';
  let n = 0;
  return [
    {
      target: {
        name: 'initiatives list (50)',
        server: 'app',
        method: 'GET',
        paths: [listPath],
        headers: read,
      },
      goal: 'p99 < 50 ms, >= 0.5x baseline req/s',
      check: (r, b) => r.p99 < 50 && (b ? r.rps >= 0.5 * b.rps : false),
    },
    {
      target: {
        name: 'initiatives list (50)',
        server: 'baseline',
        method: 'GET',
        paths: ['/initiatives?limit=50'],
        headers: {},
      },
      goal: '',
      check: () => null,
    },
    {
      target: {
        name: 'initiative detail',
        server: 'app',
        method: 'GET',
        paths: f.initiativeIds.map((id) => `/api/initiatives/${id}`),
        headers: read,
      },
      goal: '(none; compare baseline)',
      check: () => null,
    },
    {
      target: {
        name: 'initiative detail',
        server: 'baseline',
        method: 'GET',
        paths: f.initiativeIds.map((id) => `/initiatives/${id}`),
        headers: {},
      },
      goal: '',
      check: () => null,
    },
    {
      target: {
        name: 'portfolio tension',
        server: 'app',
        method: 'GET',
        paths: ['/api/portfolio/tension'],
        headers: read,
      },
      goal: 'p95 < 100 ms',
      check: (r) => r.p95 < 100,
    },
    {
      target: {
        name: 'portfolio summary',
        server: 'app',
        method: 'GET',
        paths: ['/api/portfolio/summary'],
        headers: read,
      },
      goal: 'p95 < 100 ms',
      check: (r) => r.p95 < 100,
    },
    {
      target: {
        name: 'record a reading (POST)',
        server: 'app',
        method: 'POST',
        paths: f.measureIds.map((id) => `/api/measures/${id}/readings`),
        headers: { cookie: recorder, origin, 'content-type': 'application/json' },
        body: () =>
          JSON.stringify({
            value: 40 + (n++ % 10),
            observedAt: new Date(Date.now() - 60_000).toISOString(),
          }),
      },
      goal: 'p99 < 50 ms',
      check: (r) => r.p99 < 50,
    },
  ];
}

async function statementsOf(base: string, target: Target): Promise<number | null> {
  const res = await fetch(`${base}${target.paths[0] ?? '/'}`, {
    method: target.method,
    headers: target.headers,
    ...(target.body ? { body: target.body() } : {}),
  });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`${target.name}: ${target.method} answered ${res.status}`);
  const header = res.headers.get('x-sql-statements');
  return header === null ? null : Number(header);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function combine(runs: readonly LoadResult[]): LoadResult {
  const pick = (f: (r: LoadResult) => number): number => median(runs.map(f));
  return {
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    rps: pick((r) => r.rps),
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    p99: pick((r) => r.p99),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
  };
}

async function main(): Promise<void> {
  const args = new CliArgs(process.argv.slice(2));
  const duration = args.positiveInt('duration', 10);
  const rounds = args.positiveInt('rounds', 2);
  const connections = args.positiveInt('connections', 50);
  const initiatives = args.positiveInt('initiatives', 10_000);
  const adminUrl =
    args.text('database-url') ??
    process.env['DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = args.text('database') ?? 'waypoint_bench';
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const afterWrites = args.positiveInt('after-write', 100);
  const eventLoopFile = join(tmpdir(), `waypoint-bench-event-loop-${process.pid}.json`);
  rmSync(eventLoopFile, { force: true });

  ensureBuilt(['api']);
  const { url, fixtures, seeded } = await ensureDataset({
    adminUrl,
    databaseName,
    initiatives,
    reseed: args.flag('reseed'),
  });
  const servers: Server[] = [];
  try {
    const app = await startApp(url, POOL_SIZE, args.text('node-options'), eventLoopFile);
    servers.push(app);
    // The event loop is measured from here to the end of the load (start-up not counted).
    process.kill(app.pid, 'SIGUSR2');
    const baseline = await startBaseline(url, POOL_SIZE);
    servers.push(baseline);
    const reader = await signIn(app.base, fixtures.readerEmail, SEED_PASSWORD);
    const recorder = await signIn(app.base, fixtures.recorderEmail, SEED_PASSWORD);
    const all = plans(fixtures, reader, recorder, app.base);
    const serverOf = (t: Target): Server => (t.server === 'app' ? app : baseline);

    const statements = new Map<Plan, number | null>();
    for (const plan of all)
      statements.set(plan, await statementsOf(serverOf(plan.target).base, plan.target));
    const listTarget: Target = {
      name: 'list',
      server: 'app',
      method: 'GET',
      paths: [],
      headers: { cookie: reader },
    };
    const listSmall = await statementsOf(app.base, {
      ...listTarget,
      paths: ['/api/initiatives?limit=5'],
    });
    const listLarge = await statementsOf(app.base, {
      ...listTarget,
      paths: ['/api/initiatives?limit=200'],
    });

    process.stderr.write(`Warming up (${all.length} targets, 2 s each)...\n`);
    for (const plan of all) {
      await load(serverOf(plan.target).base, plan.target, serverOf(plan.target).pid, {
        connections,
        duration: 2,
      });
      // Let work the load left behind (a shared portfolio computation) finish before the next.
      if (plan.target.method === 'GET') await statementsOf(serverOf(plan.target).base, plan.target);
    }

    const runs = new Map<Plan, LoadResult[]>(all.map((p) => [p, []]));
    const cold = new Map<string, number[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const plan of all) {
        process.stderr.write(
          `round ${round}/${rounds}: ${plan.target.server} ${plan.target.name} (${duration} s)\n`,
        );
        const server = serverOf(plan.target);
        if (plan.target.name.startsWith('portfolio')) {
          // The previous round's readings changed the data: one request recomputes the answer
          // (timed and reported as the cold answer), then the load measures the steady state.
          const started = performance.now();
          await statementsOf(server.base, plan.target);
          cold.set(plan.target.name, [
            ...(cold.get(plan.target.name) ?? []),
            performance.now() - started,
          ]);
        }
        runs
          .get(plan)
          ?.push(await load(server.base, plan.target, server.pid, { connections, duration }));
        if (plan.target.method === 'GET') await statementsOf(server.base, plan.target);
      }
    }
    const afterWritePaths = ['/api/portfolio/tension', '/api/portfolio/summary'];
    process.stderr.write(`portfolio after a write (${afterWrites} times)\n`);
    const afterWrite = await portfolioAfterWrite({
      base: app.base,
      pid: app.pid,
      reader,
      recorder,
      measureIds: fixtures.measureIds,
      readPaths: afterWritePaths,
      iterations: afterWrites,
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const eventLoop = eventLoopFigures(eventLoopFile);
    const hwm = { app: memoryOf(app.pid).hwm, baseline: memoryOf(baseline.pid).hwm };
    const results = new Map(all.map((p) => [p, combine(runs.get(p) ?? [])]));
    const baselineOf = (p: Plan): LoadResult | undefined => {
      const twin = all.find(
        (q) => q.target.server === 'baseline' && q.target.name === p.target.name,
      );
      return twin ? results.get(twin) : undefined;
    };
    const afterWriteRows: Row[] = [
      ...afterWritePaths.map((path): Row => {
        const r = afterWrite.reads.get(path) ?? combine([]);
        return {
          target: `${path.replace('/api/portfolio/', 'portfolio ')} after a write`,
          server: 'app',
          statements: null,
          result: r,
          ratio: null,
          goal: 'p95 < 150 ms',
          met: r.p95 < 150,
        };
      }),
      {
        target: 'the write before each read',
        server: 'app',
        statements: null,
        result: afterWrite.write,
        ratio: null,
        goal: '(one at a time)',
        met: null,
      },
    ];
    const rows: Row[] = all.map((p) => {
      const r = results.get(p) ?? combine([]);
      const b = p.target.server === 'app' ? baselineOf(p) : undefined;
      return {
        target: p.target.name,
        server: p.target.server,
        statements: statements.get(p) ?? null,
        result: r,
        ratio: b ? r.rps / b.rps : null,
        goal: p.goal,
        met: p.check(r, b),
      };
    });

    const client = new Client({ connectionString: url });
    await client.connect();
    const version =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
        ?.v ?? '?';
    process.stderr.write('value:check on the bench database...\n');
    const checkStarted = performance.now();
    const differences = await checkValueRows(
      async (text, params = []) => (await client.query(text, [...params])).rows as unknown[],
    );
    const checkSeconds = (performance.now() - checkStarted) / 1000;
    await client.end();
    for (const line of differences.slice(0, 20)) process.stderr.write(`${line}\n`);
    const summary = [
      `Run: \`${command}\` on ${new Date().toISOString()} (${duration} s per target per round, ${rounds} rounds, ${connections} connections; medians over rounds, peak RSS is the highest sample).`,
      `Dataset: ${fixtures.counts.initiatives} initiatives, ${fixtures.counts.measures} measures, ${fixtures.counts.readings} readings${seeded ? ' (seeded by this run)' : ' (reused)'}.`,
      ...machine(version).map((line) => `${line}.`),
      '',
      table([...rows, ...afterWriteRows]),
      '',
      `Portfolio after a write: ${afterWrites} times, one request at a time, a reading recorded (POST) and then each portfolio read; the read rows above are those reads, the last row the writes.`,
      eventLoop
        ? `Event-loop delay of the app over the whole load (perf_hooks.monitorEventLoopDelay, ${eventLoop.samples} samples): p50 ${eventLoop.p50.toFixed(1)} ms, p99 ${eventLoop.p99.toFixed(1)} ms, max ${eventLoop.max.toFixed(0)} ms (goal p99 < 50 ms: ${eventLoop.p99 < 50 ? 'met' : 'not met'}).`
        : 'Event-loop delay: not measured (the probe wrote nothing).',
      `value:check after the load: ${differences.length} difference(s) in ${checkSeconds.toFixed(1)} s (${differences.length === 0 ? 'passes' : 'FAILS'}).`,
      `Peak memory (VmHWM) over the whole run: app ${hwm.app.toFixed(0)} MB (goal < 300 MB: ${hwm.app < 300 ? 'met' : 'not met'}), baseline ${hwm.baseline.toFixed(0)} MB.`,
      `Cold portfolio answers (the first request after a write recomputes; one request each round, not part of the load figures): ${[
        ...cold,
      ]
        .map(([name, times]) => `${name} ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`)
        .join('; ')}.`,
      `SQL statements of the list: ${listSmall ?? '?'} with limit=5, ${listLarge ?? '?'} with limit=200 (independent of page size: ${listSmall === listLarge ? 'yes' : 'no'}).`,
    ].join('\n');
    process.stdout.write(`${summary}\n`);
    if (!args.flag('no-doc')) {
      writeSection(join(ROOT, 'docs', 'performance.md'), summary);
      process.stdout.write('Written to docs/performance.md\n');
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

main().catch((error: unknown) =>
  fail(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
