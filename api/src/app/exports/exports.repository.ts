import { Injectable } from '@nestjs/common';
import type { DecisionOutcome } from '@waypoint/contracts';
import { CountedSql } from '../common';

export interface ReadingExportRow {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
  recordedAt: Date;
  recordedBy: string;
  note: string;
  evidenceUrl: string | null;
  supersedesId: string | null;
  superseded: boolean;
}

export interface DecisionExportRow {
  id: string;
  decidedAt: Date;
  outcome: DecisionOutcome;
  rationale: string;
  decider: string;
  milestoneId: string;
  milestoneTitle: string;
  milestonePosition: number;
  initiativeId: string;
  initiativeTitle: string;
  submittedAt: Date | null;
  conditions: number;
}

/** Flat rows for the CSV exports; one statement each, through the counted query helper. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly sql: CountedSql) {}

  /** Display names of the owners and sponsors of initiatives. */
  async initiativePeople(): Promise<Map<string, string>> {
    const rows = await this.sql.query<{ id: string; name: string }>(
      `SELECT u.id, u.display_name AS name FROM users u
        WHERE u.id IN (SELECT owner_id FROM initiatives UNION SELECT sponsor_id FROM initiatives)`,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async readings(): Promise<ReadingExportRow[]> {
    return this.sql.query<ReadingExportRow>(
      `SELECT r.id, r.measure_id AS "measureId", r.value, r.observed_at AS "observedAt",
              r.recorded_at AS "recordedAt", u.display_name AS "recordedBy", r.note,
              r.evidence_url AS "evidenceUrl", r.supersedes_id AS "supersedesId",
              EXISTS (SELECT 1 FROM readings s WHERE s.supersedes_id = r.id) AS superseded
         FROM readings r JOIN users u ON u.id = r.recorded_by
        ORDER BY r.measure_id, r.observed_at, r.recorded_at, r.id`,
    );
  }

  async decisions(): Promise<DecisionExportRow[]> {
    return this.sql.query<DecisionExportRow>(
      `SELECT d.id, d.decided_at AS "decidedAt", d.outcome, d.rationale,
              u.display_name AS decider, m.id AS "milestoneId", m.title AS "milestoneTitle",
              m.position AS "milestonePosition", i.id AS "initiativeId",
              i.title AS "initiativeTitle", s.submitted_at AS "submittedAt",
              (SELECT count(*) FROM decision_conditions c WHERE c.decision_id = d.id)::int AS conditions
         FROM gate_decisions d
         JOIN milestones m ON m.id = d.milestone_id
         JOIN initiatives i ON i.id = m.initiative_id
         JOIN users u ON u.id = d.decider_id
         LEFT JOIN gate_submissions s ON s.id = d.submission_id
        ORDER BY d.decided_at, d.id`,
    );
  }
}
