import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../support/run-main';

// Each test starts real processes (compile, embedded database, demo): generous on a busy machine.
jest.setTimeout(150_000);

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'wp-start-'));

async function stop(main: ReturnType<typeof runMain>): Promise<number | null> {
  main.child.kill('SIGTERM');
  return main.exited;
}

describe('start-up on the embedded database', () => {
  it('keeps data across restarts and shuts down cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const first = runMain({ WAYPOINT_DATA_DIR: dataDir });
    const url = await first.ready;
    expect(first.output()).toContain(`data in ${dataDir}`);
    const meta1 = (await (await fetch(`${url}/api/meta`)).json()) as {
      installationId: string;
      demo: boolean;
    };
    expect(meta1.demo).toBe(true);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('Waypoint stopped cleanly');

    const second = runMain({ WAYPOINT_DATA_DIR: dataDir });
    const url2 = await second.ready;
    const meta2 = (await (await fetch(`${url2}/api/meta`)).json()) as { installationId: string };
    expect(meta2.installationId).toBe(meta1.installationId);
    expect(second.output()).not.toContain('demo organisation loaded');
    expect(await stop(second)).toBe(0);
  });

  it('skips the demo with WAYPOINT_DEMO=false', async () => {
    const main = runMain({ WAYPOINT_DATA_DIR: tempDir(), WAYPOINT_DEMO: 'false' });
    const url = await main.ready;
    const meta = (await (await fetch(`${url}/api/meta`)).json()) as { demo: boolean };
    expect(meta.demo).toBe(false);
    expect(await stop(main)).toBe(0);
  });

  it('refuses a data folder held by another running Waypoint', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'waypoint.lock'), String(process.pid));
    const main = runMain({ WAYPOINT_DATA_DIR: dataDir });
    expect(await main.exited).toBe(1);
    expect(main.output().trim()).toMatch(
      /^waypoint: cannot start: the data folder .* is in use by another Waypoint process/,
    );
  });
});

describe('start-up errors are one line that says what to fix', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a malformed DATABASE_URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [
      'a DATABASE_URL of another scheme',
      { DATABASE_URL: 'mysql://x@localhost/db' },
      /must start with postgres:\/\//,
    ],
    [
      'an unreachable database',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/waypoint' },
      /nothing answers at postgres:\/\/postgres@127\.0\.0\.1:1\/waypoint/,
    ],
    ['an invalid PORT', { PORT: 'eighty' }, /invalid configuration: PORT="eighty"/],
    ['an invalid WAYPOINT_DEMO', { WAYPOINT_DEMO: 'maybe' }, /WAYPOINT_DEMO="maybe"/],
  ];

  it.each(cases)('%s', async (_name, env, message) => {
    const main = runMain({ WAYPOINT_DATA_DIR: tempDir(), ...env });
    expect(await main.exited).toBe(1);
    const lines = main.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^waypoint: cannot start: /);
    expect(lines[0]).toMatch(message);
    expect(main.output()).not.toMatch(/\n\s+at /);
  });

  it('a data folder that cannot be written', async () => {
    // A file where the folder should be fails for every user, root included.
    const blocked = tempDir();
    writeFileSync(join(blocked, 'data'), 'a file, not a folder');
    const main = runMain({ WAYPOINT_DATA_DIR: join(blocked, 'data') });
    expect(await main.exited).toBe(1);
    expect(main.output().trim()).toMatch(
      /^waypoint: cannot start: the data folder .* cannot be written \(E[A-Z]+\): fix its permissions or set WAYPOINT_DATA_DIR/,
    );
  });
});
