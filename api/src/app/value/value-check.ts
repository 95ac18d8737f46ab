import type { CustomerGroupRow, CycleRow, MeasureRow, ReadingRow } from './value-data.repository';
import { computeValueRows, type ValueRows } from './value-rows';
import { type Sql, STORED_COLUMNS, STORED_TABLES } from './value-store.repository';

/**
 * `npm run value:check`: recomputes every stored value row from every reading with libs/domain
 * (not from the engine's decisive readings) and lists where the stored rows differ. Empty: the
 * stored picture is exactly what the readings say. The integration tests run it after their
 * scenarios; the bench runs it after its load.
 */
export async function checkValueRows(
  sql: Sql,
  options: { now?: Date; batch?: number } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const cycles = (await sql(
    `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
       FROM cycles ORDER BY starts_on, id`,
  )) as CycleRow[];
  const groups = (await sql(
    `SELECT id, name, protected AS "isProtected" FROM customer_groups ORDER BY id`,
  )) as CustomerGroupRow[];
  const differences: string[] = [];
  let after: string | null = null;
  for (;;) {
    const ids: string[] = (
      (await sql(
        `SELECT i.id FROM initiatives i
          WHERE ($1::uuid IS NULL OR i.id > $1::uuid)
            AND (EXISTS (SELECT 1 FROM measures m WHERE m.initiative_id = i.id)
                 OR EXISTS (SELECT 1 FROM value_now v WHERE v.initiative_id = i.id)
                 OR EXISTS (SELECT 1 FROM value_indices v WHERE v.initiative_id = i.id))
          ORDER BY i.id LIMIT $2`,
        [after, batch],
      )) as Array<{ id: string }>
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1] ?? null;
    const measures = (await sql(
      `SELECT m.id, m.initiative_id AS "initiativeId", m.name, m.unit, m.perspective, m.direction,
              m.baseline, m.target, m.cadence, m.kpi_class AS "kpiClass", m.weight,
              m.customer_group_id AS "customerGroupId",
              m.counter_measure_id AS "counterMeasureId", m.created_at AS "createdAt"
         FROM measures m WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY m.initiative_id, lower(m.name), m.id`,
      [ids],
    )) as MeasureRow[];
    const readings = (await sql(
      `SELECT r.id, r.measure_id AS "measureId", r.value,
              date_trunc('milliseconds', r.observed_at) AS "observedAt",
              r.supersedes_id AS "supersedesId",
              EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id) AS withdrawn
         FROM readings r JOIN measures m ON m.id = r.measure_id
        WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY r.recorded_at, r.id`,
      [ids],
    )) as ReadingRow[];
    const expected = computeValueRows({ measures, readings, cycles, groups }, now);
    differences.push(...compareRows(expected, await storedRows(sql, ids)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return differences;
}

async function storedRows(sql: Sql, ids: readonly string[]): Promise<ValueRows> {
  const read = async <K extends keyof ValueRows>(key: K): Promise<ValueRows[K]> =>
    (await sql(
      `SELECT ${STORED_COLUMNS[key]} FROM ${STORED_TABLES[key]} WHERE initiative_id = ANY($1::uuid[])`,
      [ids],
    )) as ValueRows[K];
  return {
    standings: await read('standings'),
    measuresNow: await read('measuresNow'),
    indices: await read('indices'),
    now: await read('now'),
  };
}

type Row = object;

/** The differences between the rows the readings give and the stored ones, one line each. */
export function compareRows(expected: ValueRows, stored: ValueRows): string[] {
  return [
    ...compareTable(
      'value_standings',
      expected.standings,
      stored.standings,
      (r) => `${r.measureId}/${r.cycleId}`,
    ),
    ...compareTable(
      'value_measure_now',
      expected.measuresNow,
      stored.measuresNow,
      (r) => r.measureId,
    ),
    ...compareTable(
      'value_indices',
      expected.indices,
      stored.indices,
      (r) => `${r.initiativeId}/${r.cycleId}`,
    ),
    ...compareTable('value_now', expected.now, stored.now, (r) => r.initiativeId),
  ];
}

function compareTable<T extends Row>(
  table: string,
  expected: readonly T[],
  stored: readonly T[],
  key: (row: T) => string,
): string[] {
  const found = new Map(stored.map((row) => [key(row), row]));
  const lines: string[] = [];
  for (const row of expected) {
    const k = key(row);
    const other = found.get(k);
    found.delete(k);
    if (other === undefined) {
      lines.push(`${table} ${k}: missing (expected ${JSON.stringify(row)})`);
      continue;
    }
    for (const [field, want] of Object.entries(row)) {
      const got: unknown = (other as Record<string, unknown>)[field];
      if (!same(want, got)) {
        lines.push(`${table} ${k}: ${field} is ${show(got)}, the readings give ${show(want)}`);
      }
    }
  }
  for (const k of found.keys()) lines.push(`${table} ${k}: stored but not expected`);
  return lines;
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  if (a instanceof Date || b instanceof Date) {
    return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  }
  if (typeof a === 'number' && typeof b === 'number') {
    // Stored as double precision: the same number, up to the last bits of rounding.
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

function show(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}
