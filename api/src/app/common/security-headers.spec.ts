import Fastify from 'fastify';
import helmet from 'helmet';
import {
  registerSecurityHeaders,
  SECURITY_HEADER_OPTIONS,
  securityHeaders,
} from './security-headers';

describe('security headers (helmet, worked out once)', () => {
  it('are the headers helmet itself sets for the same options', () => {
    const set = new Map<string, string>();
    const removed: string[] = [];
    const response = {
      setHeader: (name: string, value: string) => set.set(name, value),
      removeHeader: (name: string) => removed.push(name),
    };
    helmet(SECURITY_HEADER_OPTIONS)({} as never, response as never, () => undefined);

    expect(securityHeaders(SECURITY_HEADER_OPTIONS)).toEqual(Object.fromEntries(set));
    expect(removed).toContain('X-Powered-By');
  });

  it("carry Waypoint's content policy and no embedder policy", () => {
    const headers = securityHeaders(SECURITY_HEADER_OPTIONS);
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(headers['Cross-Origin-Embedder-Policy']).toBeUndefined();
  });

  it('are set on every answer, found or not', async () => {
    const fastify = Fastify();
    registerSecurityHeaders(fastify);
    fastify.get('/here', () => ({ ok: true }));
    for (const url of ['/here', '/not-here']) {
      const res = await fastify.inject({ url });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    await fastify.close();
  });
});
