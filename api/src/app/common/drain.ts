import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

/**
 * Shutdown in two steps: from the moment the process is told to stop, new requests get 503 with
 * `Connection: close` while requests already in flight finish; then the server stops listening.
 */
export class DrainSwitch {
  private since: number | null = null;

  start(): void {
    this.since ??= Date.now();
  }

  get draining(): boolean {
    return this.since !== null;
  }

  /** Adds the onRequest hook that refuses new requests once draining. */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!this.draining) {
        done();
        return;
      }
      void reply
        .status(503)
        .header('Retry-After', '5')
        .header('Connection', 'close')
        .header('Content-Type', PROBLEM_CONTENT_TYPE)
        .send({
          ...problem(503, 'The server is shutting down. Try again in a few seconds.'),
          instance: request.url.split('?')[0],
        });
    });
  }
}
