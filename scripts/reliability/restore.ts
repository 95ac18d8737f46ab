/**
 * npm run restore -- <file> [--data-dir folder] [--force]: restores a backup made by
 * `npm run backup` after checking the archive's and every file's checksum. A non-empty target
 * is replaced only with --force, and then kept aside as <folder>.before-restore-<time>.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { argsOf } from './lib/app-process';
import {
  dataDirOf,
  lockHolder,
  type Manifest,
  MANIFEST,
  sha256File,
  verify,
} from './lib/data-folder';

function fail(message: string): never {
  process.stderr.write(`restore: ${message}\n`);
  process.exit(1);
}

function main(): void {
  const argv = process.argv.slice(2);
  const file = argv.find(
    (a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--data-dir'),
  );
  if (!file) fail('usage: npm run restore -- <backup.tar.gz> [--data-dir folder] [--force]');
  const archive = resolve(file);
  const args = argsOf(argv);
  const dataDir = dataDirOf(args);
  if (!existsSync(archive)) fail(`${archive} does not exist`);
  if (existsSync(`${archive}.sha256`)) {
    const expected = readFileSync(`${archive}.sha256`, 'utf8').split(/\s+/)[0];
    if (expected !== sha256File(archive))
      fail(`${archive} does not match ${archive}.sha256: the file is damaged`);
  }
  const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (occupied && args.get('force') !== 'true') {
    fail(`${dataDir} is not empty: add --force to replace it (the old folder is kept aside)`);
  }
  const holder = existsSync(dataDir) ? lockHolder(dataDir) : null;
  if (holder !== null) fail(`Waypoint (pid ${holder}) is using ${dataDir}: stop it first`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${dataDir}.restoring-${stamp}`;
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(staging);
  let manifest: Manifest;
  try {
    execFileSync('tar', ['-xzf', archive, '-C', staging], { stdio: 'inherit' });
    manifest = JSON.parse(readFileSync(`${staging}/${MANIFEST}`, 'utf8')) as Manifest;
    if (manifest.format !== 'waypoint-data-folder') throw new Error('not a Waypoint backup');
    const problems = verify(staging, manifest);
    if (problems.length > 0) {
      throw new Error(`it does not match its manifest: ${problems.slice(0, 5).join('; ')}`);
    }
    rmSync(`${staging}/${MANIFEST}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    fail(
      `${archive} cannot be restored: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let keptAside: string | null = null;
  if (existsSync(dataDir)) {
    if (occupied) {
      keptAside = `${dataDir}.before-restore-${stamp}`;
      renameSync(dataDir, keptAside);
    } else rmSync(dataDir, { recursive: true });
  }
  renameSync(staging, dataDir);
  process.stdout.write(
    `restore: ${dataDir} now holds the backup made ${manifest.createdAt} (${manifest.files.length} files, checksums verified)` +
      (keptAside ? `; the previous folder is kept in ${keptAside}` : '') +
      '\n',
  );
}

main();
