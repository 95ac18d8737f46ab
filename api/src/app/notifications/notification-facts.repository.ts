import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** What the events need to know of an initiative to word a notification and find its people. */
export interface InitiativePeople {
  id: string;
  title: string;
  ownerId: string;
  sponsorId: string | null;
  teamIds: string[];
}

/**
 * Reads for the notification events, always in the change's unit of work (`txHost.tx`)
 * (the embedded database runs one transaction at a time).
 */
@Injectable()
export class NotificationFactsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The initiative with its owner, sponsor and team (two queries). */
  async initiative(id: string): Promise<InitiativePeople | null> {
    const rows: Array<{ id: string; title: string; owner_id: string; sponsor_id: string | null }> =
      await this.txHost.tx.query(
        `SELECT id, title, owner_id, sponsor_id FROM initiatives WHERE id = $1`,
        [id],
      );
    const row = rows[0];
    if (!row) return null;
    const team: Array<{ user_id: string }> = await this.txHost.tx.query(
      `SELECT user_id FROM initiative_team WHERE initiative_id = $1`,
      [id],
    );
    return {
      id: row.id,
      title: row.title,
      ownerId: row.owner_id,
      sponsorId: row.sponsor_id,
      teamIds: team.map((member) => member.user_id),
    };
  }

  /**
   * Who decides a gate: the sponsor when there is an active one, else every active executive.
   */
  async deciders(sponsorId: string | null): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT u.id FROM users u
        WHERE u.active
          AND (u.id = $1::uuid
               OR (u.role = 'executive'
                   AND NOT EXISTS (SELECT 1 FROM users s WHERE s.id = $1::uuid AND s.active)))
        ORDER BY u.id`,
      [sponsorId],
    );
    return rows.map((row) => row.id);
  }

  async displayName(userId: string): Promise<string> {
    const rows: Array<{ display_name: string }> = await this.txHost.tx.query(
      `SELECT display_name FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.display_name ?? 'Someone';
  }

  /** The texts of the conditions still open from gates before this position, oldest first. */
  async openConditionsBefore(initiativeId: string, position: number): Promise<string[]> {
    const rows: Array<{ text: string }> = await this.txHost.tx.query(
      `SELECT c.text
         FROM decision_conditions c
         JOIN gate_decisions d ON d.id = c.decision_id
         JOIN milestones m ON m.id = d.milestone_id
        WHERE c.initiative_id = $1 AND c.closed_at IS NULL AND m.position < $2
        ORDER BY m.position, d.decided_at, c.id`,
      [initiativeId, position],
    );
    return rows.map((row) => row.text);
  }
}
