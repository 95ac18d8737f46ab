import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of an initiative: each audit event names the initiative its record belongs to
 * (the initiative itself, or the one a milestone, step, measure, reading or comment is under).
 * No foreign key: the audit trail is append-only and outlives what it describes.
 */
export class InitiativeHistory1764000000400 implements MigrationInterface {
  name = 'InitiativeHistory1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS initiative_id uuid NULL`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS audit_events_initiative_idx
         ON audit_events (initiative_id, occurred_at DESC, id DESC)
         WHERE initiative_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN initiative_id`);
  }
}
