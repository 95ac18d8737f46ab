/** The benchmark's table, the machine it ran on, and its section of docs/performance.md. */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { LoadResult } from './bench-load';

export interface Row {
  target: string;
  connections: number;
  server: 'app' | 'baseline';
  /** Statements per request (the counting proxy), or null when not counted. */
  statements: number | null;
  result: LoadResult;
  /** CPU time per request of the server's Node process and of its PostgreSQL backends. */
  nodeCpuMs: number;
  pgCpuMs: number;
  /** App throughput over the baseline's, for the targets that have one. */
  ratio: number | null;
  /** The app's PostgreSQL CPU per request over the baseline's. */
  pgRatio: number | null;
  /** False when the two servers' answers differ: the ratios compare different work. */
  comparable: boolean;
  /** The issue's target for this row, and whether it is met. */
  goal: string;
  met: boolean | null;
}

export function machine(serverVersion: string): string[] {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // os.cpus() is the fallback
  }
  return [
    `CPU: ${model}, ${nproc} cores available to processes (${cpus().length} reported by the OS)`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version}, PostgreSQL ${serverVersion}`,
    `Load average at the end (1/5/15 min): ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}`,
  ];
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');

const fixed = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function table(rows: readonly Row[]): string {
  const lines = [
    '| Target | Conn. | Server | req/s | p50 ms | p95 ms | p99 ms | SQL/req | Node CPU ms/req | PG CPU ms/req | peak RSS MB | app/baseline | PG x | Goal | Met |',
    '|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of rows) {
    const errors = r.result.errors + r.result.non2xx;
    const ratio = !r.comparable ? 'not comparable' : r.ratio === null ? '-' : r.ratio.toFixed(2);
    lines.push(
      `| ${r.target} | ${r.connections} | ${r.server} | ${r.result.rps.toFixed(0)}${errors > 0 ? ` (${errors} failed)` : ''} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${ms(r.result.p99)} | ${r.statements === null ? '-' : fixed(r.statements, 1)} | ${fixed(r.nodeCpuMs, 2)} | ${fixed(r.pgCpuMs, 2)} | ${r.result.peakRssMb.toFixed(0)} | ${ratio} | ${r.pgRatio === null || !r.comparable ? '-' : fixed(r.pgRatio, 2)} | ${r.goal} | ${r.met === null ? '-' : r.met ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Replaces a generated section of the document (or appends it), keeping the prose around, then
 * formats the document with the repository's Prettier so `nx format:check` stays green.
 */
export function writeSection(path: string, section: string, name = 'bench'): void {
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const block = `${START}\n${section}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n\n';
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
  execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', path], { stdio: 'inherit' });
}
