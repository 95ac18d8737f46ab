import { Pool } from 'pg';
import { sleep } from './app-process';

/** Mixed load for the reliability scripts: reads, readings (writes) and gate decisions. */

export const DEMO_PASSWORD = 'waypoint-demo-2026';
export const LOAD_NOTE = 'reliability load';
const FIXTURE_NOTE = 'reliability fixture';
/** A request with no answer after this long counts as a hang. */
export const HANG_MS = 20_000;

export interface Session {
  headers: Record<string, string>;
  userId: string;
}

export interface Answer {
  /** HTTP status; 0 when the connection failed, -1 when no answer came in HANG_MS. */
  status: number;
  ms: number;
  retryAfter: boolean;
  problemJson: boolean;
  body: unknown;
}

export async function request(
  baseUrl: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(session?.headers ?? {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (CSV, HTML)
    }
    return {
      status: res.status,
      ms: performance.now() - started,
      retryAfter: res.headers.has('retry-after'),
      problemJson: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
      body: parsed,
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      status: timedOut ? -1 : 0,
      ms: performance.now() - started,
      retryAfter: false,
      problemJson: false,
      body: null,
    };
  }
}

export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { id?: string; user?: { id: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { headers: { Cookie: cookie, Origin: baseUrl }, userId: me.user?.id ?? me.id ?? '' };
}

/** A direct pool on the app's database, for fixtures and invariants; never crashes on errors. */
export function sqlPool(url: string): Pool {
  const pool = new Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
  pool.on('error', () => undefined);
  return pool;
}

export interface Cast {
  manager: Session;
  executive: Session;
  memberId: string;
}

async function userId(sql: Pool, email: string): Promise<string> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
  const id = rows.rows[0]?.id;
  if (!id) throw new Error(`no demo user ${email}: start the app with WAYPOINT_DEMO=true`);
  return id;
}

export async function signInCast(baseUrl: string, sql: Pool): Promise<Cast> {
  const manager = await signIn(baseUrl, 'manager@waypoint.test');
  const executive = await signIn(baseUrl, 'executive@waypoint.test');
  manager.userId = await userId(sql, 'manager@waypoint.test');
  executive.userId = await userId(sql, 'executive@waypoint.test');
  return { manager, executive, memberId: await userId(sql, 'member@waypoint.test') };
}

async function insert(sql: Pool, table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const result = await sql.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    columns.map((c) => values[c]),
  );
  return result.rows[0]?.id ?? '';
}

async function fixtureInitiative(sql: Pool, cast: Cast, title: string): Promise<string> {
  const id = await insert(sql, 'initiatives', {
    title,
    problem: 'Load for the reliability checks.',
    hypothesis: 'The app holds.',
    approach: 'engineering',
    status: 'active',
    owner_id: cast.manager.userId,
    estimated_customer_value: 5,
    estimated_business_value: 5,
  });
  await sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
    id,
    cast.memberId,
  ]);
  return id;
}

async function fixtureMeasure(sql: Pool, initiativeId: string): Promise<string> {
  return insert(sql, 'measures', {
    initiative_id: initiativeId,
    name: 'Average wait (minutes)',
    unit: 'min',
    perspective: 'customer',
    direction: 'lower_is_better',
    baseline: 40,
    target: 20,
    cadence: 'monthly',
    kpi_class: 'customer_centric',
  });
}

/** A measure the manager may record readings on. */
export async function readingTarget(sql: Pool, cast: Cast): Promise<string> {
  const initiativeId = await fixtureInitiative(sql, cast, 'Reliability: readings');
  return fixtureMeasure(sql, initiativeId);
}

/** A gate ready to submit: its milestone, the measure linked to it, and the milestone's version. */
export interface Gate {
  milestoneId: string;
  measureId: string;
  version: number;
}

/** Gates ready to submit: an active initiative with one started milestone whose criteria are met. */
export async function gateFixtures(sql: Pool, cast: Cast, count: number): Promise<Gate[]> {
  const gates: Gate[] = [];
  for (let i = 0; i < count; i++) {
    const initiativeId = await fixtureInitiative(sql, cast, `Reliability gate ${Date.now()}-${i}`);
    const measureId = await fixtureMeasure(sql, initiativeId);
    const milestoneId = await insert(sql, 'milestones', {
      initiative_id: initiativeId,
      position: 1,
      title: 'Define',
      goal: 'Agree the problem and the measures.',
      exit_criteria: JSON.stringify([{ id: 'c1', label: 'Done', checked: true }]),
      state: 'in_progress',
      started_at: new Date(Date.now() - 3_600_000),
    });
    await sql.query(`INSERT INTO milestone_measures (milestone_id, measure_id) VALUES ($1, $2)`, [
      milestoneId,
      measureId,
    ]);
    await insert(sql, 'readings', {
      measure_id: measureId,
      value: 30,
      observed_at: new Date(Date.now() - 60_000),
      recorded_by: cast.manager.userId,
      note: FIXTURE_NOTE,
    });
    gates.push({ milestoneId, measureId, version: 1 });
  }
  return gates;
}

export interface Outcome {
  phase: string;
  op: string;
  status: number;
  ms: number;
  retryAfter: boolean;
  problemJson: boolean;
  at: number;
}

export interface LoadOptions {
  baseUrl: string;
  cast: Cast;
  measureId: string;
  /** Gates ready to submit; the load takes from the front. */
  gates: Gate[];
  /**
   * Send gates back (changes requested), resume them, record a reading and submit again, instead
   * of approving each gate once: the data the reads cover then stays the same size (soak).
   */
  recycleGates?: boolean;
  workers: number;
  /** Pause between one worker's operations. */
  thinkMs: number;
  /**
   * Open loop: start this many operations per second whatever the answers take (at most
   * MAX_IN_FLIGHT at once; the rest are counted as skipped) instead of `workers` closed loops, so
   * the request rate does not follow the machine's speed.
   */
  rate?: number;
}

export const MAX_IN_FLIGHT = 32;

/** Runs workers until stop(); every answer is recorded under the current phase. */
export class MixedLoad {
  phase = 'baseline';
  readonly outcomes: Outcome[] = [];
  readonly ackedReadings: string[] = [];
  readonly ackedDecisions: string[] = [];
  /** The first problem detail seen per operation and status (4xx and 5xx), for the report. */
  readonly firstProblems = new Map<string, string>();
  /** Open loop: operations not started because MAX_IN_FLIGHT were still running. */
  skipped = 0;
  private stopped = false;
  private running: Promise<void>[] = [];
  private tick = 0;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    const { rate, workers } = this.options;
    if (rate !== undefined) this.running.push(this.openLoop(rate));
    else for (let i = 0; i < workers; i++) this.running.push(this.worker());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  private record(op: string, answer: Answer): Answer {
    const key = `${op} ${answer.status}`;
    if (answer.status >= 400 && !this.firstProblems.has(key)) {
      const detail = (answer.body as { detail?: unknown } | null)?.detail;
      this.firstProblems.set(
        key,
        typeof detail === 'string' ? detail : JSON.stringify(answer.body),
      );
    }
    this.outcomes.push({
      phase: this.phase,
      op,
      status: answer.status,
      ms: answer.ms,
      retryAfter: answer.retryAfter,
      problemJson: answer.problemJson,
      at: Date.now(),
    });
    return answer;
  }

  private async worker(): Promise<void> {
    while (!this.stopped) {
      await this.operation();
      if (this.options.thinkMs > 0) await sleep(this.options.thinkMs);
    }
  }

  private async openLoop(rate: number): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const interval = 1000 / rate;
    let due = performance.now();
    while (!this.stopped) {
      if (inFlight.size < MAX_IN_FLIGHT) {
        const op: Promise<void> = this.operation().finally(() => inFlight.delete(op));
        inFlight.add(op);
      } else this.skipped++;
      due += interval;
      await sleep(Math.max(0, due - performance.now()));
    }
    await Promise.all(inFlight);
  }

  /** One operation of the mix: 5 reads, 3 readings and 2 gate decisions in every 10. */
  private async operation(): Promise<void> {
    const n = this.tick++ % 10;
    if (n < 5) await this.read(n);
    else if (n < 8) await this.write();
    else await this.decide();
  }

  private async read(n: number): Promise<void> {
    const { baseUrl, cast, measureId } = this.options;
    const paths: [string, Session][] = [
      ['/api/initiatives?limit=20', cast.manager],
      ['/api/portfolio/summary', cast.executive],
      ['/api/approvals?limit=20', cast.executive],
      [`/api/measures/${measureId}/readings?limit=20`, cast.manager],
      ['/api/notifications?limit=20', cast.manager],
    ];
    const [path, session] = paths[n % paths.length] ?? paths[0];
    this.record('read', await request(baseUrl, session, 'GET', path));
  }

  private async write(): Promise<void> {
    await this.recordReading(this.options.measureId);
  }

  private async decide(): Promise<void> {
    const { baseUrl, cast, gates } = this.options;
    const gate = gates.shift();
    if (!gate) {
      await this.read(0);
      return;
    }
    const path = `/api/milestones/${gate.milestoneId}`;
    const submitted = this.record(
      'submit',
      await request(baseUrl, cast.manager, 'POST', `${path}/submit`, undefined, {
        'If-Match': `"${gate.version}"`,
      }),
    );
    if (submitted.status !== 200) return;
    const recycle = this.options.recycleGates === true;
    const decided = this.record(
      'decide',
      await request(baseUrl, cast.executive, 'POST', `${path}/decisions`, {
        outcome: recycle ? 'changes_requested' : 'go',
        rationale: 'The evidence holds (reliability load).',
      }),
    );
    const id = (decided.body as { id?: unknown } | null)?.id;
    if (decided.status !== 201 || typeof id !== 'string') return;
    this.ackedDecisions.push(id);
    if (!recycle) return;
    const current = this.record('read', await request(baseUrl, cast.manager, 'GET', path));
    const version = (current.body as { version?: unknown } | null)?.version;
    if (current.status !== 200 || typeof version !== 'number') {
      this.firstProblems.set('recycle: milestone', JSON.stringify(current.body).slice(0, 300));
      return;
    }
    const resumed = this.record(
      'resume',
      await request(baseUrl, cast.manager, 'POST', `${path}/resume`, undefined, {
        'If-Match': `"${version}"`,
      }),
    );
    const next = (resumed.body as { version?: unknown } | null)?.version;
    if (resumed.status !== 200 || typeof next !== 'number') {
      this.firstProblems.set('recycle: resume', JSON.stringify(resumed.body).slice(0, 300));
      return;
    }
    await this.recordReading(gate.measureId);
    gates.push({ ...gate, version: next });
  }

  private async recordReading(measureId: string): Promise<void> {
    const answer = this.record(
      'write',
      await request(
        this.options.baseUrl,
        this.options.cast.manager,
        'POST',
        `/api/measures/${measureId}/readings`,
        {
          value: Math.round(Math.random() * 4000) / 100,
          observedAt: new Date().toISOString(),
          note: LOAD_NOTE,
        },
      ),
    );
    const id = (answer.body as { id?: unknown } | null)?.id;
    if (answer.status === 201 && typeof id === 'string') this.ackedReadings.push(id);
  }
}

/** Status counts and latency per phase, in the order phases first appeared. */
export function summarise(outcomes: Outcome[]): string[] {
  const phases = [...new Set(outcomes.map((o) => o.phase))];
  return phases.map((phase) => {
    const list = outcomes.filter((o) => o.phase === phase);
    const counts = new Map<string, number>();
    for (const o of list) {
      const key = o.status === 0 ? 'refused' : o.status === -1 ? 'hang' : String(o.status);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const ms = list.map((o) => o.ms).sort((a, b) => a - b);
    const pct = (p: number): number =>
      Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0);
    const statuses = [...counts.entries()]
      .sort()
      .map(([k, v]) => `${k}:${v}`)
      .join(' ');
    return `${phase.padEnd(12)} ${String(list.length).padStart(6)} requests  ${statuses}  p50 ${pct(0.5)} ms  p95 ${pct(0.95)} ms  worst ${Math.round(ms[ms.length - 1] ?? 0)} ms`;
  });
}
