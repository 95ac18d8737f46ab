import { computeValueRows, engineNow, type ValueRows } from './value-rows';
import {
  initiativesWithMeasures,
  initiativesWithoutMeasures,
  loadInputs,
  replaceRows,
  type Sql,
} from './value-store.repository';

const EMPTY: ValueRows = { standings: [], measuresNow: [], indices: [], now: [] };

/**
 * Recomputes the stored value rows of these initiatives with libs/domain, in two statements
 * whatever their history: one loads their measures, decisive readings and the cycles, one
 * replaces their rows. The work is in proportion to these initiatives, never to the portfolio.
 * For the rebuilds and for paths that write readings behind the API's back; the engine's own
 * recomputation after a write (ValueEngine.initiativesChanged) also loads the stored rows and
 * alert records, to write only what differs and reconcile the alerts.
 */
export async function recomputeInitiatives(
  sql: Sql,
  initiativeIds: readonly string[],
): Promise<void> {
  if (initiativeIds.length === 0) return;
  const now = engineNow();
  const inputs = await loadInputs(sql, initiativeIds, now);
  await replaceRows(sql, initiativeIds, computeValueRows(inputs, now));
}

/** How many initiatives one batch of {@link rebuildValueRows} recomputes. */
export const REBUILD_BATCH = 500;

/**
 * Rebuilds every stored value row, a batch of initiatives at a time (keyset by id), and drops the
 * rows of initiatives that no longer have measures. For the migration, for a cycle created or
 * re-dated (every initiative's per-cycle picture may change) and for scripts that write
 * measures or readings without the API. Returns how many initiatives it recomputed.
 */
export async function rebuildValueRows(sql: Sql, batch = REBUILD_BATCH): Promise<number> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const ids = await initiativesWithMeasures(sql, after, batch);
    if (ids.length === 0) break;
    await recomputeInitiatives(sql, ids);
    count += ids.length;
    after = ids[ids.length - 1] ?? null;
    // Yield to the event loop between batches: other requests are answered meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const gone = await initiativesWithoutMeasures(sql);
  if (gone.length > 0) await replaceRows(sql, gone, EMPTY);
  return count;
}
