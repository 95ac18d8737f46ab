/**
 * The "portfolio after a write" target of issue 13: a reading is recorded before each portfolio
 * read, one request at a time, so every read finds the data just changed (nothing reused). Each
 * read's latency is one sample.
 */
import { type LoadResult, memoryOf } from './bench-load';

export interface AfterWriteResult {
  write: LoadResult;
  reads: Map<string, LoadResult>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

function resultOf(
  samples: readonly number[],
  failed: number,
  seconds: number,
  peak: number,
): LoadResult {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: 0,
    non2xx: failed,
    rps: seconds > 0 ? samples.length / seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    peakRssMb: peak,
  };
}

export async function portfolioAfterWrite(options: {
  base: string;
  pid: number;
  reader: string;
  recorder: string;
  measureIds: readonly string[];
  readPaths: readonly string[];
  iterations: number;
}): Promise<AfterWriteResult> {
  const { base, reader, recorder, measureIds, readPaths } = options;
  const writes: number[] = [];
  const reads = new Map<string, number[]>(readPaths.map((p) => [p, []]));
  let failedWrites = 0;
  const failedReads = new Map<string, number>(readPaths.map((p) => [p, 0]));
  let peak = memoryOf(options.pid).rss;
  const started = performance.now();
  for (let i = 0; i < options.iterations; i++) {
    const measureId = measureIds[i % measureIds.length] ?? '';
    const writeStarted = performance.now();
    const written = await fetch(`${base}/api/measures/${measureId}/readings`, {
      method: 'POST',
      headers: { cookie: recorder, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({
        value: 40 + (i % 10),
        observedAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    });
    await written.arrayBuffer();
    writes.push(performance.now() - writeStarted);
    if (written.status !== 201) failedWrites += 1;
    for (const path of readPaths) {
      const readStarted = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: reader } });
      await res.arrayBuffer();
      reads.get(path)?.push(performance.now() - readStarted);
      if (res.status !== 200) failedReads.set(path, (failedReads.get(path) ?? 0) + 1);
    }
    peak = Math.max(peak, memoryOf(options.pid).rss);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    write: resultOf(writes, failedWrites, seconds, peak),
    reads: new Map(
      readPaths.map((path) => [
        path,
        resultOf(reads.get(path) ?? [], failedReads.get(path) ?? 0, seconds, peak),
      ]),
    ),
  };
}
