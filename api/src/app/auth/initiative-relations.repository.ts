import { Injectable } from '@nestjs/common';
import { PreparedStatements } from '../common';
import type { Relation } from './permissions';

/** What a route's `:id` names, to find the initiative it belongs to. */
export const SCOPE_VALUES = [
  'initiative',
  'milestone',
  'step',
  'measure',
  'condition',
  'alert',
] as const;
export type Scope = (typeof SCOPE_VALUES)[number];

/** How to reach the initiative from each kind of id. */
const INITIATIVE_OF: Record<Scope, string> = {
  initiative: `SELECT i.id FROM initiatives i WHERE i.id = $1`,
  milestone: `SELECT m.initiative_id AS id FROM milestones m WHERE m.id = $1`,
  step: `SELECT s.initiative_id AS id FROM steps s WHERE s.id = $1`,
  measure: `SELECT x.initiative_id AS id FROM measures x WHERE x.id = $1`,
  condition: `SELECT c.initiative_id AS id FROM decision_conditions c WHERE c.id = $1`,
  alert: `SELECT a.initiative_id AS id FROM alerts a WHERE a.id = $1`,
};

export interface InitiativeAccess {
  initiativeId: string;
  relations: Relation[];
}

@Injectable()
export class InitiativeRelationsRepository {
  /** Every guarded request asks this first: a prepared statement, planned once per connection. */
  constructor(private readonly statements: PreparedStatements) {}

  /** The user's relations to the initiative the id belongs to; null when there is no such record. */
  async resolve(scope: Scope, id: string, userId: string): Promise<InitiativeAccess | null> {
    const rows = await this.statements.query<{
      initiative_id: string;
      owner: boolean;
      sponsor: boolean;
      team: boolean;
    }>(
      `WITH target AS (${INITIATIVE_OF[scope]})
         SELECT i.id AS initiative_id,
                i.owner_id = $2 AS owner,
                coalesce(i.sponsor_id = $2, false) AS sponsor,
                EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = $2) AS team
           FROM target JOIN initiatives i ON i.id = target.id`,
      [id, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const relations: Relation[] = [];
    if (row.owner) relations.push('owner');
    if (row.sponsor) relations.push('sponsor');
    if (row.team) relations.push('team');
    return { initiativeId: row.initiative_id, relations };
  }
}
