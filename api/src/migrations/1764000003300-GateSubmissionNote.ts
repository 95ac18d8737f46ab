import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the submitter tells the decider when submitting a gate (issue 15): a note kept with the
 * submission. Submissions stay append-only; earlier ones have an empty note.
 */
export class GateSubmissionNote1764000003300 implements MigrationInterface {
  name = 'GateSubmissionNote1764000003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gate_submissions ADD COLUMN note text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gate_submissions DROP COLUMN note`);
  }
}
