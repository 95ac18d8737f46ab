/**
 * npm run backup [-- --out file] [--data-dir folder]: a consistent copy of the embedded
 * database's data folder while Waypoint is stopped: a .tar.gz holding the folder and a manifest
 * (SHA-256 of every file), and beside it <file>.sha256 for the archive itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { argsOf } from './lib/app-process';
import {
  dataDirOf,
  listFiles,
  lockHolder,
  LOCK_FILE,
  type Manifest,
  MANIFEST,
  sha256File,
  takeLock,
} from './lib/data-folder';

function fail(message: string): never {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(1);
}

function main(): void {
  const args = argsOf(process.argv.slice(2));
  const dataDir = dataDirOf(args);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(args.get('out') ?? `waypoint-backup-${stamp}.tar.gz`);
  if (!existsSync(`${dataDir}/pg`))
    fail(
      `${dataDir} holds no embedded database (no pg folder): set --data-dir or WAYPOINT_DATA_DIR`,
    );
  const holder = lockHolder(dataDir);
  if (holder !== null)
    fail(`Waypoint (pid ${holder}) is using ${dataDir}: stop it first, then back up`);
  if (existsSync(out) && args.get('force') !== 'true')
    fail(`${out} exists: choose another --out or add --force`);
  takeLock(dataDir);
  try {
    const manifest: Manifest = {
      format: 'waypoint-data-folder',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      source: dataDir,
      files: listFiles(dataDir),
    };
    writeFileSync(`${dataDir}/${MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('tar', ['-czf', out, '-C', dataDir, '--exclude', LOCK_FILE, MANIFEST, 'pg'], {
      stdio: 'inherit',
    });
    const digest = sha256File(out);
    writeFileSync(`${out}.sha256`, `${digest}  ${out.split('/').pop() ?? out}\n`);
    const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
    process.stdout.write(
      `backup: ${manifest.files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MiB) of ${dataDir} -> ${out}\nsha256 ${digest} (also in ${out}.sha256)\n`,
    );
  } finally {
    rmSync(`${dataDir}/${MANIFEST}`, { force: true });
    rmSync(`${dataDir}/${LOCK_FILE}`, { force: true });
  }
}

main();
