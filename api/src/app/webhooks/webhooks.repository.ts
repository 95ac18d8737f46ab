import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { WebhookEvent, WebhookFormat } from '@waypoint/contracts';
import {
  conditionalUpdate,
  insertReturning,
  type PageRequest,
  RecordNotFoundError,
  returnedRows,
  StaleVersionError,
} from '../common';
import { WebhookEntity } from './webhook.entity';

export const WEBHOOK_NOT_FOUND = 'No such webhook.';

export interface NewWebhook {
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  enabled: boolean;
  secret: string;
}

export type WebhookChanges = Partial<NewWebhook>;

/** The webhooks admins register: the only code that touches the `webhooks` table. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(page: PageRequest): Promise<{ rows: WebhookEntity[]; total: number }> {
    const [rows, total] = await this.txHost.tx
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .orderBy('lower(w.name)', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { rows, total };
  }

  findById(id: string): Promise<WebhookEntity | null> {
    return this.txHost.tx.getRepository(WebhookEntity).findOneBy({ id });
  }

  insert(values: NewWebhook): Promise<WebhookEntity> {
    return insertReturning(this.txHost, WebhookEntity, values);
  }

  /** The conditional write: 404, or 412 when stale. */
  update(id: string, expectedVersion: number, changes: WebhookChanges): Promise<WebhookEntity> {
    return conditionalUpdate(
      this.txHost,
      WebhookEntity,
      id,
      expectedVersion,
      changes,
      WEBHOOK_NOT_FOUND,
    );
  }

  /** The conditional delete (its deliveries go with it): 404, or 412 when stale. */
  async remove(id: string, expectedVersion: number): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.txHost.tx.query(
        `DELETE FROM webhooks WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expectedVersion],
      ),
    );
    if (rows.length === 1) return;
    if (!(await this.findById(id))) throw new RecordNotFoundError(WEBHOOK_NOT_FOUND);
    throw new StaleVersionError();
  }

  /** The enabled webhooks that follow this kind of event (ids only). */
  async following(event: WebhookEvent): Promise<string[]> {
    const rows: { id: string }[] = await this.txHost.tx.query(
      `SELECT id FROM webhooks WHERE enabled AND $1 = ANY (events)`,
      [event],
    );
    return rows.map((row) => row.id);
  }
}

/** What a webhook message names: the initiative, the gate and who acted, as they are now. */
export interface EventFacts {
  initiative: { id: string; title: string; status: string } | null;
  milestoneTitle: string | null;
  actorName: string | null;
}

/** Reads the facts of an event (other features' tables, read only). */
@Injectable()
export class WebhookFactsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async facts(ids: {
    initiativeId: string | null;
    milestoneId: string | null;
    actorId: string | null;
  }): Promise<EventFacts> {
    const rows: {
      initiative_id: string | null;
      initiative_title: string | null;
      initiative_status: string | null;
      milestone_title: string | null;
      actor_name: string | null;
    }[] = await this.txHost.tx.query(
      `SELECT i.id AS initiative_id, i.title AS initiative_title, i.status AS initiative_status,
              (SELECT m.title FROM milestones m WHERE m.id = $2) AS milestone_title,
              (SELECT u.display_name FROM users u WHERE u.id = $3) AS actor_name
         FROM (SELECT 1) AS one LEFT JOIN initiatives i ON i.id = $1`,
      [ids.initiativeId, ids.milestoneId, ids.actorId],
    );
    const row = rows[0];
    return {
      initiative:
        row?.initiative_id && row.initiative_title !== null && row.initiative_status !== null
          ? { id: row.initiative_id, title: row.initiative_title, status: row.initiative_status }
          : null,
      milestoneTitle: row?.milestone_title ?? null,
      actorName: row?.actor_name ?? null,
    };
  }
}
