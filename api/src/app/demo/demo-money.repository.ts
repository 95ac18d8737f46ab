import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** The few look-ups the money part of the demo story needs (ids by the story's names). */
@Injectable()
export class DemoMoneyRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async initiatives(
    titles: readonly string[],
  ): Promise<Map<string, { id: string; ownerId: string }>> {
    const rows: Array<{ id: string; title: string; owner_id: string }> = await this.txHost.tx.query(
      `SELECT id, title, owner_id FROM initiatives WHERE title = ANY($1::text[])`,
      [titles],
    );
    return new Map(rows.map((r) => [r.title, { id: r.id, ownerId: r.owner_id }]));
  }

  async cycleIdsByName(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.txHost.tx.query(
      `SELECT id, name FROM cycles`,
    );
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  async measureId(initiativeId: string, name: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM measures WHERE initiative_id = $1 AND name = $2`,
      [initiativeId, name],
    );
    return rows[0]?.id ?? null;
  }
}
