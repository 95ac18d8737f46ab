import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oneByte } from './one-byte-sources';

const ROOT = join(__dirname, '..', '..');

describe('oneByte', () => {
  it('escapes the characters beyond Latin-1 and keeps the others', () => {
    expect(oneByte('caf\u00e9 \u2014 \ud83d\ude00')).toBe('caf\u00e9 \\u2014 \\ud83d\\ude00');
    const ascii = 'nothing to do';
    expect(oneByte(ascii)).toBe(ascii);
  });
});

// A dependency of 1 MB of comment and one dash, and literals beyond Latin-1. Its function keeps
// the source alive, as a library's functions do.
const FIXTURE = `// ${'x'.repeat(1 << 20)}
// one dash \u2014 in a comment
module.exports = {
  text: 'a \u2014 b',
  template: \`c \u2713 \${1 + 1}\`,
  pattern: /^[\u2013\u2014]\ud83d\ude00$/u.test('\u2014\ud83d\ude00'),
  emoji: '\ud83d\ude00'.length,
  keep: () => undefined,
};
`;

/** What loading the fixture adds to the heap (MB) and its exports, in a new Node process. */
function load(withHook: boolean): { grew: number; exports: unknown } {
  const folder = join(mkdtempSync(join(tmpdir(), 'wp-one-byte-')), 'node_modules', 'fixture');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.js'), FIXTURE, 'utf8');
  const script = `
    ${withHook ? `require(${JSON.stringify(join(__dirname, 'one-byte-sources.ts'))});` : ''}
    gc();
    const before = process.memoryUsage().heapUsed;
    const loaded = require(${JSON.stringify(join(folder, 'index.js'))});
    gc();
    const grew = (process.memoryUsage().heapUsed - before) / 1048576;
    process.stdout.write(JSON.stringify({ grew, exports: loaded }));`;
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '-r', '@swc-node/register', '-e', script],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'api', 'tsconfig.app.json') },
      encoding: 'utf8',
    },
  );
  return JSON.parse(output) as { grew: number; exports: unknown };
}

describe('dependencies compiled from one-byte sources', () => {
  jest.setTimeout(60_000);

  it('keep a source with a character beyond Latin-1 at one byte a character, meaning the same', () => {
    const exports = { text: 'a \u2014 b', template: 'c \u2713 2', pattern: true, emoji: 2 };
    const plain = load(false);
    const hooked = load(true);
    expect(plain.exports).toEqual(exports);
    expect(hooked.exports).toEqual(exports);
    // 1 MB of source: two bytes a character without the hook, one with it.
    expect(plain.grew).toBeGreaterThan(1.9);
    expect(hooked.grew).toBeLessThan(1.4);
  });
});
