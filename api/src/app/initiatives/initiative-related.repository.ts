import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Role } from '@waypoint/contracts';

export interface UserCheck {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * What the writes of an initiative check besides its own columns: the people and customer groups
 * it names. (The reads are InitiativeAnswersRepository's single statements.)
 */
@Injectable()
export class InitiativeRelatedRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Role and active flag of each of these users that exists. */
  async userChecks(ids: readonly string[]): Promise<UserCheck[]> {
    if (ids.length === 0) return [];
    return this.txHost.tx.query(`SELECT id, role, active FROM users WHERE id = ANY($1::uuid[])`, [
      [...ids],
    ]);
  }

  /** Which of these customer groups exist. */
  async existingCustomerGroupIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM customer_groups WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Set(rows.map((row) => row.id));
  }
}
