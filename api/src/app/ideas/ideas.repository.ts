import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { IdeaMeToo, IdeaResponse, IdeaStatus } from '@waypoint/contracts';
import type { QueryDeepPartialEntity } from 'typeorm';
import {
  conditionalUpdate,
  DuplicateRecordError,
  insertReturning,
  isUniqueViolation,
  type PageRequest,
} from '../common';
import { IdeaEntity } from './idea.entity';

export const IDEA_NOT_FOUND = 'No such idea.';
const ME_TOO_KEY = 'idea_me_toos_person_key';

export interface IdeaFilter {
  status?: IdeaStatus;
  customerGroupId?: string;
  momentId?: string;
  initiativeId?: string;
  submittedBy?: string;
}

interface IdeaRow {
  id: string;
  title: string;
  customer_group_id: string;
  group_name: string;
  moment_id: string | null;
  moment_name: string | null;
  pain: string;
  evidence: string;
  customer_impact: number;
  business_value: number;
  effort: number;
  priority: string;
  status: IdeaStatus;
  submitted_by: string;
  submitter_name: string;
  me_too_count: string;
  me_too_mine: boolean;
  decline_reason: string | null;
  merged_into_id: string | null;
  merged_into_title: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  triaged_by: string | null;
  triager_name: string | null;
  triaged_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  total?: string;
}

const iso = (at: Date): string => new Date(at).toISOString();

function mapRow(r: IdeaRow): IdeaResponse {
  return {
    id: r.id,
    title: r.title,
    customerGroup: { id: r.customer_group_id, name: r.group_name },
    moment: r.moment_id ? { id: r.moment_id, name: r.moment_name ?? '' } : null,
    pain: r.pain,
    evidence: r.evidence,
    customerImpact: r.customer_impact,
    businessValue: r.business_value,
    effort: r.effort,
    priority: Number(r.priority),
    status: r.status,
    submittedBy: { id: r.submitted_by, displayName: r.submitter_name },
    meTooCount: Number(r.me_too_count),
    meTooMine: r.me_too_mine,
    declineReason: r.decline_reason,
    mergedInto: r.merged_into_id
      ? { id: r.merged_into_id, title: r.merged_into_title ?? '' }
      : null,
    initiative: r.initiative_id ? { id: r.initiative_id, title: r.initiative_title ?? '' } : null,
    triagedBy: r.triaged_by ? { id: r.triaged_by, displayName: r.triager_name ?? '' } : null,
    triagedAt: r.triaged_at ? iso(r.triaged_at) : null,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** $1 is the caller (for meTooMine). */
const SELECT_IDEAS = `
  SELECT i.id, i.title, i.customer_group_id, g.name AS group_name, i.moment_id,
         m.name AS moment_name, i.pain, i.evidence, i.customer_impact, i.business_value, i.effort,
         i.priority, i.status, i.submitted_by, su.display_name AS submitter_name,
         (SELECT count(*) FROM idea_me_toos t WHERE t.idea_id = i.id) AS me_too_count,
         EXISTS (SELECT 1 FROM idea_me_toos t WHERE t.idea_id = i.id AND t.user_id = $1) AS me_too_mine,
         i.decline_reason, i.merged_into_id, k.title AS merged_into_title,
         i.initiative_id, n.title AS initiative_title, i.triaged_by,
         tu.display_name AS triager_name, i.triaged_at, i.version, i.created_at, i.updated_at
    FROM ideas i
    JOIN customer_groups g ON g.id = i.customer_group_id
    JOIN users su ON su.id = i.submitted_by
    LEFT JOIN customer_moments m ON m.id = i.moment_id
    LEFT JOIN ideas k ON k.id = i.merged_into_id
    LEFT JOIN initiatives n ON n.id = i.initiative_id
    LEFT JOIN users tu ON tu.id = i.triaged_by`;

/** The only code that touches the ideas' tables. */
@Injectable()
export class IdeasRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  /** Highest priority first (then oldest): one statement. */
  async list(
    filter: IdeaFilter,
    viewerId: string,
    page: PageRequest,
  ): Promise<{ items: IdeaResponse[]; total: number }> {
    const params: unknown[] = [viewerId];
    const where: string[] = [];
    const add = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      params.push(value);
      where.push(`i.${column} = $${params.length}`);
    };
    add('status', filter.status);
    add('customer_group_id', filter.customerGroupId);
    add('moment_id', filter.momentId);
    add('initiative_id', filter.initiativeId);
    add('submitted_by', filter.submittedBy);
    params.push(page.limit, page.offset);
    const rows = await this.query<IdeaRow>(
      `${SELECT_IDEAS.replace('SELECT', 'SELECT count(*) OVER () AS total,')}
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY i.priority DESC, i.created_at, i.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(mapRow), total: Number(rows[0]?.total ?? 0) };
  }

  async describe(id: string, viewerId: string): Promise<IdeaResponse | null> {
    const rows = await this.query<IdeaRow>(`${SELECT_IDEAS} WHERE i.id = $2`, [viewerId, id]);
    const [row] = rows;
    return row ? mapRow(row) : null;
  }

  async meToos(id: string): Promise<IdeaMeToo[]> {
    const rows = await this.query<{
      id: string;
      user_id: string;
      display_name: string;
      evidence: string;
      created_at: Date;
    }>(
      `SELECT t.id, t.user_id, u.display_name, t.evidence, t.created_at
         FROM idea_me_toos t JOIN users u ON u.id = t.user_id
        WHERE t.idea_id = $1 ORDER BY t.created_at DESC, t.id`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      by: { id: r.user_id, displayName: r.display_name },
      evidence: r.evidence,
      createdAt: iso(r.created_at),
    }));
  }

  /** The idea, locked for the rest of the unit of work (triage and "me too" queue on it). */
  async lock(id: string): Promise<IdeaEntity | null> {
    return this.txHost.tx
      .getRepository(IdeaEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  async insert(values: QueryDeepPartialEntity<IdeaEntity>): Promise<IdeaEntity> {
    return insertReturning(this.txHost, IdeaEntity, values);
  }

  /** The conditional write: 404 or 412. */
  async update(
    id: string,
    expectedVersion: number,
    changes: QueryDeepPartialEntity<IdeaEntity>,
  ): Promise<IdeaEntity> {
    return conditionalUpdate(this.txHost, IdeaEntity, id, expectedVersion, changes, IDEA_NOT_FOUND);
  }

  /** 409 when this person already said "me too" to the idea. */
  async insertMeToo(ideaId: string, userId: string, evidence: string, at: Date): Promise<void> {
    try {
      await this.query(
        `INSERT INTO idea_me_toos (idea_id, user_id, evidence, created_at)
         VALUES ($1, $2, $3, $4)`,
        [ideaId, userId, evidence, at],
      );
    } catch (error) {
      if (isUniqueViolation(error, ME_TOO_KEY)) {
        throw new DuplicateRecordError('You already said "me too" to this idea.');
      }
      throw error;
    }
  }

  async meTooCount(ideaId: string): Promise<number> {
    const rows = await this.query<{ count: string }>(
      `SELECT count(*) AS count FROM idea_me_toos WHERE idea_id = $1`,
      [ideaId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * Moves the "me too"s of `fromId` to `intoId` (a person who said it to both counts once; the
   * kept idea's submitter is not their own "me too"), and makes the duplicate's submitter a
   * "me too" of the kept idea with the duplicate's pain and evidence.
   */
  async moveMeToos(
    from: { id: string; submittedBy: string; evidence: string },
    into: { id: string; submittedBy: string },
    at: Date,
  ): Promise<void> {
    await this.query(
      `INSERT INTO idea_me_toos (idea_id, user_id, evidence, created_at)
       SELECT $2, user_id, evidence, created_at FROM idea_me_toos
        WHERE idea_id = $1 AND user_id <> $3
       ON CONFLICT (idea_id, user_id) DO NOTHING`,
      [from.id, into.id, into.submittedBy],
    );
    if (from.submittedBy !== into.submittedBy) {
      await this.query(
        `INSERT INTO idea_me_toos (idea_id, user_id, evidence, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (idea_id, user_id) DO NOTHING`,
        [into.id, from.submittedBy, from.evidence, at],
      );
    }
    await this.query(`DELETE FROM idea_me_toos WHERE idea_id = $1`, [from.id]);
  }

  async groupExists(id: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>(`SELECT id FROM customer_groups WHERE id = $1`, [
      id,
    ]);
    return rows.length === 1;
  }
}
