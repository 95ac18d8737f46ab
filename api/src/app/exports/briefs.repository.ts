import { Injectable } from '@nestjs/common';
import type {
  Approach,
  BriefCondition,
  InitiativeStatus,
  MeasureUserRef,
} from '@waypoint/contracts';
import { CountedSql } from '../common';

export interface BriefInitiativeRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  approach: Approach;
  problem: string;
  hypothesis: string;
  ownerId: string;
  sponsorId: string | null;
  estimatedCustomerValue: number | null;
  estimatedBusinessValue: number | null;
}

/** What a one-page brief of an initiative shows beyond its value data. */
@Injectable()
export class BriefsRepository {
  constructor(private readonly sql: CountedSql) {}

  async initiative(id: string): Promise<BriefInitiativeRow | null> {
    const rows = await this.sql.query<BriefInitiativeRow>(
      `SELECT id, title, status, approach, problem, hypothesis, owner_id AS "ownerId",
              sponsor_id AS "sponsorId", estimated_customer_value AS "estimatedCustomerValue",
              estimated_business_value AS "estimatedBusinessValue"
         FROM initiatives WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Owner, sponsor and team, each with whether they are on the team. */
  async people(id: string): Promise<Array<MeasureUserRef & { onTeam: boolean }>> {
    return this.sql.query<MeasureUserRef & { onTeam: boolean }>(
      `SELECT u.id, u.display_name AS "displayName",
              EXISTS (SELECT 1 FROM initiative_team t
                       WHERE t.initiative_id = i.id AND t.user_id = u.id) AS "onTeam"
         FROM initiatives i
         JOIN users u ON u.id = i.owner_id OR u.id = i.sponsor_id
                      OR u.id IN (SELECT t.user_id FROM initiative_team t WHERE t.initiative_id = i.id)
        WHERE i.id = $1
        ORDER BY lower(u.display_name), u.id`,
      [id],
    );
  }

  async customerGroups(
    id: string,
  ): Promise<Array<{ id: string; name: string; protected: boolean }>> {
    return this.sql.query(
      `SELECT g.id, g.name, g.protected
         FROM initiative_customer_groups x JOIN customer_groups g ON g.id = x.customer_group_id
        WHERE x.initiative_id = $1 ORDER BY lower(g.name)`,
      [id],
    );
  }

  /** Conditions of go-with-conditions decisions on this initiative that are still open. */
  async openConditions(id: string): Promise<BriefCondition[]> {
    const rows = await this.sql.query<{
      id: string;
      text: string;
      milestoneTitle: string;
      decidedAt: Date;
    }>(
      `SELECT c.id, c.text, m.title AS "milestoneTitle", d.decided_at AS "decidedAt"
         FROM decision_conditions c
         JOIN gate_decisions d ON d.id = c.decision_id
         JOIN milestones m ON m.id = d.milestone_id
        WHERE c.initiative_id = $1 AND c.closed_at IS NULL
        ORDER BY d.decided_at, c.id`,
      [id],
    );
    return rows.map((r) => ({ ...r, decidedAt: r.decidedAt.toISOString() }));
  }
}
