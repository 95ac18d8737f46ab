/**
 * npm run reliability:faults: the app on a private PostgreSQL cluster, under mixed load, while
 * its connections are terminated and the cluster stops for ~15 s and starts again.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, sleep, type AppProcess } from './lib/app-process';
import { createPrivateCluster, type PrivateCluster } from './lib/cluster';
import { checkInvariants } from './lib/invariants';
import {
  gateFixtures,
  MixedLoad,
  readingTarget,
  request,
  signInCast,
  sqlPool,
  summarise,
} from './lib/load';
import { Checks, loadAverage, say } from './lib/report';

const DOWN_MS = 15_000;
const APP_LOG = join(tmpdir(), 'wp_rel_faults-app.log');
const RECOVERY_LIMIT_MS = 10_000;
const DOWN_LATENCY_LIMIT_MS = 10_000;

async function run(cluster: PrivateCluster, checks: Checks): Promise<AppProcess> {
  cluster.start();
  say(`private cluster on port ${cluster.port}; load average ${loadAverage()}`);
  const app = await startApp(
    {
      DATABASE_URL: cluster.url,
      WAYPOINT_DEMO: 'true',
      DATABASE_POOL_SIZE: '10',
    },
    APP_LOG,
  );
  say(`app log: ${APP_LOG}`);
  say(`app pid ${app.pid} at ${app.baseUrl}`);
  const sql = sqlPool(cluster.url);
  const cast = await signInCast(app.baseUrl, sql);
  const measureId = await readingTarget(sql, cast);
  const gates = await gateFixtures(sql, cast, 150);
  const load = new MixedLoad({
    baseUrl: app.baseUrl,
    cast,
    measureId,
    gates,
    workers: 4,
    thinkMs: 5,
  });
  load.start();
  await sleep(10_000);

  load.phase = 'terminate';
  let terminated = 0;
  for (let round = 0; round < 5; round++) {
    const result = await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'waypoint' AND pid <> pg_backend_pid()`,
    );
    terminated += result.rowCount ?? 0;
    await sleep(3000);
  }
  say(`terminated ${terminated} app connections in 5 rounds`);
  await sleep(3000);

  load.phase = 'down';
  const stoppedAt = Date.now();
  cluster.stop();
  say(`cluster stopped (pg_ctl stop -m fast took ${Date.now() - stoppedAt} ms)`);
  const ready = await request(app.baseUrl, null, 'GET', '/api/health/ready');
  checks.add(
    'readiness answers 503 while the database is down',
    ready.status === 503,
    `got ${ready.status}`,
  );
  await sleep(DOWN_MS - (Date.now() - stoppedAt));
  cluster.start();
  const restartedAt = Date.now();
  load.phase = 'recovering';
  say(`cluster started again after ${restartedAt - stoppedAt} ms down`);
  let recoveryMs = -1;
  while (Date.now() - restartedAt < 30_000) {
    const probe = await request(app.baseUrl, cast.manager, 'GET', '/api/initiatives?limit=1');
    if (probe.status === 200) {
      recoveryMs = Date.now() - restartedAt;
      break;
    }
    await sleep(100);
  }
  await sleep(Math.max(0, RECOVERY_LIMIT_MS - (Date.now() - restartedAt)));
  load.phase = 'after';
  await sleep(15_000);
  await load.stop();

  say('\nphase        requests  statuses  latency');
  for (const line of summarise(load.outcomes)) say(line);
  const of = (phase: string) => load.outcomes.filter((o) => o.phase === phase);
  const down = of('down');
  const worstDown = Math.round(Math.max(0, ...down.map((o) => o.ms)));
  for (const [key, detail] of load.firstProblems) say(`first ${key}: ${detail.slice(0, 160)}`);
  say(`\nworst latency while down: ${worstDown} ms; time to recovery: ${recoveryMs} ms`);

  checks.add(
    'the app process is still running',
    app.exitStatus() === null,
    app.exitStatus() ?? 'alive',
  );
  const serverErrors = load.outcomes.filter((o) => o.status >= 500 && o.status !== 503);
  checks.add(
    'no 5xx other than 503 in any phase',
    serverErrors.length === 0,
    `${serverErrors.length}`,
  );
  const hangs = load.outcomes.filter((o) => o.status === -1 || o.status === 0);
  checks.add('no request hung or was refused', hangs.length === 0, `${hangs.length}`);
  const unauthorised = load.outcomes.filter((o) => o.status === 401);
  checks.add('no session was lost (no 401)', unauthorised.length === 0, `${unauthorised.length}`);
  const unavailable = load.outcomes.filter((o) => o.status === 503);
  checks.add(
    'every 503 is problem details with Retry-After',
    unavailable.every((o) => o.retryAfter && o.problemJson),
    `${unavailable.length} answers 503`,
  );
  checks.add(
    'requests got 503 while the database was down',
    down.some((o) => o.status === 503),
    `${down.length} requests`,
  );
  checks.add(
    `every answer while down came within ${DOWN_LATENCY_LIMIT_MS} ms`,
    worstDown <= DOWN_LATENCY_LIMIT_MS,
    `${worstDown} ms`,
  );
  checks.add(
    `requests succeed within ${RECOVERY_LIMIT_MS} ms of the database returning`,
    recoveryMs >= 0 && recoveryMs <= RECOVERY_LIMIT_MS,
    `${recoveryMs} ms`,
  );
  const after = of('after');
  checks.add(
    'every request succeeds afterwards (no 5xx)',
    after.length > 0 && after.every((o) => o.status < 500),
    `${after.length} requests`,
  );
  for (const result of await checkInvariants(sql, {
    readings: load.ackedReadings,
    decisions: load.ackedDecisions,
  })) {
    checks.add(result.name, result.ok, result.detail);
  }
  await sql.end();
  return app;
}

async function main(): Promise<void> {
  const checks = new Checks();
  const cluster = await createPrivateCluster();
  let app: AppProcess | null = null;
  try {
    app = await run(cluster, checks);
  } catch (error) {
    checks.add('the run completed', false, error instanceof Error ? error.message : String(error));
  } finally {
    if (app && app.exitStatus() === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    cluster.destroy();
  }
  checks.print();
  if (checks.failed > 0 && app) say(`\nlast app output:\n${app.output().slice(-3000)}`);
  process.exit(checks.failed > 0 ? 1 : 0);
}

void main();
