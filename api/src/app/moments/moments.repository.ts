import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  InitiativeMomentRef,
  InitiativeStatus,
  MomentInitiativeRef,
  MomentMeasureRef,
  MomentResponse,
} from '@waypoint/contracts';
import {
  conditionalUpdate,
  DuplicateRecordError,
  insertReturning,
  isUniqueViolation,
  type PageRequest,
  RecordNotFoundError,
  StaleVersionError,
  returnedRows,
} from '../common';
import { CustomerMomentEntity } from './customer-moment.entity';

export const MOMENT_NOT_FOUND = 'No such customer moment.';
const NAME_KEY = 'customer_moments_name_key';
/** Initiatives still in flight: what the heat map counts at a moment. */
const IN_FLIGHT: readonly InitiativeStatus[] = ['draft', 'proposed', 'active', 'on_hold'];

export interface MomentChanges {
  name?: string;
  description?: string;
  rating?: number;
  ratingNote?: string;
  ratedBy?: string;
  ratedAt?: Date;
}

interface MomentRow {
  id: string;
  customer_group_id: string;
  name: string;
  description: string;
  position: number;
  rating: number | null;
  rating_note: string;
  rated_by: string | null;
  rater_name: string | null;
  rated_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function nameTaken(name: string | undefined): DuplicateRecordError {
  return new DuplicateRecordError(
    `This journey already has a moment named "${name ?? ''}" (names are compared ignoring case).`,
  );
}

const SELECT_MOMENTS = `
  SELECT m.id, m.customer_group_id, m.name, m.description, m.position, m.rating, m.rating_note,
         m.rated_by, u.display_name AS rater_name, m.rated_at, m.version, m.created_at, m.updated_at
    FROM customer_moments m LEFT JOIN users u ON u.id = m.rated_by`;

/** The only code that touches the moments' tables. */
@Injectable()
export class MomentsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  /** Moments (of one group, or all), in journey order, with their measures and what is in flight. */
  async list(
    filter: { customerGroupId?: string; ids?: string[] },
    page: PageRequest | null,
  ): Promise<{ items: MomentResponse[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.customerGroupId !== undefined) {
      params.push(filter.customerGroupId);
      where.push(`m.customer_group_id = $${params.length}`);
    }
    if (filter.ids !== undefined) {
      params.push(filter.ids);
      where.push(`m.id = ANY($${params.length}::uuid[])`);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    let paging = '';
    if (page) {
      params.push(page.limit, page.offset);
      paging = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
    }
    const rows = await this.query<MomentRow & { total: string }>(
      `${SELECT_MOMENTS.replace('SELECT', 'SELECT count(*) OVER () AS total,')} ${clause}
        ORDER BY m.customer_group_id, m.position, m.id ${paging}`,
      params,
    );
    const total = Number(rows[0]?.total ?? 0);
    return { items: await this.describe(rows), total };
  }

  private async describe(rows: MomentRow[]): Promise<MomentResponse[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const measures = await this.query<MomentMeasureRef & { momentId: string }>(
      `SELECT mm.moment_id AS "momentId", x.id, x.name, x.initiative_id AS "initiativeId"
         FROM moment_measures mm JOIN measures x ON x.id = mm.measure_id
        WHERE mm.moment_id = ANY($1::uuid[]) ORDER BY lower(x.name), x.id`,
      [ids],
    );
    const initiatives = await this.query<MomentInitiativeRef & { momentId: string }>(
      `SELECT im.moment_id AS "momentId", i.id, i.title, i.status
         FROM initiative_moments im JOIN initiatives i ON i.id = im.initiative_id
        WHERE im.moment_id = ANY($1::uuid[]) AND i.status = ANY($2::text[])
        ORDER BY lower(i.title), i.id`,
      [ids, IN_FLIGHT],
    );
    const ideas = await this.query<{ momentId: string; count: string }>(
      `SELECT moment_id AS "momentId", count(*) AS count FROM ideas
        WHERE moment_id = ANY($1::uuid[]) AND status = 'open' GROUP BY moment_id`,
      [ids],
    );
    const openIdeas = new Map(ideas.map((r) => [r.momentId, Number(r.count)]));
    return rows.map((r) => ({
      id: r.id,
      customerGroupId: r.customer_group_id,
      name: r.name,
      description: r.description,
      position: r.position,
      rating: r.rating,
      ratingNote: r.rating_note,
      ratedBy: r.rated_by ? { id: r.rated_by, displayName: r.rater_name ?? '' } : null,
      ratedAt: r.rated_at ? new Date(r.rated_at).toISOString() : null,
      measures: measures
        .filter((m) => m.momentId === r.id)
        .map(({ id, name, initiativeId }) => ({ id, name, initiativeId })),
      activeInitiatives: initiatives
        .filter((i) => i.momentId === r.id)
        .map(({ id, title, status }) => ({ id, title, status })),
      openIdeas: openIdeas.get(r.id) ?? 0,
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  async describeOne(id: string): Promise<MomentResponse | null> {
    const rows = await this.query<MomentRow>(`${SELECT_MOMENTS} WHERE m.id = $1`, [id]);
    const [one] = await this.describe(rows);
    return one ?? null;
  }

  async findById(id: string): Promise<CustomerMomentEntity | null> {
    return this.txHost.tx.getRepository(CustomerMomentEntity).findOneBy({ id });
  }

  /** Locks the group's row, so moments of one journey are added and reordered one at a time. */
  async lockGroup(customerGroupId: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM customer_groups WHERE id = $1 FOR UPDATE`,
      [customerGroupId],
    );
    return rows.length === 1;
  }

  /** The group's moment ids in journey order. */
  async journey(customerGroupId: string): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM customer_moments WHERE customer_group_id = $1 ORDER BY position, id`,
      [customerGroupId],
    );
    return rows.map((r) => r.id);
  }

  /** 409 when the journey already has a moment of that name. */
  async insert(fields: {
    customerGroupId: string;
    name: string;
    description: string;
    position: number;
  }): Promise<CustomerMomentEntity> {
    try {
      return await insertReturning(this.txHost, CustomerMomentEntity, fields);
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(fields.name);
      throw error;
    }
  }

  /** The conditional write: 404, 412 or 409 (name taken). */
  async update(
    id: string,
    expectedVersion: number,
    changes: MomentChanges,
  ): Promise<CustomerMomentEntity> {
    try {
      return await conditionalUpdate(
        this.txHost,
        CustomerMomentEntity,
        id,
        expectedVersion,
        changes,
        MOMENT_NOT_FOUND,
      );
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(changes.name);
      throw error;
    }
  }

  /** Deletes the moment at the version read; the later moments of its journey move up. */
  async remove(id: string, expectedVersion: number): Promise<void> {
    const rows = returnedRows<{ customer_group_id: string; position: number }>(
      await this.txHost.tx.query(
        `DELETE FROM customer_moments WHERE id = $1 AND version = $2
         RETURNING customer_group_id, position`,
        [id, expectedVersion],
      ),
    );
    const [removed] = rows;
    if (removed) {
      await this.query(
        `UPDATE customer_moments SET position = position - 1, version = version + 1, updated_at = now()
          WHERE customer_group_id = $1 AND position > $2`,
        [removed.customer_group_id, removed.position],
      );
      return;
    }
    if (!(await this.findById(id))) throw new RecordNotFoundError(MOMENT_NOT_FOUND);
    throw new StaleVersionError();
  }

  /** Puts the journey in this order (ids already checked to be exactly the group's moments). */
  async reorder(customerGroupId: string, momentIds: readonly string[]): Promise<void> {
    await this.query(
      `UPDATE customer_moments m SET position = o.position, version = m.version + 1, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o (id, position)
        WHERE m.id = o.id AND m.customer_group_id = $1 AND m.position <> o.position`,
      [customerGroupId, momentIds],
    );
  }

  /** The ids among these that are measures. */
  async existingMeasures(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM measures WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async replaceMeasures(momentId: string, measureIds: readonly string[]): Promise<void> {
    await this.query(`DELETE FROM moment_measures WHERE moment_id = $1`, [momentId]);
    if (measureIds.length === 0) return;
    await this.query(
      `INSERT INTO moment_measures (moment_id, measure_id) SELECT $1, unnest($2::uuid[])`,
      [momentId, measureIds],
    );
  }

  /** The moments an initiative improves, journey order within group name order. */
  async ofInitiative(initiativeId: string): Promise<InitiativeMomentRef[]> {
    return this.query<InitiativeMomentRef>(
      `SELECT m.id, m.name, m.customer_group_id AS "customerGroupId", g.name AS "customerGroupName"
         FROM initiative_moments im
         JOIN customer_moments m ON m.id = im.moment_id
         JOIN customer_groups g ON g.id = m.customer_group_id
        WHERE im.initiative_id = $1
        ORDER BY lower(g.name), m.position`,
      [initiativeId],
    );
  }

  /** The ids among these that are moments. */
  async existingMoments(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM customer_moments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async replaceInitiativeMoments(
    initiativeId: string,
    momentIds: readonly string[],
  ): Promise<void> {
    await this.query(`DELETE FROM initiative_moments WHERE initiative_id = $1`, [initiativeId]);
    await this.linkInitiative(initiativeId, momentIds);
  }

  /** Adds links (keeps those there). */
  async linkInitiative(initiativeId: string, momentIds: readonly string[]): Promise<void> {
    if (momentIds.length === 0) return;
    await this.query(
      `INSERT INTO initiative_moments (initiative_id, moment_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING`,
      [initiativeId, momentIds],
    );
  }

  /** Every customer group, by name, for the heat map's rows. */
  async groups(): Promise<Array<{ id: string; name: string; protected: boolean }>> {
    return this.query(
      `SELECT id, name, protected FROM customer_groups ORDER BY lower(name), id`,
      [],
    );
  }
}
