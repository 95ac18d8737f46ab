import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps carried over (issue 14): when a gate is approved its unfinished steps move to the next
 * gate; `moved_from_milestone_id` remembers the gate they came from, so the team can send one
 * back. Cleared when the step goes back; set to null if that milestone is ever deleted.
 */
export class StepCarryOver1764000002140 implements MigrationInterface {
  name = 'StepCarryOver1764000002140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE steps ADD COLUMN moved_from_milestone_id uuid
         REFERENCES milestones (id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE steps DROP COLUMN moved_from_milestone_id`);
  }
}
