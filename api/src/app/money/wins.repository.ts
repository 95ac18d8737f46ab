import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { WinResponse } from '@waypoint/contracts';
import { DuplicateRecordError, isUniqueViolation, type PageRequest } from '../common';

/** What a win keeps as at its publication (the snapshot column). */
export type WinSnapshot = Pick<WinResponse, 'initiative' | 'measures' | 'money' | 'customerGroups'>;

/** A win as stored, without the money of today (the service adds it for its reader). */
export type PublishedWin = Omit<WinResponse, 'now'>;

export interface NewWin {
  initiativeId: string;
  publishedBy: string;
  learned: string;
  youToldUs: string;
  weChanged: string;
  snapshot: WinSnapshot;
}

interface RawWin {
  id: string;
  published_by: string;
  display_name: string;
  published_at: Date;
  learned: string;
  you_told_us: string;
  we_changed: string;
  snapshot: WinSnapshot;
}

const SELECT = `
  SELECT w.id, w.published_by, u.display_name, w.published_at, w.learned, w.you_told_us,
         w.we_changed, w.snapshot
    FROM wins w JOIN users u ON u.id = w.published_by`;

function toWin(raw: RawWin): PublishedWin {
  return {
    id: raw.id,
    initiative: raw.snapshot.initiative,
    publishedBy: { id: raw.published_by, displayName: raw.display_name },
    publishedAt: raw.published_at.toISOString(),
    learned: raw.learned,
    youToldUs: raw.you_told_us,
    weChanged: raw.we_changed,
    measures: raw.snapshot.measures,
    money: raw.snapshot.money,
    customerGroups: raw.snapshot.customerGroups,
  };
}

/** Published wins: one per initiative, kept as they were published. */
@Injectable()
export class WinsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  async idFor(initiativeId: string): Promise<string | null> {
    const rows = await this.query<{ id: string }>(`SELECT id FROM wins WHERE initiative_id = $1`, [
      initiativeId,
    ]);
    return rows[0]?.id ?? null;
  }

  async customerGroups(initiativeId: string): Promise<string[]> {
    const rows = await this.query<{ name: string }>(
      `SELECT g.name FROM initiative_customer_groups l
         JOIN customer_groups g ON g.id = l.customer_group_id
        WHERE l.initiative_id = $1 ORDER BY g.name`,
      [initiativeId],
    );
    return rows.map((r) => r.name);
  }

  async insert(win: NewWin, at: Date): Promise<string> {
    try {
      const rows = await this.query<{ id: string }>(
        `INSERT INTO wins (initiative_id, published_by, published_at, learned, you_told_us,
           we_changed, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
        [
          win.initiativeId,
          win.publishedBy,
          at,
          win.learned,
          win.youToldUs,
          win.weChanged,
          JSON.stringify(win.snapshot),
        ],
      );
      return rows[0]?.id ?? '';
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DuplicateRecordError('This initiative’s win is already published.');
      }
      throw error;
    }
  }

  async find(id: string): Promise<PublishedWin | null> {
    const rows = await this.query<RawWin>(`${SELECT} WHERE w.id = $1`, [id]);
    return rows[0] ? toWin(rows[0]) : null;
  }

  async list(page: PageRequest): Promise<{ rows: PublishedWin[]; total: number }> {
    const rows = await this.query<RawWin & { total: number }>(
      `${SELECT.replace('w.snapshot', 'w.snapshot, count(*) OVER ()::int AS total')}
        ORDER BY w.published_at DESC, w.id DESC LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.count() : 0);
    return { rows: rows.map(toWin), total };
  }

  private async count(): Promise<number> {
    const rows = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM wins`);
    return rows[0]?.n ?? 0;
  }
}
