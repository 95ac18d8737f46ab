import type { FastifyInstance } from 'fastify';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config';
import { requestIdOf } from './request-id';

/**
 * Structured JSON logs through pino (nestjs-pino is Nest's logger). No per-request middleware:
 * pino-http's made a child logger and entered an AsyncLocalStorage context for every request,
 * a tenth of a request's allocations whether or not anything was logged. The request line is
 * {@link registerRequestLog}'s; the errors of a request carry its id explicitly (the filter).
 */
export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [],
    pinoHttp: { level: config.logLevel },
  };
}

/** The level of a request's line: error for a 5xx, warn for a 4xx, info otherwise. */
export function requestLogLevel(statusCode: number): 'error' | 'warn' | 'info' {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One line per answered request (not the health check): its id (also sent as X-Request-Id),
 * method, URL, status and response time. Nothing is built when the level is off. The logger is
 * looked up per request: nestjs-pino makes its root logger when the app initialises, after the
 * hooks are registered.
 */
export function registerRequestLog(
  fastify: FastifyInstance,
  loggerOf: () => PinoBaseLogger | undefined,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const statusCode = reply.statusCode;
    const level = requestLogLevel(statusCode);
    const logger = loggerOf();
    if (logger && request.url !== '/api/health' && logger.isLevelEnabled(level)) {
      const id = requestIdOf(request.raw);
      logger[level](
        // Flat keys: pino's standard serializers would rework objects named req and res.
        {
          requestId: id,
          method: request.method,
          url: request.url,
          statusCode,
          responseTime: Math.round(reply.elapsedTime),
        },
        statusCode >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}

/** What the request log needs of a pino logger. */
export interface PinoBaseLogger {
  isLevelEnabled(level: string): boolean;
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}
