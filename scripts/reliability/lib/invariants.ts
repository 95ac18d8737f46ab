import type { Pool } from 'pg';
import { LOAD_NOTE } from './load';

/**
 * What must hold in the database after faults, whatever was interrupted: every write is one
 * transaction, so a gate decision never exists without its submission, its snapshot and its
 * audit events, and nothing acknowledged is missing.
 */
export const INVARIANTS: ReadonlyArray<{ name: string; sql: string }> = [
  {
    name: 'every gate decision belongs to a submission of the same milestone',
    sql: `SELECT count(*) FROM gate_decisions d LEFT JOIN gate_submissions s ON s.id = d.submission_id
          WHERE s.id IS NULL OR s.milestone_id <> d.milestone_id`,
  },
  {
    name: 'every submission has its evidence snapshot',
    sql: `SELECT count(*) FROM gate_submissions
          WHERE snapshot IS NULL OR jsonb_typeof(snapshot) <> 'object' OR snapshot = '{}'::jsonb`,
  },
  {
    name: 'every gate decision has its audit event (create gate_decision)',
    sql: `SELECT count(*) FROM gate_decisions d WHERE NOT EXISTS (
            SELECT 1 FROM audit_events a WHERE a.entity_type = 'gate_decision'
              AND a.entity_id = d.id::text AND a.action = 'create')`,
  },
  {
    name: 'every gate decision has its milestone audit event (decide)',
    sql: `SELECT count(*) FROM gate_decisions d WHERE NOT EXISTS (
            SELECT 1 FROM audit_events a WHERE a.entity_type = 'milestone'
              AND a.entity_id = d.milestone_id::text AND a.action = 'decide'
              AND a.after->>'decisionId' = d.id::text)`,
  },
  {
    name: 'every submission has a submit audit event',
    sql: `SELECT count(*) FROM (SELECT milestone_id, count(*) AS n FROM gate_submissions GROUP BY 1) s
          WHERE s.n > (SELECT count(*) FROM audit_events a WHERE a.entity_type = 'milestone'
                         AND a.entity_id = s.milestone_id::text AND a.action = 'submit')`,
  },
  {
    name: 'a submitted milestone has an undecided submission',
    sql: `SELECT count(*) FROM milestones m WHERE m.state = 'submitted' AND NOT EXISTS (
            SELECT 1 FROM gate_submissions s WHERE s.milestone_id = m.id AND NOT EXISTS (
              SELECT 1 FROM gate_decisions d WHERE d.submission_id = s.id))`,
  },
  {
    name: 'a decided milestone has a decision',
    sql: `SELECT count(*) FROM milestones m
          WHERE m.state IN ('approved', 'changes_requested', 'rejected') AND NOT EXISTS (
            SELECT 1 FROM gate_decisions d WHERE d.milestone_id = m.id)`,
  },
  {
    name: 'every reading recorded by the load has its audit event',
    sql: `SELECT count(*) FROM readings r WHERE r.note = '${LOAD_NOTE}' AND NOT EXISTS (
            SELECT 1 FROM audit_events a WHERE a.entity_type = 'reading' AND a.entity_id = r.id::text)`,
  },
];

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function checkInvariants(
  sql: Pool,
  acked: { readings: string[]; decisions: string[] },
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const invariant of INVARIANTS) {
    const rows = await sql.query<{ count: string }>(invariant.sql);
    const bad = Number(rows.rows[0]?.count ?? -1);
    results.push({ name: invariant.name, ok: bad === 0, detail: `${bad} violations` });
  }
  const missing = async (table: string, ids: string[]): Promise<number> => {
    if (ids.length === 0) return 0;
    const rows = await sql.query<{ count: string }>(
      `SELECT count(*) FROM unnest($1::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = a.id)`,
      [ids],
    );
    return Number(rows.rows[0]?.count ?? -1);
  };
  const lostReadings = await missing('readings', acked.readings);
  results.push({
    name: 'every acknowledged reading is stored',
    ok: lostReadings === 0,
    detail: `${acked.readings.length} acknowledged, ${lostReadings} missing`,
  });
  const lostDecisions = await missing('gate_decisions', acked.decisions);
  results.push({
    name: 'every acknowledged gate decision is stored',
    ok: lostDecisions === 0,
    detail: `${acked.decisions.length} acknowledged, ${lostDecisions} missing`,
  });
  return results;
}
