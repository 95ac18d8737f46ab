/** Loading one target with autocannon while sampling the server's memory. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  name: string;
  server: 'app' | 'baseline';
  method: 'GET' | 'POST';
  /** Paths to cycle through, one per request. */
  paths: string[];
  headers: Record<string, string>;
  body?: () => string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  peakRssMb: number;
}

/** Resident memory of a process (VmRSS) and its high-water mark (VmHWM), in MB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export async function load(
  base: string,
  target: Target,
  pid: number,
  options: { connections: number; duration: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let peak = memoryOf(pid).rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, 100);
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.duration,
        // Slow answers are measured, not dropped (autocannon's default gives up after 10 s).
        timeout: 30,
        requests: [
          {
            method: target.method,
            headers: target.headers,
            setupRequest: (request) => {
              const path = target.paths[next++ % target.paths.length] ?? '/';
              return { ...request, path, ...(target.body ? { body: target.body() } : {}) };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(done);
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  clearInterval(sampler);
  peak = Math.max(peak, memoryOf(pid).rss);
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: result.requests.total / options.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    peakRssMb: peak,
  };
}

export const WARM_UP_SLICE_S = 2;
export const WARM_UP_SLICES = 8;
export const WARM_UP_STEADY = 0.1;
export const WARM_UP_WINDOW = 3;

/**
 * Loads a target in slices until its requests per second hold still: the last WARM_UP_WINDOW
 * slices within WARM_UP_STEADY of each other (at most WARM_UP_SLICES). A server that has not yet
 * recorded readings answers its first writes at about half speed, for ~10 s of load (V8
 * compiling the write's code: the value engine, the alerts): started by hand, its first 3 s of
 * writes had a p99 of ~900 ms, against ~300 ms after 10 s. The fixed 2 s warm-up of before left
 * that start in the first round (the median of two rounds' p99 read 606 ms). Two slices were not
 * enough to tell: the write's read 95, 107 and 101 req/s before it rose to ~200. Answers each
 * slice's req/s.
 */
export async function warmUp(slice: () => Promise<{ rps: number }>): Promise<number[]> {
  const rates: number[] = [];
  while (rates.length < WARM_UP_SLICES) {
    rates.push((await slice()).rps);
    const window = rates.slice(-WARM_UP_WINDOW);
    const steady = Math.max(...window) <= (1 + WARM_UP_STEADY) * Math.min(...window);
    if (window.length === WARM_UP_WINDOW && steady) break;
  }
  return rates;
}
