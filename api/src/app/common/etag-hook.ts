import type { FastifyInstance } from 'fastify';
import { etagFor, versionOf } from './etag';

/**
 * Every successful answer that is one versioned resource (a body with an integer `version`)
 * carries its strong ETag, `"<version>"`. So single-resource GETs, creates and PATCHes all tell
 * the client what to send back in If-Match, without code in the handlers. A Fastify hook at
 * serialisation rather than a Nest interceptor: it costs a request nothing when the body is not
 * an object, and nothing at all in the request's pipeline.
 */
export function registerETags(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (reply.statusCode < 300 && !reply.hasHeader('ETag')) {
      const version = versionOf(payload);
      if (version !== null) void reply.header('ETag', etagFor(version));
    }
    done(null, payload);
  });
}
