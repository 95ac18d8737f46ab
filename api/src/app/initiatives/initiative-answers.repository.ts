import { Injectable } from '@nestjs/common';
import type { InitiativeListItem, InitiativeResponse, Page } from '@waypoint/contracts';
import { SPONSOR_ROLES } from '@waypoint/domain';
import { type PageRequest, PreparedStatements } from '../common';
import {
  type InitiativeFilter,
  type InitiativeOrder,
  SORT_EXPRESSIONS,
} from './initiatives.repository';
import { readableSql } from './initiative-visibility';

/** An ISO 8601 instant in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
const isoSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `{ id, displayName }` of the user joined as `alias` for the id in `idColumn`. */
const userRefSql = (idColumn: string, alias: string): string =>
  `json_build_object('id', ${idColumn}, 'displayName', coalesce(${alias}.display_name, ''))`;

/**
 * needsSponsor (libs/domain's rule) in SQL: a sponsor is named and does not act as sponsor (an
 * active user in one of SPONSOR_ROLES). The sponsor's user row is joined as `alias`.
 */
const needsSponsorSql = (alias: string): string =>
  `(i.sponsor_id IS NOT NULL AND NOT coalesce(${alias}.active AND ${alias}.role IN (${SPONSOR_ROLES.map(
    (role) => `'${role}'`,
  ).join(', ')}), false))`;

const likePattern = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE of the list's filter over `initiatives i`, its values bound from `$first`. */
function filterSql(filter: InitiativeFilter, params: unknown[]): string {
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filter.status !== undefined) where.push(`i.status = ${bind(filter.status)}`);
  if (filter.approach !== undefined) where.push(`i.approach = ${bind(filter.approach)}`);
  if (filter.ownerId !== undefined) where.push(`i.owner_id = ${bind(filter.ownerId)}::uuid`);
  if (filter.sponsorId !== undefined) where.push(`i.sponsor_id = ${bind(filter.sponsorId)}::uuid`);
  if (filter.customerGroupId !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM initiative_customer_groups g
                  WHERE g.initiative_id = i.id AND g.customer_group_id = ${bind(filter.customerGroupId)}::uuid)`);
  }
  if (filter.q !== undefined && filter.q !== '') {
    where.push(`lower(i.title) LIKE ${bind(likePattern(filter.q))} ESCAPE '\\'`);
  }
  if (filter.readableBy) {
    where.push(readableSql(filter.readableBy, 'i', `${bind(filter.readableBy.userId)}::uuid`));
  }
  return where.length === 0 ? 'true' : where.join(' AND ');
}

/** The detail as one JSON object; nextStatuses and template are completed by the caller. */
export type InitiativeAnswerRow = Omit<InitiativeResponse, 'template' | 'nextStatuses'> & {
  template: string | null;
};

/**
 * The hot reads of initiatives answered by PostgreSQL in one statement each: the JSON of the
 * answer is built there (json_build_object / json_agg, related rows by LATERAL joins), so the
 * process only parses it and serialises it through the route's response schema. Both are named
 * prepared statements (PreparedStatements): planned once per connection, not on every request.
 */
@Injectable()
export class InitiativeAnswersRepository {
  constructor(private readonly sql: PreparedStatements) {}

  /** One page of the list and how many match, in one statement whatever the page size. */
  async list(
    filter: InitiativeFilter,
    order: InitiativeOrder,
    page: PageRequest,
  ): Promise<Page<InitiativeListItem>> {
    const params: unknown[] = [page.limit, page.offset];
    const where = filterSql(filter, params);
    const direction = order.order === 'asc' ? 'ASC' : 'DESC';
    const ordering = `${SORT_EXPRESSIONS[order.sort]} ${direction}, i.id ${direction}`;
    const rows = await this.sql.query<{ total: number; items: InitiativeListItem[] }>(
      `WITH page AS MATERIALIZED (
         SELECT i.id, i.title, i.status, i.approach, i.owner_id, i.sponsor_id,
                i.estimated_customer_value, i.estimated_business_value, i.version, i.updated_at
           FROM initiatives i
          WHERE ${where}
          ORDER BY ${ordering}
          LIMIT $1 OFFSET $2
       )
       SELECT (SELECT count(*)::int FROM initiatives i WHERE ${where}) AS total,
              coalesce((
                SELECT json_agg(json_build_object(
                         'id', i.id,
                         'title', i.title,
                         'status', i.status,
                         'approach', i.approach,
                         'owner', ${userRefSql('i.owner_id', 'o')},
                         'sponsor', CASE WHEN i.sponsor_id IS NULL THEN NULL
                                         ELSE ${userRefSql('i.sponsor_id', 's')} END,
                         'needsSponsor', ${needsSponsorSql('s')},
                         'teamSize', t.team_size,
                         'departmentCount', t.department_count,
                         'currentMilestone', CASE WHEN m.id IS NULL THEN NULL
                                                  ELSE json_build_object('id', m.id, 'title', m.title, 'state', m.state) END,
                         'estimatedCustomerValue', i.estimated_customer_value,
                         'estimatedBusinessValue', i.estimated_business_value,
                         'version', i.version,
                         'updatedAt', ${isoSql('i.updated_at')}
                       ) ORDER BY ${ordering})
                  FROM page i
                  LEFT JOIN users o ON o.id = i.owner_id
                  LEFT JOIN users s ON s.id = i.sponsor_id
                  CROSS JOIN LATERAL (
                    SELECT count(*)::int AS team_size,
                           count(DISTINCT u.department_id)::int AS department_count
                      FROM initiative_team tm JOIN users u ON u.id = tm.user_id
                     WHERE tm.initiative_id = i.id
                  ) t
                  LEFT JOIN LATERAL (
                    -- the current milestone: the first one not approved (libs/domain's currentMilestoneIndex)
                    SELECT ms.id, ms.title, ms.state FROM milestones ms
                     WHERE ms.initiative_id = i.id AND ms.state <> 'approved'
                     ORDER BY ms.position LIMIT 1
                  ) m ON true
              ), '[]'::json) AS items`,
      params,
    );
    const row = rows[0];
    return {
      items: row?.items ?? [],
      total: row?.total ?? 0,
      limit: page.limit,
      offset: page.offset,
    };
  }

  /** One initiative with everything it shows, in one statement; null when there is none. */
  async detail(id: string): Promise<InitiativeAnswerRow | null> {
    const rows = await this.sql.query<{ body: InitiativeAnswerRow }>(
      `SELECT json_build_object(
                'id', i.id,
                'title', i.title,
                'problem', i.problem,
                'hypothesis', i.hypothesis,
                'approach', i.approach,
                'status', i.status,
                'template', i.template,
                'owner', ${userRefSql('i.owner_id', 'o')},
                'sponsor', CASE WHEN i.sponsor_id IS NULL THEN NULL
                                ELSE ${userRefSql('i.sponsor_id', 's')} END,
                'needsSponsor', ${needsSponsorSql('s')},
                'team', team.items,
                'customerGroups', groups.items,
                'milestones', milestones.items,
                'measures', measures.items,
                'openConditions', conditions.n,
                'estimatedCustomerValue', i.estimated_customer_value,
                'estimatedBusinessValue', i.estimated_business_value,
                'readiness', json_build_object('score', i.readiness_score, 'notes', i.readiness_notes),
                'version', i.version,
                'createdAt', ${isoSql('i.created_at')},
                'updatedAt', ${isoSql('i.updated_at')}
              ) AS body
         FROM initiatives i
         LEFT JOIN users o ON o.id = i.owner_id
         LEFT JOIN users s ON s.id = i.sponsor_id
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object(
                    'user', json_build_object('id', u.id, 'displayName', u.display_name),
                    'department', CASE WHEN d.id IS NULL THEN NULL
                                       ELSE json_build_object('id', d.id, 'name', d.name) END
                  ) ORDER BY lower(u.display_name), u.id), '[]'::json) AS items
             FROM initiative_team t
             JOIN users u ON u.id = t.user_id
             LEFT JOIN departments d ON d.id = u.department_id
            WHERE t.initiative_id = i.id
         ) team
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object(
                    'id', g.id, 'name', g.name, 'intent', g.intent, 'protected', g.protected
                  ) ORDER BY lower(g.name), g.id), '[]'::json) AS items
             FROM initiative_customer_groups ig
             JOIN customer_groups g ON g.id = ig.customer_group_id
            WHERE ig.initiative_id = i.id
         ) groups
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object(
                    'id', m.id,
                    'position', m.position,
                    'title', m.title,
                    'state', m.state,
                    'dueDate', m.due_date::text,
                    'criteria', json_build_object(
                      'total', jsonb_array_length(m.exit_criteria),
                      'checked', (SELECT count(*)::int FROM jsonb_array_elements(m.exit_criteria) c
                                   WHERE c->>'checked' = 'true'))
                  ) ORDER BY m.position), '[]'::json) AS items
             FROM milestones m
            WHERE m.initiative_id = i.id
         ) milestones
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object(
                    'id', x.id, 'name', x.name, 'perspective', x.perspective
                  ) ORDER BY x.perspective, lower(x.name), x.id), '[]'::json) AS items
             FROM measures x
            WHERE x.initiative_id = i.id
         ) measures
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n FROM decision_conditions c
            WHERE c.initiative_id = i.id AND c.closed_at IS NULL
         ) conditions
        WHERE i.id = $1`,
      [id],
    );
    return rows[0]?.body ?? null;
  }
}
