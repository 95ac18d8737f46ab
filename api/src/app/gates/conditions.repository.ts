import { Injectable } from '@nestjs/common';
import type { ConditionStatus } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import type { PageRequest } from '../common';

export interface ConditionListRow {
  id: string;
  text: string;
  initiativeId: string;
  initiativeTitle: string;
  milestoneId: string;
  milestoneTitle: string;
  milestonePosition: number;
  decidedAt: Date;
  deciderId: string;
  deciderName: string;
  closedAt: Date | null;
  closeNote: string | null;
}

interface RawRow {
  id: string;
  text: string;
  initiative_id: string;
  initiative_title: string;
  milestone_id: string;
  milestone_title: string;
  milestone_position: number;
  decided_at: Date;
  decider_id: string;
  decider_name: string;
  closed_at: Date | null;
  close_note: string | null;
}

/**
 * Open means not closed: `closed_at IS NULL`, the same test as the portfolio summary's
 * `openConditions` count (the integration test asserts the two agree).
 */
const STATUS_WHERE: Record<ConditionStatus, string> = {
  open: 'c.closed_at IS NULL',
  closed: 'c.closed_at IS NOT NULL',
};

/** The conditions of go-with-conditions decisions across initiatives, oldest decision first. */
@Injectable()
export class ConditionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    status: ConditionStatus | undefined,
    page: PageRequest,
  ): Promise<{ rows: ConditionListRow[]; total: number }> {
    const where = status ? `WHERE ${STATUS_WHERE[status]}` : '';
    const from = `
      FROM decision_conditions c
      JOIN gate_decisions d ON d.id = c.decision_id
      JOIN milestones m ON m.id = d.milestone_id
      JOIN initiatives i ON i.id = c.initiative_id
      JOIN users u ON u.id = d.decider_id
      ${where}`;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total ${from}`)) as [
      { total: number },
    ];
    const raws: RawRow[] = await this.dataSource.query(
      `SELECT c.id, c.text, i.id AS initiative_id, i.title AS initiative_title,
              m.id AS milestone_id, m.title AS milestone_title, m.position AS milestone_position,
              d.decided_at, u.id AS decider_id, u.display_name AS decider_name,
              c.closed_at, c.close_note
         ${from}
        ORDER BY d.decided_at ASC, m.position ASC, c.id ASC
        LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return {
      total,
      rows: raws.map((r) => ({
        id: r.id,
        text: r.text,
        initiativeId: r.initiative_id,
        initiativeTitle: r.initiative_title,
        milestoneId: r.milestone_id,
        milestoneTitle: r.milestone_title,
        milestonePosition: r.milestone_position,
        decidedAt: r.decided_at,
        deciderId: r.decider_id,
        deciderName: r.decider_name,
        closedAt: r.closed_at,
        closeNote: r.close_note,
      })),
    };
  }
}
