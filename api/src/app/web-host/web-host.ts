import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PrecompressedAssets } from './precompressed-assets';

/** Angular's hashed output names, e.g. main-5NQKKH7X.js, chunk-ABCDEFGH.js, styles-XXXXXXXX.css. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|mjs)$/;

/**
 * Serves the built single-page app: hashed assets cached for a year, index.html never cached,
 * and deep links (paths outside /api without a file extension) answered with index.html.
 */
export class WebHost {
  private readonly indexHtml: string | null;

  constructor(private readonly webDir: string | null) {
    const indexPath = webDir ? join(webDir, 'index.html') : null;
    this.indexHtml = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  }

  get available(): boolean {
    return this.indexHtml !== null;
  }

  async register(fastify: FastifyInstance): Promise<void> {
    if (!this.webDir || !this.available) return;
    const { default: fastifyStatic } = await import('@fastify/static');
    await fastify.register(fastifyStatic, {
      root: this.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        if (HASHED_ASSET.test(filePath)) {
          void res.header('Cache-Control', 'public, max-age=31536000, immutable');
        } else if (filePath.endsWith('index.html')) {
          void res.header('Cache-Control', 'no-cache');
        } else {
          void res.header('Cache-Control', 'public, max-age=3600');
        }
      },
    });
    const assets = new PrecompressedAssets(this.webDir, HASHED_ASSET);
    // The build's .br and .gz files are read before the server listens; any others compress in
    // the background.
    const failed = (error: unknown): void => {
      fastify.log.warn({ error: String(error) }, 'the web assets could not be precompressed');
    };
    await assets.prepare().then(({ compressed }) => {
      // Not awaited: the server does not wait for the compression.
      compressed.catch(failed);
    }, failed);
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET') return;
      const picked = assets.pick(
        request.url.split('?')[0] ?? '',
        request.headers['accept-encoding'],
      );
      if (!picked) return;
      // Content-Encoding set here tells @fastify/compress the body is already compressed.
      await reply
        .header('Content-Type', picked.type)
        .header('Content-Encoding', picked.encoding)
        .header('Vary', 'Accept-Encoding')
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .send(picked.body);
    });
  }

  /** True when a 404 should be answered with the SPA (a deep link), not problem details. */
  servesFallback(request: FastifyRequest): boolean {
    if (!this.available) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return false;
    const last = path.split('/').pop() ?? '';
    return !last.includes('.');
  }

  sendIndex(reply: FastifyReply): void {
    void reply
      .status(200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(this.indexHtml);
  }
}
