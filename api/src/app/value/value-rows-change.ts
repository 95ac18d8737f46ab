import type { IndexRow, MeasureNowRow, NowRow, StandingRow, ValueRows } from './value-rows';

/** A stored row as PostgreSQL's JSON gives it: its dates as text. */
type AsStored<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };

/** The stored rows of some initiatives, as loaded (value-store.repository.ts loadForRecompute). */
export interface StoredValueRows {
  standings: Array<AsStored<StandingRow>>;
  measuresNow: Array<AsStored<MeasureNowRow>>;
  indices: Array<AsStored<IndexRow>>;
  now: Array<AsStored<NowRow>>;
}

/** What to write so that the stored rows are the computed ones. */
export interface ValueRowsChange {
  /** Computed rows that are not stored, or stored with another value in some column. */
  upsert: ValueRows;
  /** Keys of stored rows that are not computed any more (a measure or a cycle gone). */
  gone: {
    standings: Array<{ measureId: string; cycleId: string }>;
    measuresNow: string[];
    indices: Array<{ initiativeId: string; cycleId: string }>;
    now: string[];
  };
}

export function isNoChange({ upsert, gone }: ValueRowsChange): boolean {
  return (
    upsert.standings.length +
      upsert.measuresNow.length +
      upsert.indices.length +
      upsert.now.length +
      gone.standings.length +
      gone.measuresNow.length +
      gone.indices.length +
      gone.now.length ===
    0
  );
}

/**
 * The change from the stored rows of some initiatives to the rows computed for them. Exact: a
 * number is the same only if it is the same double (PostgreSQL's JSON writes a float8 in its
 * shortest exact form, so a stored number reads back as the number written), a date the same
 * instant, anything else strictly equal.
 */
export function valueRowsChange(computed: ValueRows, stored: StoredValueRows): ValueRowsChange {
  const standings = changed(
    computed.standings,
    stored.standings,
    (r) => `${r.measureId}/${r.cycleId}`,
  );
  const measuresNow = changed(computed.measuresNow, stored.measuresNow, (r) => r.measureId);
  const indices = changed(
    computed.indices,
    stored.indices,
    (r) => `${r.initiativeId}/${r.cycleId}`,
  );
  const now = changed(computed.now, stored.now, (r) => r.initiativeId);
  return {
    upsert: {
      standings: standings.upsert,
      measuresNow: measuresNow.upsert,
      indices: indices.upsert,
      now: now.upsert,
    },
    gone: {
      standings: standings.gone.map(({ measureId, cycleId }) => ({ measureId, cycleId })),
      measuresNow: measuresNow.gone.map((r) => r.measureId),
      indices: indices.gone.map(({ initiativeId, cycleId }) => ({ initiativeId, cycleId })),
      now: now.gone.map((r) => r.initiativeId),
    },
  };
}

function changed<T extends object>(
  computed: readonly T[],
  stored: ReadonlyArray<AsStored<T>>,
  key: (row: T | AsStored<T>) => string,
): { upsert: T[]; gone: Array<AsStored<T>> } {
  const left = new Map(stored.map((row) => [key(row), row]));
  const upsert: T[] = [];
  for (const row of computed) {
    const k = key(row);
    const before = left.get(k);
    left.delete(k);
    if (!before || !sameRow(row, before)) upsert.push(row);
  }
  return { upsert, gone: [...left.values()] };
}

function sameRow(row: object, stored: object): boolean {
  const was = stored as Record<string, unknown>;
  return Object.entries(row).every(([column, value]) => sameValue(value, was[column]));
}

function sameValue(value: unknown, stored: unknown): boolean {
  if (value instanceof Date) {
    return typeof stored === 'string' && Date.parse(stored) === value.getTime();
  }
  return value === (stored ?? null);
}
