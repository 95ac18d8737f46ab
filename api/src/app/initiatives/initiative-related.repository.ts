import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CustomerGroupRef,
  MeasureSummary,
  MilestoneState,
  MilestoneSummary,
  Role,
  TeamMember,
  UserRef,
} from '@waypoint/contracts';

export interface TeamStats {
  teamSize: number;
  departmentCount: number;
}

export interface MilestoneStateRow {
  id: string;
  title: string;
  state: MilestoneState;
}

export interface UserCheck {
  id: string;
  role: Role;
  active: boolean;
}

const unique = (ids: readonly (string | null)[]): string[] => [
  ...new Set(ids.filter((id): id is string => id !== null)),
];

/**
 * What an initiative shows besides its own columns: people, team, customer groups, milestones,
 * measures, conditions. Each method is one query, for one initiative or (lists) for a whole
 * page of them with `= ANY($1)`, never one query per row.
 */
@Injectable()
export class InitiativeRelatedRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async users(ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
    const wanted = unique(ids);
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.txHost.tx.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
  }

  /** Team size and how many departments the team comes from, per initiative. */
  async teamStats(initiativeIds: readonly string[]): Promise<Map<string, TeamStats>> {
    if (initiativeIds.length === 0) return new Map();
    const rows: Array<{ initiative_id: string; team_size: number; department_count: number }> =
      await this.txHost.tx.query(
        `SELECT t.initiative_id, count(*)::int AS team_size,
                count(DISTINCT u.department_id)::int AS department_count
           FROM initiative_team t JOIN users u ON u.id = t.user_id
          WHERE t.initiative_id = ANY($1::uuid[])
          GROUP BY t.initiative_id`,
        [[...initiativeIds]],
      );
    return new Map(
      rows.map((row) => [
        row.initiative_id,
        { teamSize: row.team_size, departmentCount: row.department_count },
      ]),
    );
  }

  /** The milestones of each initiative in order, with just what picks the current one. */
  async milestoneStates(
    initiativeIds: readonly string[],
  ): Promise<Map<string, MilestoneStateRow[]>> {
    const out = new Map<string, MilestoneStateRow[]>();
    if (initiativeIds.length === 0) return out;
    const rows: Array<MilestoneStateRow & { initiative_id: string }> = await this.txHost.tx.query(
      `SELECT initiative_id, id, title, state FROM milestones
        WHERE initiative_id = ANY($1::uuid[]) ORDER BY initiative_id, position`,
      [[...initiativeIds]],
    );
    for (const { initiative_id: initiativeId, ...milestone } of rows) {
      out.set(initiativeId, [...(out.get(initiativeId) ?? []), milestone]);
    }
    return out;
  }

  async team(id: string): Promise<TeamMember[]> {
    const rows: Array<{
      id: string;
      display_name: string;
      department_id: string | null;
      department_name: string | null;
    }> = await this.txHost.tx.query(
      `SELECT u.id, u.display_name, d.id AS department_id, d.name AS department_name
         FROM initiative_team t
         JOIN users u ON u.id = t.user_id
         LEFT JOIN departments d ON d.id = u.department_id
        WHERE t.initiative_id = $1
        ORDER BY lower(u.display_name), u.id`,
      [id],
    );
    return rows.map((row) => ({
      user: { id: row.id, displayName: row.display_name },
      department:
        row.department_id !== null && row.department_name !== null
          ? { id: row.department_id, name: row.department_name }
          : null,
    }));
  }

  async customerGroups(id: string): Promise<CustomerGroupRef[]> {
    return this.txHost.tx.query(
      `SELECT g.id, g.name, g.intent, g.protected
         FROM initiative_customer_groups ig JOIN customer_groups g ON g.id = ig.customer_group_id
        WHERE ig.initiative_id = $1
        ORDER BY lower(g.name), g.id`,
      [id],
    );
  }

  async milestones(id: string): Promise<MilestoneSummary[]> {
    const rows: Array<{
      id: string;
      position: number;
      title: string;
      state: MilestoneState;
      due_date: string | null;
      total: number;
      checked: number;
    }> = await this.txHost.tx.query(
      `SELECT m.id, m.position, m.title, m.state, m.due_date::text AS due_date,
              jsonb_array_length(m.exit_criteria)::int AS total,
              (SELECT count(*)::int FROM jsonb_array_elements(m.exit_criteria) c
                WHERE c->>'checked' = 'true') AS checked
         FROM milestones m
        WHERE m.initiative_id = $1
        ORDER BY m.position`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      position: row.position,
      title: row.title,
      state: row.state,
      dueDate: row.due_date,
      criteria: { total: row.total, checked: row.checked },
    }));
  }

  async measures(id: string): Promise<MeasureSummary[]> {
    return this.txHost.tx.query(
      `SELECT id, name, perspective FROM measures
        WHERE initiative_id = $1 ORDER BY perspective, lower(name), id`,
      [id],
    );
  }

  async openConditions(id: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.txHost.tx.query(
      `SELECT count(*)::int AS n FROM decision_conditions
        WHERE initiative_id = $1 AND closed_at IS NULL`,
      [id],
    );
    return rows[0]?.n ?? 0;
  }

  /** Role and active flag of each of these users that exists. */
  async userChecks(ids: readonly string[]): Promise<UserCheck[]> {
    if (ids.length === 0) return [];
    return this.txHost.tx.query(`SELECT id, role, active FROM users WHERE id = ANY($1::uuid[])`, [
      [...ids],
    ]);
  }

  /** Which of these customer groups exist. */
  async existingCustomerGroupIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM customer_groups WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Set(rows.map((row) => row.id));
  }
}
