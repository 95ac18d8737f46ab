import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { StartupError } from '../config';
import { groupExtendedQueryMessages, queueOf } from './pglite-message-groups';

/** An embedded PostgreSQL (PGlite) served on a loopback port for the ordinary `pg` driver. */
export interface EmbeddedDatabase {
  /** Connection URL for `pg` (loopback only). */
  readonly url: string;
  /** Where the data lives, or null for an in-memory database. */
  readonly dataDir: string | null;
  close(): Promise<void>;
}

const LOCK_FILE = 'waypoint.lock';

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes sure the folder exists, is writable and is not used by another running Waypoint. */
function prepareDataDir(dataDir: string): string {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, '.write-test');
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `the data folder ${dataDir} cannot be written (${code}): fix its permissions or set WAYPOINT_DATA_DIR to a writable folder`,
    );
  }
  const lockPath = join(dataDir, LOCK_FILE);
  try {
    const holder = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder !== process.pid && processIsAlive(holder)) {
      throw new StartupError(
        `the data folder ${dataDir} is in use by another Waypoint process (pid ${holder}): stop it or set WAYPOINT_DATA_DIR to another folder`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    // No lock file yet, or an unreadable one from a process that is gone.
  }
  writeFileSync(lockPath, String(process.pid));
  return lockPath;
}

export interface StartEmbeddedOptions {
  /** Folder for the data; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** Connections the socket server multiplexes; keep it at least the pool size. */
  maxConnections: number;
}

export async function startEmbeddedDatabase(
  options: StartEmbeddedOptions,
): Promise<EmbeddedDatabase> {
  const lockPath = options.dataDir ? prepareDataDir(options.dataDir) : null;
  const pgDir = options.dataDir ? join(options.dataDir, 'pg') : undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(pgDir ? { dataDir: pgDir } : {});
  } catch (error) {
    if (lockPath) rmSync(lockPath, { force: true });
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StartupError(
      `the embedded database in ${pgDir ?? 'memory'} could not be opened (${reason}): move the folder aside or set WAYPOINT_DATA_DIR to an empty folder`,
    );
  }
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port,
    maxConnections: options.maxConnections,
  });
  groupExtendedQueryMessages(queueOf(server));
  await server.start();
  let closed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
      if (lockPath) rmSync(lockPath, { force: true });
    },
  };
}
