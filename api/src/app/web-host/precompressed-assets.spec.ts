import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
    await assets.prepare();
    expect(assets.size).toBe(2);
    expect(assets.pick('/tiny-ABCDEFGH.js', 'br')).toBeNull();
    expect(assets.pick('/unhashed.js', 'br')).toBeNull();
    expect(assets.pick('/favicon.ico', 'br')).toBeNull();
  });

  it('prefers brotli, falls back to gzip, and gives the same bytes back', async () => {
    const assets = new PrecompressedAssets(dir, HASHED);
    await assets.prepare();
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
