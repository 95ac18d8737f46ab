/**
 * npm run reliability:shutdown: (1) SIGTERM under mixed load on the local PostgreSQL: requests in
 * flight finish, new ones are refused (503 or connection refused), the process exits cleanly
 * within 10 s. (2) kill -9 of the app on the embedded database (data folder) while readings are
 * recorded: the next start reclaims the stale lock and finds every acknowledged reading.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, startApp, type AppProcess } from './lib/app-process';
import {
  gateFixtures,
  MixedLoad,
  readingTarget,
  request,
  type Session,
  signIn,
  signInCast,
  sqlPool,
  summarise,
} from './lib/load';
import { Checks, loadAverage, say } from './lib/report';
import { scratchDatabase } from './lib/server-db';

const EXIT_LIMIT_MS = 10_000;

async function sigtermUnderLoad(checks: Checks): Promise<void> {
  const db = await scratchDatabase('shutdown');
  let app: AppProcess | null = null;
  try {
    app = await startApp({ DATABASE_URL: db.url, WAYPOINT_DEMO: 'true' });
    const sql = sqlPool(db.url);
    const cast = await signInCast(app.baseUrl, sql);
    const measureId = await readingTarget(sql, cast);
    const gates = await gateFixtures(sql, cast, 60);
    await sql.end();
    const load = new MixedLoad({
      baseUrl: app.baseUrl,
      cast,
      measureId,
      gates,
      workers: 8,
      thinkMs: 0,
    });
    load.start();
    await sleep(8000);
    const signalledAt = Date.now();
    load.phase = 'after-sigterm';
    app.child.kill('SIGTERM');
    const code = await Promise.race([app.exited, sleep(15_000).then(() => 'still running')]);
    const exitMs = Date.now() - signalledAt;
    await sleep(500);
    await load.stop();
    say('\nSIGTERM under load (local PostgreSQL)');
    for (const line of summarise(load.outcomes)) say(line);
    for (const [key, detail] of load.firstProblems) say(`first ${key}: ${detail.slice(0, 160)}`);
    say(`exit ${code} after ${exitMs} ms`);
    const inFlight = load.outcomes.filter((o) => o.at - o.ms < signalledAt && o.at >= signalledAt);
    const later = load.outcomes.filter((o) => o.at - o.ms >= signalledAt);
    say(`${inFlight.length} requests in flight at SIGTERM, ${later.length} sent after it`);
    checks.add('the process exits with 0', code === '0', String(code));
    checks.add(
      `the process exits within ${EXIT_LIMIT_MS} ms of SIGTERM`,
      exitMs <= EXIT_LIMIT_MS,
      `${exitMs} ms`,
    );
    checks.add(
      'requests in flight at SIGTERM get an answer, never 500 nor a reset',
      inFlight.every((o) => o.status > 0 && (o.status < 500 || o.status === 503)),
      inFlight.map((o) => o.status).join(' '),
    );
    const badLater = later.filter((o) => !(o.status === 0 || o.status === 503));
    checks.add(
      'requests sent after SIGTERM are refused (503 or connection refused)',
      badLater.length === 0,
      `${later.length - badLater.length} of ${later.length}`,
    );
    const refusedByServer = later.filter((o) => o.status === 503);
    checks.add(
      'a 503 while stopping is problem details with Retry-After',
      refusedByServer.every((o) => o.problemJson && o.retryAfter),
      `${refusedByServer.length} answers 503`,
    );
    checks.add(
      'no 500 at all',
      load.outcomes.every((o) => o.status < 500 || o.status === 503),
    );
  } finally {
    if (app && app.exitStatus() === null) app.child.kill('SIGKILL');
    await db.drop();
  }
}

interface ReadingPage {
  items: { id: string }[];
  total: number;
}

/** A measure of the demo that the manager may record readings on. */
async function writableMeasure(baseUrl: string, manager: Session): Promise<string> {
  const list = await request(baseUrl, manager, 'GET', '/api/initiatives?limit=100');
  const initiatives = (list.body as { items: { id: string; status: string }[] }).items;
  for (const initiative of initiatives.filter((i) => i.status === 'active')) {
    const measures = await request(
      baseUrl,
      manager,
      'GET',
      `/api/initiatives/${initiative.id}/measures?limit=100`,
    );
    for (const measure of (measures.body as { items: { id: string }[] }).items) {
      const probe = await request(
        baseUrl,
        manager,
        'POST',
        `/api/measures/${measure.id}/readings`,
        {
          value: 1,
          observedAt: new Date(Date.now() - 1000).toISOString(),
          note: 'durability probe',
        },
      );
      if (probe.status === 201) return measure.id;
    }
  }
  throw new Error('no demo measure accepts readings from the manager');
}

async function storedReadings(
  baseUrl: string,
  session: Session,
  measureId: string,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 100) {
    const page = await request(
      baseUrl,
      session,
      'GET',
      `/api/measures/${measureId}/readings?limit=100&offset=${offset}`,
    );
    if (page.status !== 200) throw new Error(`readings: ${page.status}`);
    const body = page.body as ReadingPage;
    for (const item of body.items) ids.add(item.id);
    if (body.items.length < 100) return ids;
  }
}

async function killNineOnEmbedded(checks: Checks): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wp_rel_embedded_'));
  const env = { WAYPOINT_DATA_DIR: dataDir, WAYPOINT_DEMO: 'true' };
  let app: AppProcess | null = null;
  try {
    app = await startApp(env);
    const manager = await signIn(app.baseUrl, 'manager@waypoint.test');
    const measureId = await writableMeasure(app.baseUrl, manager);
    const acked: string[] = [];
    let writes = 0;
    let stop = false;
    const started = Date.now();
    const writer = async (): Promise<void> => {
      while (!stop) {
        const answer = await request(
          app?.baseUrl ?? '',
          manager,
          'POST',
          `/api/measures/${measureId}/readings`,
          {
            value: writes++,
            observedAt: new Date(Date.now() - 1000).toISOString(),
            note: 'durability',
          },
        );
        const id = (answer.body as { id?: unknown } | null)?.id;
        if (answer.status === 201 && typeof id === 'string') acked.push(id);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acked.length < 300 && Date.now() - started < 60_000) await sleep(50);
    const elapsed = (Date.now() - started) / 1000;
    const pid = app.pid;
    app.child.kill('SIGKILL');
    await app.exited;
    stop = true;
    await Promise.all(writers);
    say(
      `\nkill -9 on the embedded database: ${acked.length} readings acknowledged in ${elapsed.toFixed(1)} s (${(acked.length / elapsed).toFixed(1)}/s with 4 writers), ${writes} sent`,
    );
    const lockPath = join(dataDir, 'waypoint.lock');
    const lockLeft = existsSync(lockPath) ? readFileSync(lockPath, 'utf8').trim() : '(none)';
    say(`lock file after kill -9: ${lockLeft} (killed pid ${pid})`);
    const restartedAt = Date.now();
    app = await startApp(env);
    say(`restarted on the same folder in ${Date.now() - restartedAt} ms`);
    checks.add(
      'the next start reclaims the stale lock of the killed process',
      lockLeft.startsWith(String(pid)),
      `lock held pid ${lockLeft}`,
    );
    const again = await signIn(app.baseUrl, 'manager@waypoint.test');
    const stored = await storedReadings(app.baseUrl, again, measureId);
    const lost = acked.filter((id) => !stored.has(id));
    checks.add(
      'every acknowledged reading survives kill -9',
      lost.length === 0,
      `${acked.length} acknowledged, ${lost.length} lost`,
    );
    const second = await startApp(env).then(
      (other) => {
        other.child.kill('SIGKILL');
        return 'started';
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    checks.add(
      'a second app on the same folder is refused while the first runs',
      /in use by another Waypoint process/.test(second),
      second.split('\n').slice(-2).join(' ').slice(0, 200),
    );
    app.child.kill('SIGTERM');
    await app.exited;
    checks.add('a clean stop removes the lock', !existsSync(lockPath));
  } finally {
    if (app && app.exitStatus() === null) app.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const checks = new Checks();
  say(`load average ${loadAverage()}`);
  for (const step of [sigtermUnderLoad, killNineOnEmbedded]) {
    try {
      await step(checks);
    } catch (error) {
      checks.add(
        `${step.name} completed`,
        false,
        error instanceof Error ? error.message : String(error),
      );
    }
  }
  checks.print();
  process.exit(checks.failed > 0 ? 1 : 0);
}

void main();
