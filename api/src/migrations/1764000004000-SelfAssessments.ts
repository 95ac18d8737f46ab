import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer-centricity self-assessment (issue 17, seeds 002 and 004): one per cycle and scope
 * (the organisation, or one department).
 *
 * Anonymity is in the shape of the tables: who has answered (`self_assessment_participants`) and
 * what was answered (`self_assessment_answers`) are kept apart. An answer row carries no user id,
 * no time and no order, only a respondent key: HMAC-SHA256 of the user id under the assessment's
 * own random `answer_key`, so that its author (and no one else, through the API) can find it
 * again to change it while the assessment is open. Closing the assessment clears the key and
 * every respondent key: from then on nothing ties an answer to anyone, even in the database.
 */
export class SelfAssessments1764000004000 implements MigrationInterface {
  name = 'SelfAssessments1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE self_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles (id),
        department_id uuid REFERENCES departments (id),
        question_set_version integer NOT NULL CHECK (question_set_version > 0),
        status varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        opened_by uuid NOT NULL REFERENCES users (id),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        answer_key varchar(100),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (answer_key IS NOT NULL))
      )`);
    // One assessment per cycle and scope; NULL (the organisation) counts as one scope.
    await q.query(`
      CREATE UNIQUE INDEX self_assessments_scope_key ON self_assessments
        (cycle_id, COALESCE(department_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await q.query(`
      CREATE TABLE self_assessment_participants (
        assessment_id uuid NOT NULL REFERENCES self_assessments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (assessment_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE self_assessment_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES self_assessments (id) ON DELETE CASCADE,
        respondent_key varchar(64),
        scores jsonb NOT NULL,
        UNIQUE (assessment_id, respondent_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE self_assessment_answers`);
    await q.query(`DROP TABLE self_assessment_participants`);
    await q.query(`DROP TABLE self_assessments`);
  }
}
