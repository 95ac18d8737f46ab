import { Injectable } from '@nestjs/common';
import type { Cadence, StepStatus } from '@waypoint/contracts';
import { CADENCE_WINDOWS } from '@waypoint/domain';
import { DataSource } from 'typeorm';
import {
  type OverdueStepRow,
  type StaleCandidateRow,
  STEP_OVERDUE_KEY_PREFIX,
} from './sweep-rules';

/** Days without a reading after which a measure of each cadence is stale (libs/domain). */
const STALE_AFTER_DAYS = JSON.stringify(
  Object.fromEntries(
    Object.entries(CADENCE_WINDOWS).map(([cadence, w]) => [cadence, w.intervalDays + w.graceDays]),
  ),
);

/**
 * The set-based reads of the sweep: one query per kind, for everyone or for one user. Only work
 * that still moves counts: initiatives that are active, milestones not yet approved or rejected.
 */
@Injectable()
export class SweepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Steps due before `today`, not done, assigned to an active user not yet told about them. */
  async overdueSteps(
    today: string,
    userId: string | null,
    page: { after: { dueDate: string; stepId: string } | null; limit: number },
  ): Promise<OverdueStepRow[]> {
    const rows: Array<{
      id: string;
      title: string;
      due_date: string;
      status: StepStatus;
      assignee_id: string;
      initiative_id: string;
      initiative_title: string;
    }> = await this.dataSource.query(
      `SELECT s.id, s.title, s.due_date::text AS due_date, s.status, s.assignee_id,
              i.id AS initiative_id, i.title AS initiative_title
         FROM steps s
         JOIN milestones m ON m.id = s.milestone_id AND m.state NOT IN ('approved', 'rejected')
         JOIN initiatives i ON i.id = s.initiative_id AND i.status = 'active'
         JOIN users u ON u.id = s.assignee_id AND u.active
        WHERE s.due_date < $1::date AND s.status <> 'done'
          AND ($2::uuid IS NULL OR s.assignee_id = $2::uuid)
          AND NOT EXISTS (SELECT 1 FROM notifications n
                           WHERE n.user_id = s.assignee_id AND n.dedupe_key = $3 || s.id::text)
          AND ($4::date IS NULL OR (s.due_date, s.id) > ($4::date, $5::uuid))
        ORDER BY s.due_date, s.id
        LIMIT $6`,
      [
        today,
        userId,
        STEP_OVERDUE_KEY_PREFIX,
        page.after?.dueDate ?? null,
        page.after?.stepId ?? null,
        page.limit,
      ],
    );
    return rows.map((row) => ({
      stepId: row.id,
      stepTitle: row.title,
      dueDate: row.due_date,
      status: row.status,
      assigneeId: row.assignee_id,
      initiativeId: row.initiative_id,
      initiativeTitle: row.initiative_title,
    }));
  }

  /**
   * Measures of active initiatives whose last effective reading (not superseded, observed by
   * `now`), or their creation when never read, lies further back than their cadence allows; with
   * whom to nudge: the recorder when active, else the initiative's owner. libs/domain has the
   * last word on staleness (the window here only narrows the rows read).
   */
  async staleCandidates(
    now: Date,
    userId: string | null,
    page: { afterMeasureId: string | null; limit: number },
  ): Promise<StaleCandidateRow[]> {
    const rows: Array<{
      id: string;
      name: string;
      cadence: Cadence;
      created_at: Date;
      last_at: Date | null;
      initiative_id: string;
      initiative_title: string;
      recipient_id: string;
      to_recorder: boolean;
    }> = await this.dataSource.query(
      `SELECT ms.id, ms.name, ms.cadence, ms.created_at, l.last_at,
              i.id AS initiative_id, i.title AS initiative_title,
              coalesce(rec.id, i.owner_id) AS recipient_id, rec.id IS NOT NULL AS to_recorder
         FROM measures ms
         JOIN initiatives i ON i.id = ms.initiative_id AND i.status = 'active'
         LEFT JOIN users rec ON rec.id = ms.recorder_id AND rec.active
         LEFT JOIN LATERAL (
                SELECT max(r.observed_at) AS last_at
                  FROM readings r
                 WHERE r.measure_id = ms.id AND r.observed_at <= $1
                   AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
                   AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
              ) l ON true
        WHERE coalesce(l.last_at, ms.created_at)
                + make_interval(days => ($2::jsonb ->> ms.cadence)::int) < $1
          AND ($3::uuid IS NULL OR coalesce(rec.id, i.owner_id) = $3::uuid)
          AND ($4::uuid IS NULL OR ms.id > $4::uuid)
        ORDER BY ms.id
        LIMIT $5`,
      [now, STALE_AFTER_DAYS, userId, page.afterMeasureId, page.limit],
    );
    return rows.map((row) => ({
      measureId: row.id,
      measureName: row.name,
      cadence: row.cadence,
      createdAt: new Date(row.created_at),
      lastReadingAt: row.last_at === null ? null : new Date(row.last_at),
      initiativeId: row.initiative_id,
      initiativeTitle: row.initiative_title,
      recipientId: row.recipient_id,
      toRecorder: row.to_recorder,
    }));
  }
}
