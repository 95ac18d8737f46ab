import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MeasureUserRef, ReviewDecision } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import {
  isUniqueViolation,
  StaleVersionError,
  type PageRequest,
  conditionalUpdate,
  insertReturning,
} from '../common';
import type { CycleRow } from '../value';
import { CycleReviewEntity } from './cycle-review.entity';

export interface ReviewFields {
  intent: string;
  predictedChange: string;
  decision: ReviewDecision | null;
  learnings: string;
  nextIntent: string;
}

/** A review with the cycle it is about. */
export interface ReviewRow extends ReviewFields {
  id: string;
  initiativeId: string;
  cycle: CycleRow;
  authorId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const UNIQUE_KEY = 'cycle_reviews_initiative_id_cycle_id_key';

const SELECT = `
  SELECT r.id, r.initiative_id, r.intent, r.predicted_change, r.decision, r.learnings,
         r.next_intent, r.author_id, r.version, r.created_at, r.updated_at,
         c.id AS cycle_id, c.name AS cycle_name,
         c.starts_on::text AS cycle_starts_on, c.ends_on::text AS cycle_ends_on
    FROM cycle_reviews r JOIN cycles c ON c.id = r.cycle_id`;

interface RawReview {
  id: string;
  initiative_id: string;
  intent: string;
  predicted_change: string;
  decision: ReviewDecision | null;
  learnings: string;
  next_intent: string;
  author_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  cycle_id: string;
  cycle_name: string;
  cycle_starts_on: string;
  cycle_ends_on: string;
}

function toRow(raw: RawReview): ReviewRow {
  return {
    id: raw.id,
    initiativeId: raw.initiative_id,
    intent: raw.intent,
    predictedChange: raw.predicted_change,
    decision: raw.decision,
    learnings: raw.learnings,
    nextIntent: raw.next_intent,
    authorId: raw.author_id,
    version: raw.version,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    cycle: {
      id: raw.cycle_id,
      name: raw.cycle_name,
      startsOn: raw.cycle_starts_on,
      endsOn: raw.cycle_ends_on,
    },
  };
}

@Injectable()
export class ReviewsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The reviews of an initiative, latest cycle first. */
  async list(
    initiativeId: string,
    page: PageRequest,
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const counted: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM cycle_reviews WHERE initiative_id = $1`,
      [initiativeId],
    );
    const rows: RawReview[] = await this.dataSource.query(
      `${SELECT} WHERE r.initiative_id = $1 ORDER BY c.starts_on DESC, r.id LIMIT $2 OFFSET $3`,
      [initiativeId, page.limit, page.offset],
    );
    return { rows: rows.map(toRow), total: counted[0]?.total ?? 0 };
  }

  async findById(id: string): Promise<ReviewRow | null> {
    const rows: RawReview[] = await this.txHost.tx.query(`${SELECT} WHERE r.id = $1`, [id]);
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  async find(initiativeId: string, cycleId: string): Promise<ReviewRow | null> {
    const rows: RawReview[] = await this.txHost.tx.query(
      `${SELECT} WHERE r.initiative_id = $1 AND r.cycle_id = $2`,
      [initiativeId, cycleId],
    );
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  /** The review of the latest cycle that starts on or before the day (any day: null). */
  async latestFor(
    initiativeId: string,
    startsOnOrBefore: string | null,
  ): Promise<ReviewRow | null> {
    const rows: RawReview[] = await this.dataSource.query(
      `${SELECT} WHERE r.initiative_id = $1 AND ($2::date IS NULL OR c.starts_on <= $2::date)
        ORDER BY c.starts_on DESC LIMIT 1`,
      [initiativeId, startsOnOrBefore],
    );
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  async authors(ids: readonly string[]): Promise<Map<string, MeasureUserRef>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows: MeasureUserRef[] = await this.dataSource.query(
      `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** A review written meanwhile by someone else (same initiative and cycle): 412. */
  async insert(
    values: ReviewFields & { initiativeId: string; cycleId: string; authorId: string },
  ): Promise<string> {
    try {
      return (await insertReturning(this.txHost, CycleReviewEntity, values)).id;
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_KEY)) {
        throw new StaleVersionError();
      }
      throw error;
    }
  }

  async update(id: string, expectedVersion: number, changes: ReviewFields): Promise<void> {
    await conditionalUpdate(
      this.txHost,
      CycleReviewEntity,
      id,
      expectedVersion,
      changes,
      'No such cycle review.',
    );
  }
}
