import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/**
 * A real HTTP server in the test process that receives webhooks, as a receiver (or Slack, or
 * Teams) would, for the API's integration specs and the browser specs: it keeps every request (path, headers, raw body, when) and answers each path with
 * the statuses it is told (200 once they run out).
 */

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it came (what the signature covers). */
  raw: string;
  body: Record<string, unknown>;
  /** Date.now() when it arrived. */
  at: number;
}

export interface WebhookReceiver {
  port: number;
  /** http://127.0.0.1:<port><path> */
  url(path: string): string;
  received: ReceivedWebhook[];
  /** The next requests to `path` answer these statuses, in order. */
  answer(path: string, ...statuses: number[]): void;
  /** Waits until `count` requests matching `match` have arrived (up to `timeoutMs`). */
  waitFor(
    match: (request: ReceivedWebhook) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Whether Waypoint-Signature is HMAC-SHA256 of `<Waypoint-Timestamp>.<raw body>` with `secret`. */
export function signatureVerifies(request: ReceivedWebhook, secret: string): boolean {
  const timestamp = String(request.headers['waypoint-timestamp'] ?? '');
  const signature = String(request.headers['waypoint-signature'] ?? '');
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.raw}`).digest('hex')}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return timestamp !== '' && a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebhookReceiver(
  options: { port?: number } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripted = new Map<string, number[]>();
  const waiters = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = {};
      }
      received.push({ path, headers: request.headers, raw, body, at: Date.now() });
      const status = scripted.get(path)?.shift() ?? 200;
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status < 300 ? 'ok' : 'receiver down');
      for (const wake of waiters) wake();
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer(path, ...statuses) {
      scripted.set(path, [...(scripted.get(path) ?? []), ...statuses]);
    },
    waitFor(match, count = 1, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = received.filter(match);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fewer than ${count} matching webhooks in ${timeoutMs} ms; got: ${JSON.stringify(
                received.map((r) => [r.path, r.headers['waypoint-event']]),
              )}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
