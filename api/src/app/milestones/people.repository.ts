import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { UserRef } from '@waypoint/contracts';

/** Names of the people gate records point at (submitters, deciders, assignees). */
@Injectable()
export class PeopleRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** One IN (...) query for every id given (nulls and repeats ignored). */
  async refs(ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, UserRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.txHost.tx.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
  }
}

/** The person of an id that must exist (foreign keys guarantee it; a deleted user reads "unknown"). */
export function personOf(people: Map<string, UserRef>, id: string): UserRef {
  return people.get(id) ?? { id, displayName: 'Unknown user' };
}
