import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReadingEntity } from '../../src/app/measures/reading.entity';
import { ReadingWithdrawalEntity } from '../../src/app/measures/reading-withdrawal.entity';
import { ReadingsRepository } from '../../src/app/measures/readings.repository';
import { createUser } from '../factories/users';
import { inProcess } from '../support/in-process';
import { startTestApp, type TestApp } from '../support/test-app';

type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * A reading's route finds the measure's initiative in its access check, and the write no longer
 * looks the measure up again. A measure deleted between the two makes the insert break its
 * foreign key: the writer hears 404 "No such measure.", not 500.
 */
describe('a reading of a measure deleted after the access check', () => {
  let t: TestApp;
  let context: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    context = await inProcess(t, 2, {
      imports: [TypeOrmModule.forFeature([ReadingEntity, ReadingWithdrawalEntity])],
      providers: [ReadingsRepository],
    });
  });
  afterAll(async () => {
    await context?.close();
    await t?.close();
  });

  it('answers 404 and writes nothing', async () => {
    const txHost = context.get<TxHost>(TransactionHost);
    const readings = context.get(ReadingsRepository);
    const recorder = await createUser(t.sql, { role: 'member' });
    const failure = await txHost
      .withTransaction(() =>
        readings.insertAudited(
          {
            id: randomUUID(),
            measureId: randomUUID(),
            value: 1,
            observedAt: new Date(),
            recordedBy: recorder.id,
            recordedAt: new Date(),
            note: '',
            evidenceUrl: null,
            supersedesId: null,
          },
          (change) => txHost.tx.query(change.sql, change.params),
        ),
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundException);
    expect((failure as NotFoundException).message).toBe('No such measure.');
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM readings`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
