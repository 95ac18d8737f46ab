/**
 * What the bench measures besides latency: statements per request (a counting proxy between each
 * server and PostgreSQL) and CPU time from /proc (the Node process of each server and the
 * PostgreSQL backends serving its connections).
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { ROOT } from './bench-servers';

// ---------------------------------------------------------------- statements (counting proxy)

export interface CountingProxy {
  /** The database URL that reaches PostgreSQL through this server's counter. */
  urlFor(name: string): string;
  counts(): Promise<Record<string, number>>;
  stop(): void;
}

export async function startCountingProxy(
  databaseUrl: string,
  names: readonly string[],
): Promise<CountingProxy> {
  const upstream = new URL(databaseUrl);
  const child: ChildProcess = fork(join(ROOT, 'scripts', 'perf', 'pg-count-proxy.mjs'), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const reply = <T>(key: string): Promise<T> =>
    new Promise((resolve) => {
      const on = (message: Record<string, unknown>): void => {
        if (key in message) {
          child.off('message', on);
          resolve(message[key] as T);
        }
      };
      child.on('message', on);
    });
  const ready = reply<Record<string, number>>('ready');
  child.send({
    listen: names.map((name) => ({ name })),
    upstream: { host: upstream.hostname, port: Number(upstream.port || 5432) },
  });
  const ports = await ready;
  return {
    urlFor: (name) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(ports[name]);
      return url.toString();
    },
    counts: async () => {
      const answer = reply<Record<string, number>>('counts');
      child.send({ counts: true });
      return answer;
    },
    stop: () => {
      if (child.connected) child.disconnect();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

// ---------------------------------------------------------------- CPU time from /proc

let ticksPerSecond = 0;
function clockTicks(): number {
  if (ticksPerSecond === 0) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process, in ms; null when it is gone or unreadable. */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Which PostgreSQL backends serve a server: its database and its application_name(s). */
export interface BackendSelector {
  database: string;
  applicationNames: readonly string[];
}

async function backendPids(client: Client, selector: BackendSelector): Promise<number[]> {
  const rows = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = ANY($2::text[])`,
    [selector.database, [...selector.applicationNames]],
  );
  return rows.rows.map((r) => r.pid);
}

export interface CpuSnapshot {
  node: number;
  backends: Map<number, number>;
}

export async function cpuSnapshot(
  client: Client,
  nodePid: number,
  selector: BackendSelector,
): Promise<CpuSnapshot> {
  const backends = new Map<number, number>();
  for (const pid of await backendPids(client, selector)) {
    const ms = cpuMsOf(pid);
    if (ms !== null) backends.set(pid, ms);
  }
  return { node: cpuMsOf(nodePid) ?? 0, backends };
}

/**
 * CPU spent between two snapshots: the Node process, and the backends (a backend that appeared
 * meanwhile counts from zero; one that ended meanwhile is lost, which the pools' idle timeouts
 * of 30 s and more make rare during a load).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { node: number; pg: number } {
  let pg = 0;
  for (const [pid, ms] of after.backends) pg += ms - (before.backends.get(pid) ?? 0);
  return { node: after.node - before.node, pg };
}
