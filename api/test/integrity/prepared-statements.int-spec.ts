import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from '../../src/app/common/database-errors';
import { PreparedStatements } from '../../src/app/common/prepared-statements';
import { ValueStore } from '../../src/app/value/value-store.repository';
import { inProcess } from '../support/in-process';
import { startTestApp, type TestApp } from '../support/test-app';

type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * PreparedStatements in-process, on a pool of ONE connection, so that "the connection" is known:
 * a statement runs as a named prepared statement on a PostgreSQL server (as any other on the
 * embedded database), on the transaction's connection inside one, and fails as
 * `EntityManager.query` would. And the value engine's lock after readings turns off the commit's
 * wait for the WAL and PostgreSQL's re-planning for that transaction only.
 */
describe('prepared statements', () => {
  let t: TestApp;
  let context: INestApplicationContext;
  let txHost: TxHost;
  let statements: PreparedStatements;
  let store: ValueStore;
  const table = `prepared_probe_${process.pid}`;

  beforeAll(async () => {
    t = await startTestApp();
    context = await inProcess(t, 1, { providers: [PreparedStatements, ValueStore] });
    txHost = context.get<TxHost>(TransactionHost);
    statements = context.get(PreparedStatements);
    store = context.get(ValueStore);
    await t.sql.query(`CREATE TABLE ${table} (name text PRIMARY KEY)`);
  });
  afterAll(async () => {
    await t?.sql.query(`DROP TABLE IF EXISTS ${table}`);
    await context?.close();
    await t?.close();
  });

  const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);
  const preparedHere = () =>
    statements.query<{ name: string }>(`SELECT name FROM pg_prepared_statements ORDER BY name`);
  const stored = async () =>
    names((await t.sql.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY 1`)).rows);

  it('runs a statement by name on a server, planned once per connection', async () => {
    const probe = `SELECT count(*)::int AS n FROM ${table} WHERE name = $1`;
    await statements.query(probe, ['a']);
    await statements.query(probe, ['b']);
    const prepared = names(await preparedHere());
    if (t.databaseKind === 'server') {
      // The probe and the listing itself, each once: the second call reused the first's.
      expect(prepared).toHaveLength(2);
      expect(prepared.every((name) => /^wp_[0-9a-f]{40}$/.test(name))).toBe(true);
    } else {
      // One backend serves every client of the embedded database: no names there.
      expect(prepared).toEqual([]);
    }
  });

  it('runs inside a transaction on its connection: sees its writes, rolls back with it', async () => {
    await expect(
      txHost.withTransaction(async () => {
        await txHost.tx.query(`INSERT INTO ${table} (name) VALUES ('inside')`);
        const seen = await statements.query<{ name: string }>(
          `SELECT name FROM ${table} WHERE name = $1`,
          ['inside'],
        );
        expect(names(seen)).toEqual(['inside']);
        await statements.query(`INSERT INTO ${table} (name) VALUES ($1)`, ['also inside']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await stored()).toEqual([]);

    await txHost.withTransaction(() =>
      statements.query(`INSERT INTO ${table} (name) VALUES ($1)`, ['kept']),
    );
    expect(await stored()).toEqual(['kept']);
  });

  it('fails as EntityManager.query does: a QueryFailedError carrying pg’s error', async () => {
    const insert = `INSERT INTO ${table} (name) VALUES ($1)`;
    const failure = await txHost
      .withTransaction(() => statements.query(insert, ['kept']))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(failure)).toBe(true);
    const outside = await statements.query(insert, ['kept']).catch((error: unknown) => error);
    expect(isUniqueViolation(outside)).toBe(true);
    expect(await stored()).toEqual(['kept']);
  });

  const settings = () =>
    statements.query<{ commit: string; plans: string }>(
      `SELECT current_setting('synchronous_commit') AS commit,
              current_setting('plan_cache_mode') AS plans`,
    );

  it('after readings, the lock turns off the wait for the WAL and re-planning, for that transaction only', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const during = await txHost.withTransaction(async () => {
      await store.lockInitiatives([id], 'derived');
      return settings();
    });
    expect(during).toEqual([{ commit: 'off', plans: 'force_generic_plan' }]);
    const withInputs = await txHost.withTransaction(async () => {
      await store.lockInitiatives([id], 'with-inputs');
      return settings();
    });
    expect(withInputs).toEqual([{ commit: 'on', plans: 'auto' }]);
    // The next transaction on the same (only) connection is back to the server's settings.
    expect(await txHost.withTransaction(settings)).toEqual([{ commit: 'on', plans: 'auto' }]);
  });
});
