import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface MainProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the URL printed by the ready line. */
  ready: Promise<string>;
}

/** Runs api/src/main.ts (the real entry point) from source with the given environment. */
export function runMain(
  env: Record<string, string>,
  entry = 'main.ts',
  args: string[] = [],
  /** The process is killed if still running after this long (a test that never stopped it). */
  killAfterMs = 110_000,
): MainProcess {
  // Every spawned process is killed if the test fails before stopping it.
  const kill = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'api', 'src', entry), ...args],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'],
        TZ: 'UTC',
        SWC_NODE_PROJECT: join(ROOT, 'api', 'tsconfig.app.json'),
        LOG_LEVEL: 'warn',
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  process.once('exit', kill);
  const timer = setTimeout(kill, killAfterMs);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.removeListener('exit', kill);
      resolve(code);
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /is ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`exited with ${String(code)} before ready:\n${output}`)),
    );
  });
  ready.catch(() => undefined);
  return { child, output: () => output, exited, ready };
}
