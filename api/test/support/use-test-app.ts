import type { Role } from '@waypoint/contracts';
import type { Pool } from 'pg';
import * as domain from '../factories/domain';
import { createDepartment, createUser, type TestUser } from '../factories/users';
import { type Session, signIn, signInAs } from './auth';
import { type Answer, send } from './http';
import { type Roster, type SignedIn, signInPeople } from './people';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';
import { expectStoredValueTrue } from './value-check';

export interface UseTestAppOptions<R extends Roster> extends TestAppOptions {
  /** People signed in before the first test, as `t.people.<name>` (see support/people.ts). */
  people?: R;
  /**
   * After the spec's scenarios, `npm run value:check`'s comparison: the stored value rows are
   * what the readings say (support/value-check.ts).
   */
  valueCheck?: boolean;
}

/** The factories of api/test/factories, writing straight into this app's database. */
export interface Make {
  user(overrides?: Parameters<typeof createUser>[1]): Promise<TestUser>;
  department(name?: string): Promise<string>;
  initiative(seed: domain.InitiativeSeed): Promise<string>;
  milestone(
    initiativeId: string,
    seed?: Parameters<typeof domain.createMilestone>[2],
  ): Promise<string>;
  measure(initiativeId: string, seed?: Parameters<typeof domain.createMeasure>[2]): Promise<string>;
  reading(measureId: string, seed: Parameters<typeof domain.createReading>[2]): Promise<string>;
  step(
    milestoneId: string,
    initiativeId: string,
    seed?: Parameters<typeof domain.createStep>[3],
  ): Promise<string>;
  cycle(name: string, startsOn: string, endsOn: string): Promise<string>;
  customerGroup(seed?: Parameters<typeof domain.createCustomerGroup>[1]): Promise<string>;
  row(table: string, values: Record<string, unknown>): Promise<string>;
}

/** What a spec gets from useTestApp(): the running app (a TestApp) and helpers bound to it. */
export interface TestContext<R extends Roster = Record<never, never>> extends TestApp {
  /** The roster's people, signed in before the first test. */
  readonly people: SignedIn<R>;
  /** A JSON request, answer read: `await t.send(admin, 'POST', '/api/departments', { name })`. */
  send<T = Record<string, unknown>>(
    session: Session | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** A new user of that role, signed in. */
  signIn(role: Role, overrides?: Parameters<typeof createUser>[1]): Promise<Session>;
  /** Signs in an existing user. */
  signInAs(user: TestUser): Promise<Session>;
  readonly make: Make;
}

/**
 * The one setup of an integration spec file. Called at the top of a `describe` (before the
 * spec's own hooks), it registers a beforeAll that starts the real application on a database of
 * its own (startTestApp) and signs in `options.people`, and an afterAll that stops it:
 *
 *   const t = useTestApp({ people: GATE_PEOPLE });
 *   it('...', async () => {
 *     const res = await t.send(t.people.owner, 'GET', '/api/initiatives');
 *   });
 *
 * `t` is a TestApp, so every helper taking one (`send(t, ...)`, the factories) works with it;
 * its members answer only while the app runs (inside hooks and tests). `t.close()` may be called
 * early (a test of shutdown); the afterAll then has nothing left to do.
 */
export function useTestApp<R extends Roster = Record<never, never>>(
  options: UseTestAppOptions<R> = {},
): TestContext<R> {
  const { people: roster, valueCheck, ...appOptions } = options;
  let app: TestApp | null = null;
  let closing: Promise<void> | null = null;
  const signedIn: Partial<Record<string, Session>> = {};

  const running = (): TestApp => {
    if (!app) {
      throw new Error('useTestApp: the app runs only inside hooks and tests of its describe');
    }
    return app;
  };
  const people = new Proxy(signedIn, {
    get(target, name) {
      if (typeof name === 'string' && roster && name in roster) {
        const session = target[name];
        if (!session) throw new Error(`useTestApp: t.people.${name} is not signed in yet`);
        return session;
      }
      return undefined;
    },
  }) as SignedIn<R>;
  const sql = (): Pool => running().sql;

  const t: TestContext<R> = {
    get baseUrl() {
      return running().baseUrl;
    },
    get sql() {
      return sql();
    },
    get databaseKind() {
      return running().databaseKind;
    },
    stderr: () => running().stderr(),
    stdout: () => running().stdout(),
    close() {
      closing ??= app ? app.close() : Promise.resolve();
      return closing;
    },
    people,
    send: (session, method, path, body, headers) => send(t, session, method, path, body, headers),
    signIn: (role, overrides = {}) => signIn(t, role, overrides),
    signInAs: (user) => signInAs(t, user),
    make: {
      user: (overrides) => createUser(sql(), overrides),
      department: (name) => createDepartment(sql(), name),
      initiative: (seed) => domain.createInitiative(sql(), seed),
      milestone: (initiativeId, seed) => domain.createMilestone(sql(), initiativeId, seed),
      measure: (initiativeId, seed) => domain.createMeasure(sql(), initiativeId, seed),
      reading: (measureId, seed) => domain.createReading(sql(), measureId, seed),
      step: (milestoneId, initiativeId, seed) =>
        domain.createStep(sql(), milestoneId, initiativeId, seed),
      cycle: (name, startsOn, endsOn) => domain.createCycle(sql(), name, startsOn, endsOn),
      customerGroup: (seed) => domain.createCustomerGroup(sql(), seed),
      row: (table, values) => domain.insertRow(sql(), table, values),
    },
  };

  beforeAll(async () => {
    app = await startTestApp(appOptions);
    if (roster) Object.assign(signedIn, await signInPeople(t, roster));
  });
  if (valueCheck) {
    afterAll(async () => {
      if (app) await expectStoredValueTrue(app);
    });
  }
  afterAll(() => t.close());
  return t;
}
