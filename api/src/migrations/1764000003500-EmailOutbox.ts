import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email (issue 19): each person's delivery per kind of email, the outbox the worker sends from
 * (written in the transaction of the change that notifies), and the secret unsubscribe links are
 * signed with (one per installation, shared by every instance).
 *
 * A worker claims due rows with `FOR UPDATE SKIP LOCKED` and a lease (`lease_until`): two
 * instances never hold the same row, and a row whose instance died is taken again after its lease.
 */
export class EmailOutbox1764000003500 implements MigrationInterface {
  name = 'EmailOutbox1764000003500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        delivery varchar(20) NOT NULL CHECK (delivery IN ('immediate', 'digest', 'never')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        notification_kind varchar(40) NOT NULL,
        title varchar(300) NOT NULL,
        body varchar(2000) NOT NULL DEFAULT '',
        link varchar(500) NOT NULL DEFAULT '',
        initiative_id uuid,
        delivery varchar(20) NOT NULL CHECK (delivery IN ('immediate', 'digest')),
        status varchar(20) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
        due_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        claimed_by varchar(100),
        last_error varchar(1000),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX email_outbox_due_idx ON email_outbox (delivery, due_at) WHERE status = 'pending'`,
    );
    await q.query(`
      CREATE TABLE link_secrets (
        purpose varchar(40) PRIMARY KEY,
        secret varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE link_secrets`);
    await q.query(`DROP TABLE email_outbox`);
    await q.query(`DROP TABLE email_preferences`);
  }
}
