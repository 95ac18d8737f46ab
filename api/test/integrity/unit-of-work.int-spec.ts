import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from '../../src/app/audit/audit-event.entity';
import { AuditRepository } from '../../src/app/audit/audit.repository';
import { AuditService } from '../../src/app/audit/audit.service';
import { DuplicateRecordError } from '../../src/app/common/persistence-errors';
import { DepartmentEntity } from '../../src/app/departments/department.entity';
import { DepartmentsRepository } from '../../src/app/departments/departments.repository';
import { LiveBus } from '../../src/app/live/live-bus';
import { isAccessEnded, type LiveEnvelope } from '../../src/app/live/live-envelope';
import { inProcess } from '../support/in-process';
import { startTestApp, type TestApp } from '../support/test-app';

type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The unit of work (TransactionHost of @nestjs-cls/transactional) in-process, on a real database:
 * the application's repositories, audit trail and live bus inside a Nest module of their own,
 * on the database of a test app (which applied the migrations).
 */
describe('unit of work', () => {
  let t: TestApp;
  let context: INestApplicationContext;
  let txHost: TxHost;
  let departments: DepartmentsRepository;
  let audit: AuditService;
  const published: LiveEnvelope[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    context = await inProcess(t, 3, {
      imports: [TypeOrmModule.forFeature([DepartmentEntity, AuditEventEntity])],
      providers: [DepartmentsRepository, AuditRepository, AuditService, LiveBus],
    });
    txHost = context.get<TxHost>(TransactionHost);
    departments = context.get(DepartmentsRepository);
    audit = context.get(AuditService);
    context.get(LiveBus).subscribe(
      (message) => {
        if (!isAccessEnded(message)) published.push(message);
      },
      () => undefined,
    );
  });
  afterAll(async () => {
    await context?.close();
    await t?.close();
  });

  const stored = async (name: string): Promise<number> =>
    Number(
      (
        await t.sql.query<{ n: string }>(
          'SELECT count(*) AS n FROM departments WHERE lower(name) = lower($1)',
          [name],
        )
      ).rows[0]?.n,
    );
  const auditedFor = async (entityId: string): Promise<number> =>
    Number(
      (
        await t.sql.query<{ n: string }>(
          'SELECT count(*) AS n FROM audit_events WHERE entity_id = $1',
          [entityId],
        )
      ).rows[0]?.n,
    );

  it('rolls a repository insert back with its unit of work when a later write fails', async () => {
    const name = `Unit of work ${Date.now()}`;
    await expect(
      txHost.withTransaction(async () => {
        const first = await departments.insert(name);
        // The unit of work reads its own write before it fails.
        expect((await departments.findById(first.id))?.name).toBe(name);
        await departments.insert(name.toUpperCase()); // the same name ignoring case
      }),
    ).rejects.toBeInstanceOf(DuplicateRecordError);
    expect(await stored(name)).toBe(0);
  });

  it('rolls back the versioned update, the inner unit of work and the audit event with it', async () => {
    const name = `Versioned ${Date.now()}`;
    const created = await txHost.withTransaction(() => departments.insert(name));
    const failure = new Error('a later step failed');
    await expect(
      txHost.withTransaction(async () => {
        const renamed = await departments.update(created.id, created.version, {
          name: `${name} (renamed)`,
        });
        expect(renamed.version).toBe(created.version + 1);
        // A nested unit of work joins the outer one (propagation "required").
        await txHost.withTransaction(() =>
          audit.record({
            actor: null,
            action: 'update',
            entityType: 'initiative',
            entityId: created.id,
            before: { name },
            after: { name: renamed.name },
          }),
        );
        // Inside the unit of work, its own reads see its writes.
        expect((await departments.findById(created.id))?.name).toBe(`${name} (renamed)`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    const after = await t.sql.query<{ name: string; version: number }>(
      'SELECT name, version FROM departments WHERE id = $1',
      [created.id],
    );
    expect(after.rows).toEqual([{ name, version: created.version }]);
    expect(await auditedFor(created.id)).toBe(0);
  });

  it('publishes the live update of an audit event on commit only', async () => {
    const rolledBack = '00000000-0000-4000-8000-000000000001';
    const committed = '00000000-0000-4000-8000-000000000002';
    const event = (entityId: string) => ({
      actor: null,
      action: 'update',
      entityType: 'initiative',
      entityId,
      before: null,
      after: null,
    });
    await expect(
      txHost.withTransaction(async () => {
        await audit.record(event(rolledBack));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await txHost.withTransaction(() => audit.record(event(committed)));
    for (let i = 0; i < 50 && !published.some((e) => e.event.id === committed); i++) {
      await sleep(50);
    }
    expect(published.map((e) => e.event.id)).toContain(committed);
    expect(published.map((e) => e.event.id)).not.toContain(rolledBack);
    expect(await auditedFor(rolledBack)).toBe(0);
    expect(await auditedFor(committed)).toBe(1);
  });

  it('refuses an audit event outside a unit of work; outside one, a repository autocommits', async () => {
    await expect(
      audit.record({
        actor: null,
        action: 'update',
        entityType: 'initiative',
        entityId: '00000000-0000-4000-8000-000000000003',
      }),
    ).rejects.toThrow('AuditService.record must run inside the transaction of the change');
    expect(txHost.isTransactionActive()).toBe(false);
    const name = `Autocommit ${Date.now()}`;
    await departments.insert(name);
    expect(await stored(name)).toBe(1);
  });

  it('records a one-statement change alone when no follower acts on it, else in a transaction', async () => {
    const insert = (name: string) => ({
      sql: `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
      params: [name],
    });
    const event = (entityId: string, entityType: string) => ({
      actor: null,
      action: 'create',
      entityType,
      entityId,
      // A reading's event is told to the watchers of its initiative.
      initiativeId: '00000000-0000-4000-8000-000000000007',
    });
    // A follower of 'department' events that sees whether it runs inside a transaction.
    const seen: boolean[] = [];
    audit.listen(
      async () => {
        seen.push(txHost.isTransactionActive());
        await Promise.resolve();
      },
      (e) => e.entityType === 'department',
    );
    const alone = `Alone ${Date.now()}`;
    const aloneId = '00000000-0000-4000-8000-000000000004';
    const [row] = await audit.recordAlone<{ id: string }>(insert(alone), event(aloneId, 'reading'));
    expect(row?.id).toEqual(expect.any(String));
    expect(await stored(alone)).toBe(1);
    expect(await auditedFor(aloneId)).toBe(1);
    expect(seen).toEqual([]); // not followed: no follower heard it
    for (let i = 0; i < 50 && !published.some((e) => e.event.id === aloneId); i++) {
      await sleep(50);
    }
    expect(published.map((e) => e.event.id)).toContain(aloneId);

    const followed = `Followed ${Date.now()}`;
    const followedId = '00000000-0000-4000-8000-000000000005';
    await audit.recordAlone(insert(followed), event(followedId, 'department'));
    expect(seen).toEqual([true]); // followed: in a transaction, which the follower shares
    expect(await stored(followed)).toBe(1);
    expect(await auditedFor(followedId)).toBe(1);

    // Alone, a failing statement leaves neither the change nor its event.
    const failedId = '00000000-0000-4000-8000-000000000006';
    await expect(
      audit.recordAlone(insert(alone.toUpperCase()), event(failedId, 'reading')),
    ).rejects.toThrow();
    expect(await auditedFor(failedId)).toBe(0);
  });

  describe('events held until the work is done (LiveBus.holdUntilDone)', () => {
    let bus: LiveBus;
    beforeAll(() => {
      bus = context.get(LiveBus);
    });
    const change = (id: string): LiveEnvelope => ({
      event: {
        kind: 'reading',
        initiativeId: '00000000-0000-4000-8000-000000000010',
        id,
        at: new Date().toISOString(),
      },
      recipientId: null,
    });
    const heardNow = (id: string): number => published.filter((e) => e.event.id === id).length;
    const heard = async (id: string): Promise<number> => {
      for (let i = 0; i < 40 && heardNow(id) === 0; i++) await sleep(50);
      return heardNow(id);
    };
    /** A statement of the transaction that NOTIFYs what takeForStatement took. */
    const carry = async (): Promise<void> => {
      const { channel, payloads } = bus.takeForStatement();
      await txHost.tx.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [
        channel,
        payloads,
      ]);
    };

    it('sends an event published outside a transaction when the work ends, not before', async () => {
      const id = '00000000-0000-4000-8000-000000000011';
      let heardMeanwhile = -1;
      await bus.holdUntilDone(async () => {
        await bus.publish(change(id));
        await sleep(300);
        heardMeanwhile = heardNow(id);
      });
      expect(heardMeanwhile).toBe(0);
      expect(await heard(id)).toBe(1);
    });

    it('sends it once, at the commit of the transaction whose statement carries it', async () => {
      const id = '00000000-0000-4000-8000-000000000012';
      let heardBeforeCommit = -1;
      let heardAfterCommit = -1;
      await bus.holdUntilDone(async () => {
        await bus.publish(change(id));
        await txHost.withTransaction(async () => {
          await carry();
          await sleep(300);
          heardBeforeCommit = heardNow(id);
        });
        heardAfterCommit = await heard(id);
      });
      expect(heardBeforeCommit).toBe(0);
      expect(heardAfterCommit).toBe(1);
      await sleep(300);
      expect(heardNow(id)).toBe(1);
    });

    it('sends it at the end when the transaction that was to carry it rolls back', async () => {
      const id = '00000000-0000-4000-8000-000000000013';
      const own = '00000000-0000-4000-8000-000000000014';
      await expect(
        bus.holdUntilDone(async () => {
          await bus.publish(change(id));
          await txHost.withTransaction(async () => {
            await bus.publish(change(own));
            await carry();
            throw new Error('rolled back');
          });
        }),
      ).rejects.toThrow('rolled back');
      expect(await heard(id)).toBe(1);
      // The transaction's own event went with it.
      expect(heardNow(own)).toBe(0);
    });

    it('refuses to hand events to a statement outside a transaction', () => {
      expect(() => bus.takeForStatement()).toThrow('must run inside a transaction');
    });
  });
});
