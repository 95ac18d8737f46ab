import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { RecordNotFoundError, StaleVersionError } from './persistence-errors';

/** A mutable resource: a UUID and a version that every change increments. */
export interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
  updatedAt: Date;
}

/** An entity from a raw `RETURNING *` row (column names to properties, driver conversions). */
function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) {
      const value = manager.connection.driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
      column.setEntityValue(entity, value);
    }
  }
  return entity;
}

/**
 * INSERT ... RETURNING *: the new record as stored (id, defaults, version 1). Runs in the current
 * unit of work of `txHost` (or on its own outside one).
 */
export async function insertReturning<T extends ObjectLiteral>(
  txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<T> {
  const manager = txHost.tx;
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(values)
    .returning('*')
    .execute();
  const row = (result.raw as Record<string, unknown>[])[0];
  if (!row) throw new Error('INSERT ... RETURNING gave no row');
  return hydrate(manager, target, row);
}

/**
 * The one conditional write, for repositories. The check and the write are one statement:
 *
 *   UPDATE <table> SET ..., version = version + 1, updated_at = now()
 *    WHERE id = $id AND version = $expected RETURNING *
 *
 * No row: 404 when there is no such id, else 412 (someone else changed it since it was read).
 * Returns the new state. TypeORM's @VersionColumn does not check on update, so it is not used.
 * Runs in the current unit of work of `txHost`.
 */
export async function conditionalUpdate<T extends Versioned>(
  txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  target: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  notFoundMessage: string,
): Promise<T> {
  const manager = txHost.tx;
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({
      ...changes,
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .returning('*')
    .execute();
  const row = (result.raw as Record<string, unknown>[])[0];
  if (row) return hydrate(manager, target, row);
  const exists = await manager
    .createQueryBuilder()
    .select('1')
    .from(target, 'r')
    .where('r.id = :id', { id })
    .getRawOne<unknown>();
  if (exists === undefined) throw new RecordNotFoundError(notFoundMessage);
  throw new StaleVersionError();
}

/**
 * One write as SQL text and its values ($1..), for a repository to hand to another that runs it
 * within a larger statement (the audit trail's `recordWith`: the change and its event in one
 * round trip). It must RETURN what the caller needs of the written rows.
 */
export interface ChangeStatement {
  sql: string;
  params: unknown[];
}

/** An entity from a row a repository's own `RETURNING *` answered, in the current unit of work. */
export function hydrateRow<T extends ObjectLiteral>(
  txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  return hydrate(txHost.tx, target, row);
}
