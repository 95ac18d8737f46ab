import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The embedded database's data folder: its lock, its files and their checksums. */

export const LOCK_FILE = 'waypoint.lock';
export const MANIFEST = 'waypoint-backup.json';

export function dataDirOf(args: Map<string, string>): string {
  return resolve(args.get('data-dir') ?? process.env['WAYPOINT_DATA_DIR'] ?? '.data');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding the folder's lock, or null. */
export function lockHolder(dataDir: string): number | null {
  const path = join(dataDir, LOCK_FILE);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8').trim().split(/\s+/)[0]);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/** Takes the lock for this process (so that Waypoint refuses to start meanwhile). */
export function takeLock(dataDir: string): void {
  writeFileSync(join(dataDir, LOCK_FILE), String(process.pid));
}

export interface FileEntry {
  path: string;
  size: number;
  sha256: string;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under `root` (the lock excluded), with its size and SHA-256, sorted by path. */
export function listFiles(root: string, base = root): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const name of readdirSync(root).sort()) {
    const path = join(root, name);
    const rel = relative(base, path);
    if (rel === LOCK_FILE || rel === MANIFEST) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) entries.push(...listFiles(path, base));
    else if (stat.isFile()) entries.push({ path: rel, size: stat.size, sha256: sha256File(path) });
  }
  return entries;
}

export interface Manifest {
  format: 'waypoint-data-folder';
  formatVersion: 1;
  createdAt: string;
  source: string;
  files: FileEntry[];
}

/** Differences between a manifest and the files actually present in `root`. */
export function verify(root: string, manifest: Manifest): string[] {
  const actual = new Map(listFiles(root).map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const expected of manifest.files) {
    const found = actual.get(expected.path);
    if (!found) problems.push(`missing ${expected.path}`);
    else if (found.sha256 !== expected.sha256) problems.push(`checksum differs: ${expected.path}`);
    actual.delete(expected.path);
  }
  for (const extra of actual.keys()) problems.push(`not in the manifest: ${extra}`);
  return problems;
}
