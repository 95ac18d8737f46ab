import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { WebHost } from './web-host';

const request = (method: string, url: string): FastifyRequest =>
  ({ method, url }) as FastifyRequest;

describe('WebHost.servesFallback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-webhost-'));
  writeFileSync(join(dir, 'index.html'), '<wp-root></wp-root>');
  const host = new WebHost(dir);

  it.each([
    ['GET', '/', true],
    ['GET', '/initiatives/42', true],
    ['HEAD', '/portfolio?cycle=2026-Q4', true],
    ['GET', '/api', false],
    ['GET', '/api/initiatives', false],
    ['GET', '/missing.js', false],
    ['POST', '/portfolio', false],
  ])('%s %s -> %s', (method, url, expected) => {
    expect(host.servesFallback(request(method, url))).toBe(expected);
  });

  it('never falls back when no web build exists', () => {
    const none = new WebHost(join(dir, 'absent'));
    expect(none.available).toBe(false);
    expect(none.servesFallback(request('GET', '/portfolio'))).toBe(false);
  });
});
