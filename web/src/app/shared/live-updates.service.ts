import {
  DestroyRef,
  effect,
  inject,
  Injectable,
  InjectionToken,
  signal,
  untracked,
} from '@angular/core';
import { LIVE_CHANGE_EVENT, type LiveEvent } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { LIVE_EVENTS_URL } from './api';

/** What the service needs of an EventSource (so specs can give it a fake one). */
export interface LiveSource {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** Opens the stream; null where the platform has no EventSource (server rendering, jsdom). */
export const LIVE_SOURCE = new InjectionToken<(url: string) => LiveSource | null>('LIVE_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) =>
    typeof EventSource === 'undefined' ? null : new EventSource(url),
});
/** Wait before refetching, so a burst of changes (a gate decision, a bulk move) is one refetch. */
export const LIVE_DEBOUNCE_MS = 400;
/** Backoff when the server refused the stream (EventSource gives up by itself then). */
export const LIVE_RETRY_MIN_MS = 5_000;
export const LIVE_RETRY_MAX_MS = 60_000;
const CLOSED = 2;

export type LiveStatus = 'off' | 'connecting' | 'open' | 'retrying';

interface Watcher {
  match(event: LiveEvent): boolean;
  refetch(): void;
  debounceMs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Live updates from GET /api/events while someone is signed in. Pages `watch()` the changes that
 * concern them and refetch (debounced) through their ordinary endpoints; after a reconnect or a
 * `resync` every watcher refetches, since changes may have been missed meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdatesService {
  private readonly auth = inject(AuthStore);
  private readonly createSource = inject(LIVE_SOURCE);
  private readonly watchers = new Set<Watcher>();
  private source: LiveSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private opened = false;

  readonly status = signal<LiveStatus>('off');
  /** The latest change received (for diagnostics and tests). */
  readonly lastEvent = signal<LiveEvent | null>(null);

  constructor() {
    effect(() => {
      const signedIn = this.auth.user() !== null;
      untracked(() => (signedIn ? this.connect() : this.disconnect()));
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /**
   * Calls `refetch` (debounced) for every change that `match`es, and after a reconnect. Stops
   * when the caller is destroyed (its DestroyRef), or when the returned function is called.
   */
  watch(
    match: (event: LiveEvent) => boolean,
    refetch: () => void,
    options: { debounceMs?: number; destroyRef?: DestroyRef } = {},
  ): () => void {
    const watcher: Watcher = {
      match,
      refetch,
      debounceMs: options.debounceMs ?? LIVE_DEBOUNCE_MS,
      timer: null,
    };
    this.watchers.add(watcher);
    const stop = (): void => {
      if (watcher.timer) clearTimeout(watcher.timer);
      this.watchers.delete(watcher);
    };
    (options.destroyRef ?? inject(DestroyRef)).onDestroy(stop);
    return stop;
  }

  private connect(): void {
    if (this.source || this.retryTimer) return;
    this.status.set(this.failures > 0 ? 'retrying' : 'connecting');
    const source = this.createSource(LIVE_EVENTS_URL);
    if (!source) {
      this.status.set('off');
      return;
    }
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.status.set('open');
      // Changes made while we were away were not sent: refetch what is shown.
      if (this.opened) this.refetchAll();
      this.opened = true;
    };
    source.onerror = () => {
      if (source.readyState !== CLOSED) {
        this.status.set('retrying'); // the browser reconnects by itself (retry: hint)
        return;
      }
      // Refused (signed out, too many tabs, server down): try again later, slower each time.
      source.close();
      this.source = null;
      this.status.set('retrying');
      const delay = Math.min(LIVE_RETRY_MAX_MS, LIVE_RETRY_MIN_MS * 2 ** this.failures);
      this.failures += 1;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.auth.user() !== null) this.connect();
      }, delay);
    };
    source.addEventListener(LIVE_CHANGE_EVENT, (message) => this.receive(message.data));
    source.addEventListener('resync', () => this.refetchAll());
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    this.failures = 0;
    this.opened = false;
    this.status.set('off');
  }

  private receive(data: string): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(data) as LiveEvent;
    } catch {
      return;
    }
    this.lastEvent.set(event);
    for (const watcher of this.watchers) if (watcher.match(event)) this.schedule(watcher);
  }

  private refetchAll(): void {
    for (const watcher of this.watchers) this.schedule(watcher);
  }

  private schedule(watcher: Watcher): void {
    if (watcher.timer) clearTimeout(watcher.timer);
    watcher.timer = setTimeout(() => {
      watcher.timer = null;
      watcher.refetch();
    }, watcher.debounceMs);
  }
}
