import Fastify from 'fastify';
import { registerRequestLog, requestLogLevel } from './logging';
import { assignRequestId } from './request-id';

describe('the request log (one line per answered request)', () => {
  function recorder(enabled: readonly string[]) {
    const lines: Array<{ level: string; object: Record<string, unknown>; message: string }> = [];
    const line = (level: string) => (object: object, message: string) =>
      lines.push({ level, object: object as Record<string, unknown>, message });
    return {
      lines,
      logger: {
        isLevelEnabled: (level: string) => enabled.includes(level),
        info: line('info'),
        warn: line('warn'),
        error: line('error'),
      },
    };
  }

  async function serve(logger: ReturnType<typeof recorder>['logger']) {
    const fastify = Fastify({ genReqId: (req) => assignRequestId(req) });
    registerRequestLog(fastify, () => logger);
    fastify.get('/api/ok', () => ({ ok: true }));
    fastify.get('/api/health', () => ({ status: 'ok' }));
    fastify.get('/api/broken', () => {
      throw new Error('broken');
    });
    return fastify;
  }

  it('logs the id, method, URL, status and time, at the level the status calls for', async () => {
    const { lines, logger } = recorder(['info', 'warn', 'error']);
    const fastify = await serve(logger);
    await fastify.inject({ url: '/api/ok', headers: { 'x-request-id': 'r-1' } });
    await fastify.inject({ url: '/api/missing?x=1' });
    await fastify.inject({ url: '/api/broken' });
    await fastify.close();

    expect(lines.map((l) => [l.level, l.message, l.object.statusCode])).toEqual([
      ['info', 'request completed', 200],
      ['warn', 'request completed', 404],
      ['error', 'request errored', 500],
    ]);
    expect(lines[0]?.object).toMatchObject({
      requestId: 'r-1',
      method: 'GET',
      url: '/api/ok',
      responseTime: expect.any(Number),
    });
    expect(lines[1]?.object.url).toBe('/api/missing?x=1');
  });

  it('leaves out the health check and whatever its level turns off', async () => {
    const { lines, logger } = recorder(['warn', 'error']);
    const fastify = await serve(logger);
    await fastify.inject({ url: '/api/health' });
    await fastify.inject({ url: '/api/ok' });
    await fastify.inject({ url: '/api/missing' });
    await fastify.close();
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('maps statuses to levels', () => {
    expect([200, 304, 400, 499, 500, 503].map(requestLogLevel)).toEqual([
      'info',
      'info',
      'warn',
      'warn',
      'error',
      'error',
    ]);
  });
});
