import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../support/run-main';

// Real processes: the app twice on the embedded database, the backup tools, PGlite digests.
// Compiling the app from source takes minutes on a busy machine: generous limits.
jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..', '..');

/** api/src/main.ts on a data folder, with a longer start-up budget than other specs. */
function runApp(dataDir: string): {
  ready: Promise<string>;
  output: () => string;
  stop: () => Promise<number | null>;
} {
  const main = runMain(
    { WAYPOINT_DATA_DIR: dataDir, WAYPOINT_DEMO: 'true' },
    'main.ts',
    [],
    540_000,
  );
  return {
    ready: main.ready,
    output: main.output,
    stop: () => {
      main.child.kill('SIGTERM');
      return main.exited;
    },
  };
}

function tool(script: string, args: string[]): { code: number | null; out: string } {
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'scripts', 'reliability', script), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'],
        TZ: 'UTC',
        SWC_NODE_PROJECT: join(ROOT, 'scripts', 'reliability', 'tsconfig.json'),
      },
    },
  );
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

type Digest = Record<string, { rows: number; md5: string }>;

function digest(folder: string): Digest {
  const result = tool('digest.ts', [folder]);
  if (result.code !== 0) throw new Error(result.out);
  return JSON.parse(result.out.trim().split('\n').pop() ?? '{}') as Digest;
}

async function meta(url: string): Promise<{ installationId: string }> {
  return (await (await fetch(`${url}/api/meta`)).json()) as { installationId: string };
}

describe('backup and restore of the embedded data folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'wp_rel_backup_'));
  const source = join(work, 'source');
  const archive = join(work, 'backup.tar.gz');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('restores a copy with the same rows in every table, that the app starts on', async () => {
    const first = runApp(source);
    const installation = await meta(await first.ready);
    const whileRunning = tool('backup.ts', ['--data-dir', source, '--out', archive]);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.out).toMatch(/is using .*: stop it first/);
    expect(existsSync(archive)).toBe(false);
    expect(await first.stop()).toBe(0);

    const backup = tool('backup.ts', ['--data-dir', source, '--out', archive]);
    expect(backup.out).toMatch(/^backup: \d+ files/m);
    expect(backup.code).toBe(0);
    expect(readdirSync(source).sort()).toEqual(['pg']);

    const target = join(work, 'restored');
    const restored = tool('restore.ts', [archive, '--data-dir', target]);
    expect(restored.out).toMatch(/checksums verified/);
    expect(restored.code).toBe(0);
    const before = digest(source);
    expect(before['gate_decisions']?.rows).toBeGreaterThan(0);
    expect(before['readings']?.rows).toBeGreaterThan(0);
    expect(digest(target)).toEqual(before);

    const second = runApp(target);
    expect(await meta(await second.ready)).toMatchObject({
      installationId: installation.installationId,
    });
    expect(second.output()).not.toContain('demo organisation loaded');
    expect(await second.stop()).toBe(0);
  });

  it('refuses a non-empty folder without --force, and keeps the old one aside with it', () => {
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'old');
    const refused = tool('restore.ts', [archive, '--data-dir', target]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/is not empty: add --force/);
    expect(readdirSync(target)).toEqual(['keep.txt']);

    const forced = tool('restore.ts', [archive, '--data-dir', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(target)).toEqual(['pg']);
    const aside = readdirSync(work).filter((name) => name.startsWith('occupied.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(work, aside[0] ?? ''))).toEqual(['keep.txt']);
  });

  it('refuses a damaged archive and leaves nothing behind', () => {
    const damaged = join(work, 'damaged.tar.gz');
    writeFileSync(damaged, 'not a backup');
    writeFileSync(`${damaged}.sha256`, '0'.repeat(64));
    const target = join(work, 'never');
    const refused = tool('restore.ts', [damaged, '--data-dir', target]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/damaged/);
    expect(existsSync(target)).toBe(false);
  });
});
