import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the one-statement initiative list needs (issue 18, EXPLAIN (ANALYZE, BUFFERS) at 10,000
 * initiatives in docs/performance.md): each row's current milestone, the first one not approved,
 * is one probe of this index (with what the list shows of it, so no heap visit) instead of a walk
 * through the initiative's milestones that skips the approved ones.
 */
export class InitiativeAnswerIndexes1764000004100 implements MigrationInterface {
  name = 'InitiativeAnswerIndexes1764000004100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX milestones_open_position_idx ON milestones (initiative_id, position)
         INCLUDE (id, title, state) WHERE state <> 'approved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX milestones_open_position_idx`);
  }
}
