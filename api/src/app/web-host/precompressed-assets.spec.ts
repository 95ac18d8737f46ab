import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { acceptedCodings, PrecompressedAssets } from './precompressed-assets';

const HASHED = /-[A-Z0-9]{8}\.(?:js|css|mjs)$/;

describe('acceptedCodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['gzip, deflate, br, zstd', ['gzip', 'deflate', 'br', 'zstd']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['GZIP ; q=1', ['gzip']],
  ])('%s -> %j', (header, expected) => {
    expect([...acceptedCodings(header)]).toEqual(expected);
  });
});

describe('PrecompressedAssets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-assets-'));
  const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
  writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
  writeFileSync(join(dir, 'styles-ABCDEFGH.css'), `body { margin: 0; }\n`.repeat(200));
  writeFileSync(join(dir, 'tiny-ABCDEFGH.js'), 'export {};\n');
  writeFileSync(join(dir, 'favicon.ico'), Buffer.alloc(4000, 1));
  writeFileSync(join(dir, 'unhashed.js'), script);

  it('serves nothing before it is prepared', () => {
    const assets = new PrecompressedAssets(dir, HASHED);
    expect(assets.pick('/main-ABCDEFGH.js', 'br')).toBeNull();
  });

  it('compresses only hashed scripts and styles worth compressing', async () => {
    const assets = new PrecompressedAssets(dir, HASHED);
    const { compressed, ...found } = await assets.prepare();
    expect(found).toEqual({ prebuilt: 0, compressing: 2 });
    expect(assets.size).toBe(0);
    await compressed;
    expect(assets.size).toBe(2);
    expect(assets.pick('/tiny-ABCDEFGH.js', 'br')).toBeNull();
    expect(assets.pick('/unhashed.js', 'br')).toBeNull();
    expect(assets.pick('/favicon.ico', 'br')).toBeNull();
  });

  it('prefers brotli, falls back to gzip, and gives the same bytes back', async () => {
    const assets = new PrecompressedAssets(dir, HASHED);
    await (
      await assets.prepare()
    ).compressed;
    const br = assets.pick('/main-ABCDEFGH.js', 'gzip, deflate, br');
    expect(br?.encoding).toBe('br');
    expect(br?.type).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(script);
    expect(br?.body.length).toBeLessThan(script.length / 10);
    const gz = assets.pick('/main-ABCDEFGH.js', 'gzip');
    expect(gz?.encoding).toBe('gzip');
    expect(gunzipSync(gz?.body ?? Buffer.alloc(0)).toString()).toBe(script);
    expect(assets.pick('/styles-ABCDEFGH.css', 'br;q=0, gzip')?.type).toBe(
      'text/css; charset=utf-8',
    );
    expect(assets.pick('/main-ABCDEFGH.js', 'identity')).toBeNull();
    expect(assets.pick('/main-ABCDEFGH.js', undefined)).toBeNull();
  });
});

describe('PrecompressedAssets with the files the build wrote', () => {
  const script = `export const answer = ${JSON.stringify('built '.repeat(2000))};\n`;

  it('serves the .br and .gz beside a file and compresses only the files without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wp-assets-built-'));
    writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
    // Not what compressing main-ABCDEFGH.js gives: proves these bytes are the ones served.
    const builtBr = brotliCompressSync('from the build (br)');
    const builtGz = gzipSync('from the build (gzip)');
    writeFileSync(join(dir, 'main-ABCDEFGH.js.br'), builtBr);
    writeFileSync(join(dir, 'main-ABCDEFGH.js.gz'), builtGz);
    writeFileSync(join(dir, 'chunk-ABCDEFGH.js'), script);
    writeFileSync(join(dir, 'chunk-ABCDEFGH.js.br'), builtBr); // no .gz: compressed here
    writeFileSync(join(dir, 'tiny-ABCDEFGH.js'), 'export {};\n');
    const assets = new PrecompressedAssets(dir, HASHED);
    const { compressed, ...found } = await assets.prepare();
    expect(found).toEqual({ prebuilt: 1, compressing: 1 });
    // The build's files are ready at once; the others once compressed.
    expect(assets.pick('/main-ABCDEFGH.js', 'br')?.body).toEqual(builtBr);
    expect(assets.pick('/chunk-ABCDEFGH.js', 'br')).toBeNull();
    await compressed;
    expect(assets.pick('/main-ABCDEFGH.js', 'br')?.body).toEqual(builtBr);
    expect(assets.pick('/main-ABCDEFGH.js', 'gzip')?.body).toEqual(builtGz);
    const chunk = assets.pick('/chunk-ABCDEFGH.js', 'br');
    expect(brotliDecompressSync(chunk?.body ?? Buffer.alloc(0)).toString()).toBe(script);
    expect(assets.pick('/tiny-ABCDEFGH.js', 'br')).toBeNull();
  });

  it('needs no start-up compression after the build step (scripts/precompress-web.mjs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wp-assets-step-'));
    writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(dir, 'styles-ABCDEFGH.css'), `body { margin: 0; }\n`.repeat(200));
    writeFileSync(join(dir, 'tiny-ABCDEFGH.js'), 'export {};\n');
    writeFileSync(join(dir, 'index.html'), '<wp-root></wp-root>'.repeat(100));
    const step = spawnSync(
      process.execPath,
      [join(__dirname, '../../../../scripts/precompress-web.mjs'), dir],
      { encoding: 'utf8' },
    );
    expect(step.stderr).toBe('');
    expect(step.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'index.html',
      'main-ABCDEFGH.js',
      'main-ABCDEFGH.js.br',
      'main-ABCDEFGH.js.gz',
      'styles-ABCDEFGH.css',
      'styles-ABCDEFGH.css.br',
      'styles-ABCDEFGH.css.gz',
      'tiny-ABCDEFGH.js',
    ]);
    const assets = new PrecompressedAssets(dir, HASHED);
    const { compressed, ...found } = await assets.prepare();
    expect(found).toEqual({ prebuilt: 2, compressing: 0 });
    await compressed;
    const br = assets.pick('/main-ABCDEFGH.js', 'br');
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(script);
    expect(br?.body.length).toBeLessThan(script.length / 10);
    const gz = assets.pick('/styles-ABCDEFGH.css', 'gzip');
    expect(gunzipSync(gz?.body ?? Buffer.alloc(0)).toString()).toContain('body { margin: 0; }');
  });
});
