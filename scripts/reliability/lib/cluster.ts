import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-process';

const BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** A private PostgreSQL cluster in a temporary folder, on a port of its own. */
export interface PrivateCluster {
  readonly url: string;
  readonly port: number;
  start(): void;
  /** `pg_ctl stop -m fast`: ends every session and refuses connections until start(). */
  stop(): void;
  destroy(): void;
}

function asPostgres(command: string, args: string[]): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const root = mkdtempSync(join(tmpdir(), 'wp_rel_cluster_'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const data = join(root, 'data');
  asPostgres(join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const pgCtl = (args: string[]): string => asPostgres(join(BIN, 'pg_ctl'), ['-D', data, ...args]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => void pgCtl(['start', '-w', '-t', '60', '-l', join(root, 'log'), '-o', options]),
    stop: () => void pgCtl(['stop', '-w', '-m', 'fast']),
    destroy: () => {
      try {
        pgCtl(['stop', '-w', '-m', 'immediate']);
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
