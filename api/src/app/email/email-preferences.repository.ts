import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EmailDelivery, EmailKind, EmailPreference } from '@waypoint/contracts';

/** Each person's delivery per kind of email (a kind without a row has the default). */
@Injectable()
export class EmailPreferencesRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The kinds this person has chosen a delivery for. */
  async chosen(userId: string): Promise<EmailPreference[]> {
    const rows: Array<{ kind: EmailKind; delivery: EmailDelivery }> = await this.txHost.tx.query(
      `SELECT kind, delivery FROM email_preferences WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => ({ kind: row.kind, delivery: row.delivery }));
  }

  /** Writes the choices (one statement); a kind already chosen is overwritten. */
  async save(userId: string, preferences: readonly EmailPreference[]): Promise<void> {
    if (preferences.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO email_preferences (user_id, kind, delivery)
       SELECT $1, p.kind, p.delivery FROM unnest($2::varchar[], $3::varchar[]) AS p (kind, delivery)
       ON CONFLICT (user_id, kind)
       DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, preferences.map((p) => p.kind), preferences.map((p) => p.delivery)],
    );
  }

  /** The address of an active person (for the unsubscribe page); null when none. */
  async activeEmail(userId: string): Promise<string | null> {
    const rows: Array<{ email: string }> = await this.txHost.tx.query(
      `SELECT email FROM users WHERE id = $1 AND active`,
      [userId],
    );
    return rows[0]?.email ?? null;
  }

  /**
   * The installation's secret for `purpose` (made by the first instance that asks, then the same
   * for every instance): unsubscribe links are signed with it.
   */
  async secret(purpose: string): Promise<string> {
    await this.txHost.tx.query(
      `INSERT INTO link_secrets (purpose, secret) VALUES ($1, $2) ON CONFLICT (purpose) DO NOTHING`,
      [purpose, randomBytes(32).toString('base64url')],
    );
    const rows: Array<{ secret: string }> = await this.txHost.tx.query(
      `SELECT secret FROM link_secrets WHERE purpose = $1`,
      [purpose],
    );
    const secret = rows[0]?.secret;
    if (!secret) throw new Error(`no link secret for ${purpose}`);
    return secret;
  }
}
