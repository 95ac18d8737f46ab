import type { IncomingMessage } from 'node:http';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { IMPORT_MAX_FILE_BYTES } from './reading-imports';
import { AppModule } from './app.module';
import {
  clientErrorAsProblem,
  frameworkErrorAsProblem,
  assignRequestId,
  DrainSwitch,
  registerETags,
  registerSecurityHeaders,
} from './common';
import type { AppConfig } from './config';
import { setupOpenApi } from './openapi';
import { SQL_STATEMENTS_HEADER } from './common';
import { WebHost } from './web-host';

/**
 * Builds the whole application (API, OpenAPI, SPA hosting) without listening. main.ts and the
 * integration tests both use it, so tests exercise exactly what runs in production.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  drain: DrainSwitch = new DrainSwitch(),
): Promise<NestFastifyApplication> {
  const webHost = new WebHost(config.webDir);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // While closing, the DrainSwitch hook answers new requests (problem details, Retry-After).
    return503OnClosing: false,
    genReqId: (req: IncomingMessage) => assignRequestId(req),
    frameworkErrors: frameworkErrorAsProblem,
    clientErrorHandler: clientErrorAsProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, databaseUrl, webHost }),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix('api');
  const fastify = app.getHttpAdapter().getInstance();
  // A spreadsheet of readings travels base64-encoded in its JSON body: those routes take more.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/reading-imports')) {
      route.bodyLimit = Math.max(
        config.bodyLimitBytes,
        Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4 + 4096,
      );
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', assignRequestId(request.raw));
    done();
  });
  drain.register(fastify);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/')) {
      // API answers are per person: never stored by a browser or a shared cache, unless the
      // route chose otherwise (the portfolio's `private, no-cache` with its ETag).
      if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
      if (!config.diagnostics) reply.removeHeader(SQL_STATEMENTS_HEADER);
    }
    done(null, payload);
  });
  registerSecurityHeaders(fastify);
  registerETags(fastify);
  await app.register(cookie);
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  setupOpenApi(app, config.version);
  await webHost.register(fastify);
  await app.init();
  // JSON bodies only: a form or plain-text body is refused with 415 (problem details), so a
  // cross-site form cannot post to the API and nothing reads a body it did not expect.
  fastify.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  return app;
}
