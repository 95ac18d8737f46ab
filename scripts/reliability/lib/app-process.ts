import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, freePort, ROOT } from '../../lib/production-build';

export { freePort, ROOT };

const MAIN = join(ROOT, 'dist', 'api', 'main.js');

export interface AppProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly pid: number;
  output(): string;
  /** Exit code (null while running; the signal name when killed by one). */
  exitStatus(): string | null;
  exited: Promise<string>;
  /** Resident set size in bytes (Linux /proc). */
  rss(): number;
  /** With --trace-gc: the V8 heap (MB) after each full mark-compact, in order. */
  heapAfterFullGc: number[];
  /** With the memory probe preloaded (`memoryProbeArgs`): the app's process.memoryUsage(). */
  memory: MemorySample[];
}

export interface MemorySample {
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Node arguments that preload the memory probe (one sample every 5 s). */
export function memoryProbeArgs(): string[] {
  return ['--require', join(ROOT, 'scripts', 'reliability', 'lib', 'memory-probe.cjs')];
}

/** Runs `node dist/api/main.js` on a free port and waits for its ready line. */
export async function startApp(
  env: Record<string, string>,
  logFile: string | null = null,
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  ensureBuilt(['api']);
  const port = await freePort();
  let output = '';
  let status: string | null = null;
  const heapAfterFullGc: number[] = [];
  const memory: MemorySample[] = [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      TZ: 'UTC',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logFile) writeFileSync(logFile, '');
  // Whole lines per stream: a GC trace or memory line split across two chunks is parsed once.
  const keeper = (): ((chunk: Buffer) => void) => {
    let partial = '';
    return (chunk: Buffer): void => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const gc = /Mark-Compact.*?->\s*([\d.]+)\s*\(/.exec(line);
        if (gc) heapAfterFullGc.push(Number(gc[1]));
        const probe = /\[memory\] (\{.*\})/.exec(line);
        if (probe) memory.push(JSON.parse(probe[1] ?? '{}') as MemorySample);
      }
      if (logFile) appendFileSync(logFile, chunk);
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
  };
  child.stdout.on('data', keeper());
  child.stderr.on('data', keeper());
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      status = signal ?? String(code);
      resolve(status);
    }),
  );
  const killOnExit = (): void => {
    if (status === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app not ready in 180 s:\n${output}`)),
      180_000,
    );
    const check = (): void => {
      if (/is ready at http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`app exited (${status ?? '?'}) before ready:\n${output}`));
    });
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    output: () => output,
    exitStatus: () => status,
    exited,
    heapAfterFullGc,
    memory,
    rss: () => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return Number(match?.[1] ?? 0) * 1024;
    },
  };
}

/** Parses `--name value` and `--flag` arguments. */
export function argsOf(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(arg.slice(2), next);
      i++;
    } else args.set(arg.slice(2), 'true');
  }
  return args;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
