import { Injectable } from '@nestjs/common';
import type { ApprovalSort, SortOrder } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import type { PageRequest } from '../common';

export interface ApprovalFilter {
  initiativeId?: string;
  sort?: ApprovalSort;
  order?: SortOrder;
}

/** Who is asking: executives may decide every gate, anyone else those they sponsor. */
export interface ApprovalViewer {
  userId: string;
  decidesAll: boolean;
}

export interface ApprovalRow {
  submissionId: string;
  submittedAt: Date;
  submittedBy: string;
  milestoneId: string;
  milestoneTitle: string;
  milestonePosition: number;
  milestoneVersion: number;
  initiativeId: string;
  initiativeTitle: string;
}

const SORT_COLUMNS: Record<ApprovalSort, string> = {
  submittedAt: 's.submitted_at',
  initiativeTitle: 'lower(i.title)',
};

/**
 * Submitted gates waiting for a decision the viewer may take (never their own submission), each
 * with its latest submission.
 */
@Injectable()
export class ApprovalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    viewer: ApprovalViewer,
    filter: ApprovalFilter,
    page: PageRequest,
  ): Promise<{ rows: ApprovalRow[]; total: number }> {
    const from = `
      FROM milestones m
      JOIN initiatives i ON i.id = m.initiative_id
      JOIN LATERAL (
        SELECT s.id, s.submitted_at, s.submitted_by FROM gate_submissions s
         WHERE s.milestone_id = m.id ORDER BY s.submitted_at DESC, s.id DESC LIMIT 1
      ) s ON true
     WHERE m.state = 'submitted'
       AND s.submitted_by <> $1
       AND ($2::boolean OR i.sponsor_id = $1)
       AND ($3::uuid IS NULL OR i.id = $3::uuid)`;
    const params = [viewer.userId, viewer.decidesAll, filter.initiativeId ?? null];
    const counted: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    const rows: Array<{
      submission_id: string;
      submitted_at: Date;
      submitted_by: string;
      milestone_id: string;
      milestone_title: string;
      milestone_position: number;
      milestone_version: number;
      initiative_id: string;
      initiative_title: string;
    }> = await this.dataSource.query(
      `SELECT s.id AS submission_id, s.submitted_at, s.submitted_by,
              m.id AS milestone_id, m.title AS milestone_title, m.position AS milestone_position,
              m.version AS milestone_version, i.id AS initiative_id, i.title AS initiative_title
       ${from}
       ORDER BY ${SORT_COLUMNS[filter.sort ?? 'submittedAt']} ${direction}, m.id
       LIMIT $4 OFFSET $5`,
      [...params, page.limit, page.offset],
    );
    return {
      total: Number(counted[0]?.total ?? 0),
      rows: rows.map((row) => ({
        submissionId: row.submission_id,
        submittedAt: new Date(row.submitted_at),
        submittedBy: row.submitted_by,
        milestoneId: row.milestone_id,
        milestoneTitle: row.milestone_title,
        milestonePosition: row.milestone_position,
        milestoneVersion: row.milestone_version,
        initiativeId: row.initiative_id,
        initiativeTitle: row.initiative_title,
      })),
    };
  }
}
