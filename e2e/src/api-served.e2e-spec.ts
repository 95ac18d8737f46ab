import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { server } from './support/browser';
import { ROOT } from './support/paths';

/** A GET whose body comes back as sent (fetch would decode it). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('the production server', () => {
  it('serves the API and the OpenAPI document beside the app', async () => {
    const { baseUrl } = server();
    const ready = await fetch(`${baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    const docs = await fetch(`${baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
  });

  it('caches hashed assets for a year and index.html never', async () => {
    const { baseUrl } = server();
    const index = await fetch(`${baseUrl}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl}/${script ?? ''}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("sends the build's precompressed files (web:build writes a .br and a .gz beside each script)", async () => {
    const { baseUrl } = server();
    const html = await (await fetch(`${baseUrl}/`)).text();
    const script = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1] ?? 'main.js';
    const built = join(ROOT, 'dist', 'web', 'browser', script);
    const br = await rawGet(`${baseUrl}/${script}`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(readFileSync(`${built}.br`))).toBe(true);
    const gzip = await rawGet(`${baseUrl}/${script}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(readFileSync(`${built}.gz`))).toBe(true);
  });

  it('runs from a minified bundle that keeps class names (api/webpack.config.js)', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'api', 'main.js'), 'utf8');
    expect(bundle).not.toContain('webpackBootstrap');
    expect(bundle.split('\n').length).toBeLessThan(100);
    expect(bundle).toMatch(/\bclass InitiativesService\b/);
  });
});
