import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The API runs with two glibc malloc arenas wherever it runs: the image sets MALLOC_ARENA_MAX,
 * and `npm start`, `npm run bench` and `npm run soak` read the image's line, so the bench
 * measures the memory of what ships (docs/performance.md, "Under 300 MB").
 */
describe('the malloc arenas the API runs with', () => {
  it('are set by the image and read from it by the scripts that start the API', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENV MALLOC_ARENA_MAX=2$/m);
    // What the bench and the soak start the app with (scripts/lib, outside every project).
    const read = execFileSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        "process.stdout.write(require('./scripts/lib/production-build').productionMallocArenas())",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'scripts', 'perf', 'tsconfig.json') },
        encoding: 'utf8',
      },
    );
    expect(read).toBe('2');
    const start = readFileSync(join(ROOT, 'scripts', 'start.mjs'), 'utf8');
    expect(start).toContain('/^ENV MALLOC_ARENA_MAX=(\\d+)$/m');
  });
});
