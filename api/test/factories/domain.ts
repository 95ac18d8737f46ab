import type { Pool } from 'pg';
import { rebuildValueRows, recomputeInitiatives } from '../../src/app/value/value-rebuild';
import type { Sql } from '../../src/app/value/value-store.repository';

/**
 * Small factories for domain records, written straight into the database so that a test can
 * set up exactly the state it needs. Each answers the new id.
 */

/** SQL on the test's pool, for the value engine's functions. */
export const sqlOf =
  (sql: Pool): Sql =>
  async (text, params = []) =>
    (await sql.query(text, [...params])).rows as unknown[];

/**
 * What the API's writes do in their transaction (the value engine, api/src/app/value): keeps the
 * stored value rows true after a factory wrote a measure, a reading or a cycle behind its back.
 */
export async function refreshValue(sql: Pool, table: string, id: string): Promise<void> {
  if (table === 'cycles') {
    await rebuildValueRows(sqlOf(sql));
    return;
  }
  const owner =
    table === 'measures'
      ? `SELECT initiative_id AS id FROM measures WHERE id = $1`
      : table === 'readings'
        ? `SELECT m.initiative_id AS id FROM readings r JOIN measures m ON m.id = r.measure_id WHERE r.id = $1`
        : null;
  if (owner === null) return;
  const { rows } = await sql.query<{ id: string }>(owner, [id]);
  await recomputeInitiatives(
    sqlOf(sql),
    rows.map((r) => r.id),
  );
}

export async function insertRow(
  sql: Pool,
  table: string,
  values: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(values);
  const params = columns.map((_, i) => `$${i + 1}`);
  const result = await sql.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')}) RETURNING id`,
    columns.map((c) => {
      const v = values[c];
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    }),
  );
  const id = result.rows[0]?.id ?? '';
  await refreshValue(sql, table, id);
  return id;
}

export interface InitiativeSeed {
  ownerId: string;
  sponsorId?: string | null;
  teamIds?: string[];
  title?: string;
  approach?: string;
  status?: string;
  customerGroupIds?: string[];
}

export async function createInitiative(sql: Pool, seed: InitiativeSeed): Promise<string> {
  const id = await insertRow(sql, 'initiatives', {
    title: seed.title ?? 'Shorter waits at the call centre',
    problem: 'Callers wait too long.',
    hypothesis: 'Call-backs cut waiting without hurting resolution.',
    approach: seed.approach ?? 'engineering',
    status: seed.status ?? 'active',
    owner_id: seed.ownerId,
    sponsor_id: seed.sponsorId ?? null,
    estimated_customer_value: 7,
    estimated_business_value: 5,
  });
  for (const userId of seed.teamIds ?? []) {
    await sql.query(`INSERT INTO initiative_team (initiative_id, user_id) VALUES ($1, $2)`, [
      id,
      userId,
    ]);
  }
  for (const groupId of seed.customerGroupIds ?? []) {
    await sql.query(
      `INSERT INTO initiative_customer_groups (initiative_id, customer_group_id) VALUES ($1, $2)`,
      [id, groupId],
    );
  }
  return id;
}

export interface Criterion {
  id: string;
  label: string;
  checked: boolean;
}

export async function createMilestone(
  sql: Pool,
  initiativeId: string,
  seed: {
    position?: number;
    title?: string;
    state?: string;
    startedAt?: Date | null;
    criteria?: Criterion[];
  } = {},
): Promise<string> {
  return insertRow(sql, 'milestones', {
    initiative_id: initiativeId,
    position: seed.position ?? 1,
    title: seed.title ?? 'Define',
    goal: 'Agree the problem and the measures.',
    exit_criteria: seed.criteria ?? [
      { id: 'c1', label: 'Problem statement signed off', checked: false },
    ],
    state: seed.state ?? 'planned',
    started_at: seed.startedAt ?? null,
  });
}

export async function createMeasure(
  sql: Pool,
  initiativeId: string,
  seed: {
    name?: string;
    perspective?: 'customer' | 'business';
    direction?: string;
    baseline?: number;
    target?: number;
    cadence?: string;
    kpiClass?: string;
    customerGroupId?: string | null;
    counterMeasureId?: string | null;
    recorderId?: string | null;
  } = {},
): Promise<string> {
  return insertRow(sql, 'measures', {
    initiative_id: initiativeId,
    name: seed.name ?? 'Average wait (minutes)',
    unit: 'min',
    perspective: seed.perspective ?? 'customer',
    direction: seed.direction ?? 'lower_is_better',
    baseline: seed.baseline ?? 40,
    target: seed.target ?? 20,
    cadence: seed.cadence ?? 'monthly',
    kpi_class: seed.kpiClass ?? 'customer_centric',
    customer_group_id: seed.customerGroupId ?? null,
    counter_measure_id: seed.counterMeasureId ?? null,
    recorder_id: seed.recorderId ?? null,
  });
}

export async function createReading(
  sql: Pool,
  measureId: string,
  seed: {
    value: number;
    observedAt: Date;
    recordedBy: string;
    supersedesId?: string | null;
    note?: string;
  },
): Promise<string> {
  return insertRow(sql, 'readings', {
    measure_id: measureId,
    value: seed.value,
    observed_at: seed.observedAt,
    recorded_by: seed.recordedBy,
    note: seed.note ?? '',
    supersedes_id: seed.supersedesId ?? null,
  });
}

export async function createStep(
  sql: Pool,
  milestoneId: string,
  initiativeId: string,
  seed: {
    title?: string;
    position?: number;
    status?: string;
    assigneeId?: string | null;
    dueDate?: string | null;
  } = {},
): Promise<string> {
  return insertRow(sql, 'steps', {
    milestone_id: milestoneId,
    initiative_id: initiativeId,
    position: seed.position ?? 1,
    title: seed.title ?? 'Map the call flow',
    status: seed.status ?? 'todo',
    assignee_id: seed.assigneeId ?? null,
    due_date: seed.dueDate ?? null,
  });
}

export async function createCycle(
  sql: Pool,
  name: string,
  startsOn: string,
  endsOn: string,
): Promise<string> {
  return insertRow(sql, 'cycles', { name, starts_on: startsOn, ends_on: endsOn });
}

export async function createCustomerGroup(
  sql: Pool,
  seed: { name?: string; intent?: string; protected?: boolean } = {},
): Promise<string> {
  return insertRow(sql, 'customer_groups', {
    name: seed.name ?? `Group ${Math.random().toString(36).slice(2, 8)}`,
    intent: seed.intent ?? 'retain',
    protected: seed.protected ?? false,
  });
}
