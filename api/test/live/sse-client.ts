import type { LiveEvent } from '@waypoint/contracts';
import type { Session } from '../support/auth';

export interface SseFrame {
  event: string;
  id: string | null;
  data: string;
}

/** A GET /api/events reader for tests: collects frames, waits for the ones it needs. */
export interface SseClient {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  /** Comment lines (": ping") and the retry hint, as received. */
  raw(): string;
  /** Resolves with the first `change` event that matches, or rejects after `timeoutMs`. */
  next(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  changes(): LiveEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseFrame(block: string): SseFrame | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length > 0 ? { event, id, data: data.join('\n') } : null;
}

export async function openEvents(
  baseUrl: string,
  session: Session | null,
  headers: Record<string, string> = {},
  path = '/api/events',
): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}${path}`, {
    headers: { ...(session?.headers ?? {}), Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  let text = '';
  const waiters = new Set<() => void>();
  const changes = (): LiveEvent[] =>
    frames.filter((f) => f.event === 'change').map((f) => JSON.parse(f.data) as LiveEvent);
  const ended = (async () => {
    if (!res.body || res.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const piece = decoder.decode(value, { stream: true });
        text += piece;
        buffer += piece;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const frame = parseFrame(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (frame) frames.push(frame);
          cut = buffer.indexOf('\n\n');
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  const client: SseClient = {
    status: res.status,
    headers: res.headers,
    frames,
    raw: () => text,
    changes,
    ended,
    close: () => abort.abort(),
    next: (match, timeoutMs = 15_000) =>
      new Promise<LiveEvent>((resolve, reject) => {
        const check = (): boolean => {
          const found = changes().find(match);
          if (!found) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching live event in ${timeoutMs} ms; got ${text}`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
  };
  return client;
}

/** Waits for the `ready` frame: from then on the stream receives every change. */
export async function ready(client: SseClient, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!client.frames.some((f) => f.event === 'ready')) {
    if (Date.now() - started > timeoutMs) throw new Error(`stream not ready: ${client.raw()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
