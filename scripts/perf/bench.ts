/**
 * `npm run bench -- [--duration 10] [--rounds 2] [--connections 50] [--initiatives 10000]
 *   [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--database waypoint_bench]
 *   [--reseed] [--no-doc] [--node-options=<options>] [--after-write 100] [--compare-only]
 *   [--direct]`
 *
 * Builds the production app if needed, creates and seeds the bench database (reused when it
 * already holds the dataset), starts `node dist/api/main.js` and the baseline
 * (scripts/perf/baseline-server.mjs: the best SQL for the same answers), both through a proxy
 * that counts their statements (not with --direct). Compares their answers field by field
 * (--compare-only stops there) and counts each target's statements, then starts both again
 * straight on PostgreSQL (as in production), warms each target until its req/s holds still
 * (warmUp) and loads each with autocannon, alternating app and baseline, round after round,
 * measuring the Node and PostgreSQL CPU each request costs from /proc. Then "portfolio after a write": --after-write times a reading recorded and then each
 * portfolio read, one at a time. The app's event-loop delay is measured over the whole run
 * (perf_hooks.monitorEventLoopDelay, preloaded), and `value:check`'s comparison runs on the
 * database after the load. Prints the table and writes it to docs/performance.md. The app runs
 * with the container image's NODE_OPTIONS (the heap budget) unless --node-options= gives others
 * (empty for V8's own).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CliArgs, fail } from './cli-args';
import {
  load,
  type LoadResult,
  memoryOf,
  type Target,
  WARM_UP_SLICE_S,
  WARM_UP_SLICES,
  WARM_UP_STEADY,
  WARM_UP_WINDOW,
  warmUp,
} from './bench-load';
import { machine, median, type Row, table, writeSection } from './bench-report';
import { ensureBuilt, ROOT, type Server, signIn, startApp, startBaseline } from './bench-servers';
import {
  type BackendSelector,
  type CountingProxy,
  cpuBetween,
  cpuSnapshot,
  startCountingProxy,
} from './bench-measure';
import { describeDifference, differences } from '../../api/test/support/baseline-answers';
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

type Kind = 'list' | 'detail' | 'write' | 'portfolio';

interface Plan {
  kind: Kind;
  target: Target;
  connections: number;
}

const LIST_PATH = '/api/initiatives?limit=50';

/**
 * The targets, in the order of a round. Reads alternate app and baseline at each number of
 * connections; the baseline's writes come before the app's, on the same measures, so that the
 * app's write (which recomputes the stored value rows in its transaction, as the baseline does
 * not) leaves the rows right for value:check.
 */
function plans(
  f: Fixtures,
  reader: string,
  recorder: string,
  origin: string,
  connections: number,
): Plan[] {
  const read = { cookie: reader };
  let n = 0;
  const both = (kind: Kind, name: string, paths: string[], c: number): Plan[] =>
    (['app', 'baseline'] as const).map((server) => ({
      kind,
      connections: c,
      target: { name, server, method: 'GET', paths, headers: read },
    }));
  const write = (server: 'app' | 'baseline'): Plan => ({
    kind: 'write',
    connections: 50,
    target: {
      name: 'record a reading (POST)',
      server,
      method: 'POST',
      paths: f.measureIds.map((id) => `/api/measures/${id}/readings`),
      headers: { cookie: recorder, origin, 'content-type': 'application/json' },
      body: () =>
        JSON.stringify({
          value: 40 + (n++ % 10),
          observedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
    },
  });
  const details = f.initiativeIds.map((id) => `/api/initiatives/${id}`);
  const portfolio = (name: string, path: string): Plan => ({
    kind: 'portfolio',
    connections,
    target: { name, server: 'app', method: 'GET', paths: [path], headers: read },
  });
  return [
    ...both('list', 'initiatives list (50)', [LIST_PATH], 10),
    ...both('list', 'initiatives list (50)', [LIST_PATH], 50),
    ...both('detail', 'initiative detail', details, 10),
    ...both('detail', 'initiative detail', details, 50),
    write('baseline'),
    write('app'),
    portfolio('portfolio tension', '/api/portfolio/tension'),
    portfolio('portfolio summary', '/api/portfolio/summary'),
  ];
}

async function request(
  base: string,
  target: Target,
  path?: string,
  body: string | undefined = target.body?.(),
): Promise<Response> {
  const res = await fetch(`${base}${path ?? target.paths[0] ?? '/'}`, {
    method: target.method,
    headers: target.headers,
    ...(body === undefined ? {} : { body }),
  });
  if (res.status >= 300) {
    throw new Error(
      `${target.server} ${target.name}: ${target.method} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
    );
  }
  return res;
}

async function statementsOf(base: string, target: Target): Promise<number | null> {
  const res = await request(base, target);
  await res.arrayBuffer();
  const header = res.headers.get('x-sql-statements');
  return header === null ? null : Number(header);
}

/**
 * Same JSON, field by field: the list's first page, the detail of the first five initiatives,
 * and one reading recorded by each server on the same measure with the same body (its new id
 * and the moment of recording differ by nature and are compared by presence).
 */
async function compareAnswers(
  app: Server,
  baseline: Server,
  all: readonly Plan[],
): Promise<Map<Kind, string[]>> {
  const found = new Map<Kind, string[]>();
  const planOf = (kind: Kind, server: 'app' | 'baseline'): Plan | undefined =>
    all.find((p) => p.kind === kind && p.target.server === server);
  for (const kind of ['list', 'detail', 'write'] as const) {
    const appPlan = planOf(kind, 'app');
    const basePlan = planOf(kind, 'baseline');
    if (!appPlan || !basePlan) continue;
    const paths = kind === 'detail' ? appPlan.target.paths.slice(0, 5) : [appPlan.target.paths[0]];
    const lines: string[] = [];
    for (const path of paths) {
      // The baseline first: for a write, the app's then recomputes the value rows of both.
      const body = appPlan.target.body?.();
      const b: unknown = await (await request(baseline.base, basePlan.target, path, body)).json();
      const a: unknown = await (await request(app.base, appPlan.target, path, body)).json();
      const ignore = kind === 'write' ? [/^\$\.id$/, /^\$\.recordedAt$/] : [];
      for (const d of differences(a, b, '$', ignore))
        lines.push(`${path ?? ''} ${describeDifference(d)}`);
    }
    found.set(kind, lines);
  }
  return found;
}

interface Measured extends LoadResult {
  nodeCpuMs: number;
  pgCpuMs: number;
}

function perRequest(ms: number, requests: number): number {
  return requests > 0 ? ms / requests : Number.NaN;
}

function combine(runs: readonly Measured[]): Measured {
  const pick = (f: (r: Measured) => number): number => median(runs.map(f));
  return {
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    rps: pick((r) => r.rps),
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    p99: pick((r) => r.p99),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    nodeCpuMs: pick((r) => r.nodeCpuMs),
    pgCpuMs: pick((r) => r.pgCpuMs),
  };
}

const EMPTY: Measured = {
  requests: 0,
  errors: 0,
  non2xx: 0,
  rps: Number.NaN,
  p50: Number.NaN,
  p95: Number.NaN,
  p99: Number.NaN,
  peakRssMb: 0,
  nodeCpuMs: Number.NaN,
  pgCpuMs: Number.NaN,
};

/** How many requests the quiet statement count sends to each target, one at a time. */
const COUNTED_REQUESTS = 10;

async function main(): Promise<void> {
  const args = new CliArgs(process.argv.slice(2));
  const duration = args.positiveInt('duration', 10);
  const rounds = args.positiveInt('rounds', 2);
  const connections = args.positiveInt('connections', 50);
  const initiatives = args.positiveInt('initiatives', 10_000);
  const compareOnly = args.flag('compare-only');
  const adminUrl =
    args.text('database-url') ??
    process.env['DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = args.text('database') ?? 'waypoint_bench';
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const afterWrites = args.positiveInt('after-write', 100);
  const nodeOptions = args.text('node-options');
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
  // --direct: the servers reach PostgreSQL without the counting proxy (no SQL/req column).
  const direct = args.flag('direct');
  const proxy = direct ? null : await startCountingProxy(url, ['app', 'baseline']);
  const client = new Client({ connectionString: url, application_name: 'waypoint-bench' });
  await client.connect();
  const loads: number[] = [loadavg()[0] ?? 0];
  try {
    /**
     * Both servers, and the plans against them. The first pair reaches PostgreSQL through the
     * counting proxy (when there is one) for the statement counts; the load runs on a second
     * pair that reaches it directly, as in production: the proxy is one more process and one
     * more hop per round trip, and on this 2-core machine it halved the list's requests per
     * second and weighed on the write most (~12 round trips to the list's one).
     */
    const startServers = async (via: CountingProxy | null) => {
      const app = await startApp(via?.urlFor('app') ?? url, POOL_SIZE, nodeOptions, eventLoopFile);
      servers.push(app);
      // The event loop is measured from here to the end of the load (start-up not counted).
      process.kill(app.pid, 'SIGUSR2');
      const baseline = await startBaseline(via?.urlFor('baseline') ?? url, POOL_SIZE, [app.base]);
      servers.push(baseline);
      const reader = await signIn(app.base, fixtures.readerEmail, SEED_PASSWORD);
      const recorder = await signIn(app.base, fixtures.recorderEmail, SEED_PASSWORD);
      const all = plans(fixtures, reader, recorder, app.base, connections);
      return { app, baseline, reader, recorder, all };
    };
    let { app, baseline, reader, recorder, all } = await startServers(proxy);
    const serverOf = (t: Target): Server => (t.server === 'app' ? app : baseline);
    const backendsOf = (t: Target): BackendSelector => ({
      database: databaseName,
      applicationNames: t.server === 'app' ? ['waypoint', 'waypoint-live'] : ['waypoint-baseline'],
    });

    process.stderr.write('Comparing the answers of the app and the baseline, field by field...\n');
    const mismatches = await compareAnswers(app, baseline, all);
    const comparable = (kind: Kind): boolean => (mismatches.get(kind) ?? []).length === 0;
    for (const [kind, lines] of mismatches) {
      process.stderr.write(
        lines.length === 0
          ? `  ${kind}: same JSON\n`
          : `  ${kind}: ${lines.length} DIFFERENCE(S), not comparable:\n${lines
              .slice(0, 30)
              .map((l) => `    ${l}\n`)
              .join('')}`,
      );
    }
    if (compareOnly) {
      if ([...mismatches.values()].some((l) => l.length > 0)) process.exitCode = 1;
      return;
    }

    // Statements per request, counted by the proxy while one request at a time is answered.
    const statements = new Map<Plan, number>();
    for (const plan of proxy ? all : []) {
      const server = serverOf(plan.target);
      const before = (await proxy?.counts())?.[plan.target.server] ?? 0;
      for (let i = 0; i < COUNTED_REQUESTS; i++) {
        await (
          await request(server.base, plan.target, plan.target.paths[i % plan.target.paths.length])
        ).arrayBuffer();
      }
      const after = (await proxy?.counts())?.[plan.target.server] ?? 0;
      statements.set(plan, (after - before) / COUNTED_REQUESTS);
    }
    const listTarget: Target = {
      name: 'list',
      server: 'app',
      method: 'GET',
      paths: [],
      headers: { cookie: reader },
    };
    // The list's statements at two page sizes, counted at the proxy (the app runs without
    // diagnostics, as in production); a signed-in session's lookup is cached, so a second
    // request of each counts the list's own statements.
    const proxied = async (path: string): Promise<number | null> => {
      if (!proxy) return null;
      const target = { ...listTarget, paths: [path] };
      await statementsOf(app.base, target);
      const before = (await proxy.counts()).app ?? 0;
      await statementsOf(app.base, target);
      return ((await proxy.counts()).app ?? 0) - before;
    };
    const listSmall = await proxied('/api/initiatives?limit=5');
    const listLarge = await proxied('/api/initiatives?limit=200');
    // The peak memory of the counting pair counts too: "over the whole bench".
    const countedHwm = { app: memoryOf(app.pid).hwm, baseline: memoryOf(baseline.pid).hwm };
    if (proxy) {
      for (const server of servers.splice(0).reverse()) await server.stop();
      proxy.stop();
      const counted = all;
      ({ app, baseline, reader, recorder, all } = await startServers(null));
      // The same plans in the same order: each keeps its count.
      counted.forEach((plan, i) => {
        const n = statements.get(plan);
        const same = all[i];
        if (n !== undefined && same) statements.set(same, n);
      });
    }

    process.stderr.write(
      `Warming up (${all.length} targets, ${WARM_UP_SLICE_S} s slices until ${WARM_UP_WINDOW} in a row are within ${WARM_UP_STEADY * 100} %, at most ${WARM_UP_SLICES})...\n`,
    );
    const warmUps: string[] = [];
    for (const plan of all) {
      const server = serverOf(plan.target);
      const slices = await warmUp(() =>
        load(server.base, plan.target, server.pid, {
          connections: plan.connections,
          duration: WARM_UP_SLICE_S,
        }),
      );
      warmUps.push(
        `${plan.target.server} ${plan.target.name} (${plan.connections}): ${slices.map((r) => Math.round(r)).join(', ')} req/s`,
      );
      // Let work the load left behind (a shared portfolio computation) finish before the next.
      if (plan.target.method === 'GET') await statementsOf(server.base, plan.target);
    }

    const runs = new Map<Plan, Measured[]>(all.map((p) => [p, []]));
    const cold = new Map<string, number[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const plan of all) {
        process.stderr.write(
          `round ${round}/${rounds}: ${plan.target.server} ${plan.target.name}, ${plan.connections} connections (${duration} s)\n`,
        );
        const server = serverOf(plan.target);
        if (plan.kind === 'portfolio') {
          // The previous round's readings changed the data: one request recomputes the answer
          // (timed and reported as the cold answer), then the load measures the steady state.
          const started = performance.now();
          await statementsOf(server.base, plan.target);
          cold.set(plan.target.name, [
            ...(cold.get(plan.target.name) ?? []),
            performance.now() - started,
          ]);
        }
        const before = await cpuSnapshot(client, server.pid, backendsOf(plan.target));
        const result = await load(server.base, plan.target, server.pid, {
          connections: plan.connections,
          duration,
        });
        const after = await cpuSnapshot(client, server.pid, backendsOf(plan.target));
        loads.push(loadavg()[0] ?? 0);
        const cpu = cpuBetween(before, after);
        runs.get(plan)?.push({
          ...result,
          nodeCpuMs: perRequest(cpu.node, result.requests),
          pgCpuMs: perRequest(cpu.pg, result.requests),
        });
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
    loads.push(loadavg()[0] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const eventLoop = eventLoopFigures(eventLoopFile);
    const hwm = {
      app: Math.max(countedHwm.app, memoryOf(app.pid).hwm),
      baseline: Math.max(countedHwm.baseline, memoryOf(baseline.pid).hwm),
    };
    const results = new Map(all.map((p) => [p, combine(runs.get(p) ?? [])]));
    const twinOf = (p: Plan): Plan | undefined =>
      all.find(
        (q) =>
          q.target.server === 'baseline' && q.kind === p.kind && q.connections === p.connections,
      );
    const listAt50 = all.find(
      (p) => p.kind === 'list' && p.target.server === 'app' && p.connections === 50,
    );
    const listP99 = listAt50 ? (results.get(listAt50)?.p99 ?? Number.NaN) : Number.NaN;
    const rows: Row[] = all.map((p): Row => {
      const r = results.get(p) ?? EMPTY;
      const twin = p.target.server === 'app' ? twinOf(p) : undefined;
      const b = twin ? results.get(twin) : undefined;
      const sql = statements.get(p) ?? null;
      const base = {
        target: p.target.name,
        connections: p.connections,
        server: p.target.server,
        statements: sql,
        result: r,
        nodeCpuMs: r.nodeCpuMs,
        pgCpuMs: r.pgCpuMs,
      };
      if (p.target.server === 'baseline')
        return {
          ...base,
          ratio: null,
          pgRatio: null,
          comparable: comparable(p.kind),
          goal: '',
          met: null,
        };
      if (p.kind === 'list' || p.kind === 'detail') {
        const ratio = b ? r.rps / b.rps : null;
        const pgRatio = b ? r.pgCpuMs / b.pgCpuMs : null;
        const ok = comparable(p.kind);
        return {
          ...base,
          ratio,
          pgRatio,
          comparable: ok,
          goal: '>= 0.8x req/s, <= 1.2x PG CPU, <= 2 SQL',
          met:
            ok && sql !== null
              ? ratio !== null &&
                ratio >= 0.8 &&
                pgRatio !== null &&
                pgRatio <= 1.2 &&
                sql !== null &&
                sql <= 2
              : null,
        };
      }
      if (p.kind === 'write') {
        const ratio = b ? r.rps / b.rps : null;
        const pgRatio = b ? r.pgCpuMs / b.pgCpuMs : null;
        return {
          ...base,
          ratio,
          pgRatio,
          comparable: comparable('write'),
          goal: `p99 <= 2x list p99 at 50 (${Number.isFinite(listP99) ? (2 * listP99).toFixed(0) : '?'} ms)`,
          met: Number.isFinite(listP99) ? r.p99 <= 2 * listP99 : null,
        };
      }
      return {
        ...base,
        ratio: null,
        pgRatio: null,
        comparable: true,
        goal: 'p95 < 100 ms',
        met: r.p95 < 100,
      };
    });
    const afterWriteRows: Row[] = [
      ...afterWritePaths.map((path): Row => {
        const r = afterWrite.reads.get(path) ?? EMPTY;
        return {
          target: `${path.replace('/api/portfolio/', 'portfolio ')} after a write`,
          connections: 1,
          server: 'app',
          statements: null,
          result: r,
          nodeCpuMs: Number.NaN,
          pgCpuMs: Number.NaN,
          ratio: null,
          pgRatio: null,
          comparable: true,
          goal: 'p95 < 150 ms',
          met: r.p95 < 150,
        };
      }),
      {
        target: 'the write before each read',
        connections: 1,
        server: 'app',
        statements: null,
        result: afterWrite.write,
        nodeCpuMs: Number.NaN,
        pgCpuMs: Number.NaN,
        ratio: null,
        pgRatio: null,
        comparable: true,
        goal: '(one at a time)',
        met: null,
      },
    ];

    const version =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
        ?.v ?? '?';
    process.stderr.write('value:check on the bench database...\n');
    const checkStarted = performance.now();
    const differencesFound = await checkValueRows(
      async (text, params = []) => (await client.query(text, [...params])).rows as unknown[],
    );
    const checkSeconds = (performance.now() - checkStarted) / 1000;
    for (const line of differencesFound.slice(0, 20)) process.stderr.write(`${line}\n`);
    const mismatchLines = [...mismatches].flatMap(([kind, lines]) =>
      lines.slice(0, 10).map((l) => `- ${kind}: ${l}`),
    );
    const loadMean = loads.reduce((s, n) => s + n, 0) / loads.length;
    const summary = [
      `Run: \`${command}\` on ${new Date().toISOString()} (${duration} s per target per round, ${rounds} rounds; medians over rounds, peak RSS is the highest sample). The app ran with NODE_OPTIONS \`${nodeOptions ?? '(the image default)'}\`.`,
      `Dataset: ${fixtures.counts.initiatives} initiatives, ${fixtures.counts.measures} measures, ${fixtures.counts.readings} readings${seeded ? ' (seeded by this run)' : ' (reused)'}.`,
      ...machine(version).map((line) => `${line}.`),
      `Load average during the run (1 min, sampled after each load phase): ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}, mean ${loadMean.toFixed(2)}.`,
      '',
      table([...rows, ...afterWriteRows]),
      '',
      'How the columns are measured. The baseline (`scripts/perf/baseline-server.mjs`) is a bare node:http + pg server answering the same requests with the same cookie and sessions table: the session lookup plus one statement that authorises, reads and builds the JSON in PostgreSQL (json_build_object, LATERAL joins); its write inserts the reading and its audit event and notifies in one statement, but does not recompute the stored value rows and alerts, as the app does before it answers (so the write ratio is against a lighter job). Before the load, each read and a write are fetched from both servers and compared field by field, key order included (a write’s new id and recording time excepted): a row whose answers differ is marked not comparable. SQL/req: the statements (Query and Execute messages) the server sent through the bench’s counting proxy, over ' +
        `${COUNTED_REQUESTS} requests sent one at a time; ${direct ? 'not counted in this run (--direct: the servers reached PostgreSQL without the proxy)' : 'the servers that are counted are then stopped, and the load runs on a new pair that reaches PostgreSQL directly, as in production (through the proxy, one more process and hop per round trip, the list ran at about half its requests per second)'}. Node CPU ms/req: utime+stime of the server process (/proc/<pid>/stat) over the load phase, divided by the requests answered. PG CPU ms/req: the same for the PostgreSQL backends of the server's connections (pg_stat_activity by database and application_name: waypoint and waypoint-live for the app, waypoint-baseline for the baseline). app/baseline: req/s ratio; PG x: the app's PostgreSQL CPU per request over the baseline's.`,
      mismatchLines.length === 0
        ? 'Same JSON: the list, five details and a recorded reading answered alike by both servers.'
        : `NOT THE SAME JSON (rows marked not comparable):\n\n${mismatchLines.join('\n')}`,
      `Warm-up, each target loaded in ${WARM_UP_SLICE_S} s slices until ${WARM_UP_WINDOW} in a row are within ${WARM_UP_STEADY * 100} % of each other (at most ${WARM_UP_SLICES}), not part of the figures: ${warmUps.join('; ')}.`,
      `Portfolio after a write: ${afterWrites} times, one request at a time, a reading recorded (POST) and then each portfolio read; the read rows above are those reads, the last row the writes.`,
      eventLoop
        ? `Event-loop delay of the app over the whole load (perf_hooks.monitorEventLoopDelay, ${eventLoop.samples} samples): p50 ${eventLoop.p50.toFixed(1)} ms, p99 ${eventLoop.p99.toFixed(1)} ms, max ${eventLoop.max.toFixed(0)} ms (goal p99 < 50 ms: ${eventLoop.p99 < 50 ? 'met' : 'not met'}).`
        : 'Event-loop delay: not measured (the probe wrote nothing).',
      `value:check after the load: ${differencesFound.length} difference(s) in ${checkSeconds.toFixed(1)} s (${differencesFound.length === 0 ? 'passes' : 'FAILS'}).`,
      `Peak RSS of the API over the whole bench (VmHWM, start-up included): ${hwm.app.toFixed(0)} MB (goal < 300 MB: ${hwm.app < 300 ? 'met' : 'not met'}); baseline ${hwm.baseline.toFixed(0)} MB.`,
      `Cold portfolio answers (the first request after a write recomputes; one request each round, not part of the load figures): ${[
        ...cold,
      ]
        .map(([name, times]) => `${name} ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`)
        .join('; ')}.`,
      `SQL statements of the list (counted at the proxy, a session already signed in): ${listSmall ?? '?'} with limit=5, ${listLarge ?? '?'} with limit=200 (independent of page size: ${listSmall === listLarge ? 'yes' : 'no'}).`,
    ].join('\n');
    process.stdout.write(`${summary}\n`);
    if (!args.flag('no-doc')) {
      writeSection(join(ROOT, 'docs', 'performance.md'), summary);
      process.stdout.write('Written to docs/performance.md\n');
    }
    if (mismatchLines.length > 0) {
      process.stderr.write('The app and the baseline answered differently: see above.\n');
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await client.end();
    proxy?.stop();
  }
}

main().catch((error: unknown) =>
  fail(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
