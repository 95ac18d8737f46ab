import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { useTestApp } from '../support/use-test-app';

function makeWebDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wp-web-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Waypoint</title><wp-root></wp-root>',
  );
  writeFileSync(join(dir, 'main-ABCD2345.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.ico'), 'icon');
  return dir;
}

describe('foundation: health, problem details, OpenAPI, SPA hosting', () => {
  const t = useTestApp({ webDir: makeWebDir(), env: { WAYPOINT_DEMO: 'true' } });

  it('answers liveness with the version and a request id', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', version: '0.0.0-test' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const safe = await fetch(`${t.baseUrl}/api/health`, {
      headers: { 'X-Request-Id': 'trace-42.a' },
    });
    expect(safe.headers.get('x-request-id')).toBe('trace-42.a');
    const unsafe = await fetch(`${t.baseUrl}/api/health`, {
      headers: { 'X-Request-Id': '<script>alert(1)</script>' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness with the database kind', async () => {
    const res = await fetch(`${t.baseUrl}/api/health/ready`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      database: { kind: string; reachable: boolean };
    };
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ kind: t.databaseKind, reachable: true });
  });

  it('applied the migrations and loaded the demo organisation once', async () => {
    const migrations = await t.sql.query<{ name: string }>(
      'SELECT name FROM migrations ORDER BY id',
    );
    expect(migrations.rows.map((r) => r.name)).toContain('Foundation1764000000000');
    const departments = await t.sql.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM departments',
    );
    expect(Number(departments.rows[0]?.n)).toBeGreaterThanOrEqual(3);
    const groups = await t.sql.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM customer_groups WHERE protected',
    );
    expect(groups.rows[0]?.n).toBe('1');
    const meta = (await (await fetch(`${t.baseUrl}/api/meta`)).json()) as {
      demo: boolean;
      installationId: string;
      currency: string;
    };
    expect(meta.demo).toBe(true);
    // The organisation's currency, for forms that take money before any amount exists.
    expect(meta.currency).toBe('GBP');
    expect(meta.installationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with problem details and no internals', async () => {
    const res = await fetch(`${t.baseUrl}/api/does-not-exist`, {
      headers: { 'X-Request-Id': 'r-404' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/api/does-not-exist',
      requestId: 'r-404',
    });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.js|node_modules/);
  });

  it('sets security headers', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('publishes OpenAPI as JSON and as a UI, compressed when asked', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/health/ready', '/api/meta']),
    );
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('compresses large JSON answers with gzip', async () => {
    const http = await import('node:http');
    const { body, encoding } = await new Promise<{ body: Buffer; encoding: string | undefined }>(
      (resolve, reject) => {
        http
          .get(`${t.baseUrl}/api/docs-json`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }),
            );
          })
          .on('error', reject);
      },
    );
    expect(encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toHaveProperty('openapi');
  });

  it('serves the SPA: index without caching, hashed assets for a year, deep links to index', async () => {
    const root = await fetch(`${t.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect(await root.text()).toContain('<wp-root>');

    const asset = await fetch(`${t.baseUrl}/main-ABCD2345.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const deep = await fetch(`${t.baseUrl}/initiatives/42/milestones`, {
      headers: { Accept: 'text/html' },
    });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toContain('<wp-root>');

    const missingFile = await fetch(`${t.baseUrl}/missing-file.js`);
    expect(missingFile.status).toBe(404);
  });
});
