import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { baselineRules, describeDifference, differences } from '../support/baseline-answers';
import type { Session } from '../support/auth';
import { auditCount, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * `npm run bench` compares the app with a baseline server answering the same requests with the
 * best SQL (scripts/perf/baseline-server.mjs); its figures mean something only while both give
 * the same JSON. This keeps them together on a small database: a change of an answer in the app
 * (a field, its order, a rule) fails here until the baseline follows.
 */
describe('the bench baseline answers as the app does', () => {
  const t = useTestApp({ valueCheck: true });
  let baseline: { base: string; child: ChildProcess };
  let exec: Session;
  let owner: Session;
  let member: Session;
  let initiatives: string[];
  let measureId: string;

  beforeAll(async () => {
    const department = await t.make.department('Operations');
    exec = await t.signIn('executive', { displayName: 'Eve Executive', departmentId: department });
    owner = await t.signIn('manager', { displayName: 'mona Manager' });
    member = await t.signIn('member', { displayName: 'Max Member', departmentId: department });
    const gone = await t.make.user({
      role: 'executive',
      active: false,
      displayName: 'Old Sponsor',
    });
    const groups = [
      await t.make.customerGroup({ name: 'b callers' }),
      await t.make.customerGroup({ name: 'A visitors', protected: true }),
    ];
    const first = await t.make.initiative({
      ownerId: owner.user.id,
      sponsorId: exec.user.id,
      teamIds: [member.user.id, exec.user.id],
      customerGroupIds: groups,
      title: 'Call-backs',
    });
    const second = await t.make.initiative({
      ownerId: exec.user.id,
      sponsorId: gone.id,
      status: 'draft',
      title: 'Self-service',
    });
    const third = await t.make.initiative({
      ownerId: member.user.id,
      status: 'proposed',
      title: 'Fewer forms',
    });
    initiatives = [first, second, third];
    await t.sql.query(`UPDATE initiatives SET template = 'dmaic' WHERE id = $1`, [first]);
    await t.sql.query(`UPDATE initiatives SET template = 'retired' WHERE id = $1`, [second]);
    const done = await t.make.milestone(first, {
      position: 1,
      state: 'approved',
      criteria: [
        { id: 'c1', label: 'Signed off', checked: true },
        { id: 'c2', label: 'Measured', checked: false },
      ],
    });
    await t.make.milestone(first, { position: 2, title: 'Improve', state: 'in_progress' });
    await t.sql.query(`UPDATE milestones SET due_date = '2026-12-31' WHERE id = $1`, [done]);
    measureId = await t.make.measure(first, { name: 'Average wait', perspective: 'customer' });
    await t.make.measure(first, { name: 'cost per call', perspective: 'business' });
    const submission = await t.make.row('gate_submissions', {
      milestone_id: done,
      submitted_by: owner.user.id,
      snapshot: {},
    });
    const decision = await t.make.row('gate_decisions', {
      milestone_id: done,
      submission_id: submission,
      decider_id: exec.user.id,
      outcome: 'go_with_conditions',
      rationale: 'Fine',
    });
    for (const closed of [false, true]) {
      await t.sql.query(
        `INSERT INTO decision_conditions (decision_id, initiative_id, text, closed_at, close_note)
         VALUES ($1, $2, 'Check', $3, $4)`,
        [decision, first, closed ? new Date() : null, closed ? 'Done' : null],
      );
    }
    baseline = await startBaseline(t.baseUrl, connectionString());
  });

  afterAll(async () => {
    if (baseline && baseline.child.exitCode === null) {
      const exited = new Promise((resolve) => baseline.child.once('exit', resolve));
      baseline.child.kill('SIGTERM');
      await exited;
    }
  });

  const connectionString = (): string =>
    (t.sql as unknown as { options: { connectionString: string } }).options.connectionString;

  async function compare(
    session: Session,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; app: unknown; baseline: unknown; found: string[] }> {
    // The baseline first: for a write, the app's then recomputes the value rows of both.
    const fromBaseline = await fetch(`${baseline.base}${path}`, {
      method,
      headers: { ...session.headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const b = { status: fromBaseline.status, body: (await fromBaseline.json()) as unknown };
    const a = await send<unknown>(t, session, method, path, body);
    const status = a.status;
    if (a.status !== b.status)
      return {
        status,
        app: a.body,
        baseline: b.body,
        found: [`status: ${a.status} / ${b.status}`],
      };
    if (a.status >= 300) return { status, app: a.body, baseline: b.body, found: [] };
    const ignore = method === 'POST' ? [/^\$\.id$/, /^\$\.recordedAt$/] : [];
    return {
      status,
      app: a.body,
      baseline: b.body,
      found: differences(a.body, b.body, '$', ignore).map(describeDifference),
    };
  }

  it('the list, whole and for a member, paged', async () => {
    for (const session of [exec, owner, member]) {
      for (const query of ['?limit=50', '?limit=1&offset=1']) {
        const { found } = await compare(session, 'GET', `/api/initiatives${query}`);
        expect(found).toEqual([]);
      }
    }
  });

  it('the detail of each initiative, and the same refusal where the app refuses', async () => {
    const statuses: number[] = [];
    for (const session of [exec, member]) {
      for (const id of initiatives) {
        const { found, status } = await compare(session, 'GET', `/api/initiatives/${id}`);
        expect(found).toEqual([]);
        statuses.push(status);
      }
    }
    // The member reads the one they are on and the one they own, not the executive's draft.
    expect(statuses).toEqual([200, 200, 200, 200, 403, 200]);
  });

  it('recording a reading: the same answer but its new id and time, each audited once', async () => {
    const body = { value: 31.5, observedAt: '2026-11-30T09:15:00.000Z', note: 'Week 48' };
    const {
      found,
      app,
      baseline: fromBaseline,
    } = await compare(owner, 'POST', `/api/measures/${measureId}/readings`, body);
    expect(found).toEqual([]);
    for (const answer of [app, fromBaseline]) {
      const id = (answer as { id: string }).id;
      expect(await auditCount(t, id, 'record')).toBe(1);
    }
  });
});

async function startBaseline(
  appOrigin: string,
  databaseUrl: string,
): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'perf', 'baseline-server.mjs')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '2',
      PORT: '0',
      BASELINE_RULES: baselineRules(),
      BASELINE_ORIGINS: appOrigin,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString('utf8'));
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`baseline exited ${String(code)}: ${errors}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}
