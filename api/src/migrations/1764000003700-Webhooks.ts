import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks (issue 19, part 4): the addresses admins register (with the events each
 * follows, its body format and the secret its deliveries are signed with), and their deliveries:
 * an outbox written in the transaction of the change, which is also each webhook's delivery log.
 *
 * A worker claims due deliveries with `FOR UPDATE SKIP LOCKED` and a lease (`lease_until`), as the
 * email outbox does: two instances never hold one delivery, and a delivery whose instance died is
 * taken again after its lease.
 */
export class Webhooks1764000003700 implements MigrationInterface {
  name = 'Webhooks1764000003700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        url varchar(2000) NOT NULL,
        events varchar(40)[] NOT NULL CHECK (cardinality(events) > 0),
        format varchar(20) NOT NULL CHECK (format IN ('waypoint', 'slack', 'teams')),
        secret varchar(200) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event varchar(40) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'delivered', 'failed', 'dropped')),
        due_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        claimed_by varchar(100),
        response_code integer,
        last_error varchar(1000),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (due_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, created_at DESC, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
