import { DestroyRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CurrentUserResponse, LiveEvent } from '@waypoint/contracts';
import { aUser } from '../auth/auth.testing';
import { AuthStore } from '../auth/auth.store';
import {
  LIVE_DEBOUNCE_MS,
  LIVE_RETRY_MIN_MS,
  LIVE_SOURCE,
  type LiveSource,
  LiveUpdatesService,
} from './live-updates.service';

class FakeSource implements LiveSource {
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: unknown): void {
    this.emitRaw(type, JSON.stringify(data));
  }
  emitRaw(type: string, data: string): void {
    const message = new MessageEvent<string>(type, { data });
    for (const listener of this.listeners.get(type) ?? []) listener(message);
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

function change(overrides: Partial<LiveEvent> = {}): LiveEvent {
  return {
    kind: 'reading',
    initiativeId: 'i1',
    id: 'r1',
    at: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('LiveUpdatesService', () => {
  let sources: FakeSource[];
  let user: ReturnType<typeof signal<CurrentUserResponse | null>>;
  let destroyed: (() => void)[];

  const latest = (): FakeSource => {
    const source = sources[sources.length - 1];
    if (!source) throw new Error('no stream opened');
    return source;
  };
  const destroyRef = (): DestroyRef =>
    ({ onDestroy: (fn: () => void) => destroyed.push(fn) }) as unknown as DestroyRef;

  function setUp(): LiveUpdatesService {
    const service = TestBed.inject(LiveUpdatesService);
    TestBed.tick();
    return service;
  }

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    destroyed = [];
    user = signal<CurrentUserResponse | null>(aUser('manager'));
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthStore, useValue: { user } },
        {
          provide: LIVE_SOURCE,
          useValue: (url: string) => {
            const source = new FakeSource(url);
            sources.push(source);
            return source;
          },
        },
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('opens /api/events while someone is signed in, and closes it on sign-out', () => {
    const service = setUp();
    expect(latest().url).toBe('/api/events');
    expect(service.status()).toBe('connecting');
    latest().open();
    expect(service.status()).toBe('open');
    user.set(null);
    TestBed.tick();
    expect(latest().closed).toBe(true);
    expect(service.status()).toBe('off');
  });

  it('opens nothing when nobody is signed in', () => {
    user.set(null);
    const service = setUp();
    expect(sources).toHaveLength(0);
    expect(service.status()).toBe('off');
  });

  it('refetches once per burst of matching changes, after the debounce', () => {
    const service = setUp();
    latest().open();
    const refetch = jest.fn();
    service.watch((e) => e.initiativeId === 'i1', refetch, { destroyRef: destroyRef() });
    latest().emit('change', change({ id: 'r1' }));
    latest().emit('change', change({ id: 'r2' }));
    latest().emit('change', change({ initiativeId: 'other', id: 'r3' }));
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS - 1);
    expect(refetch).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(service.lastEvent()).toMatchObject({ initiativeId: 'other', id: 'r3' });
  });

  it('ignores changes that do not match and malformed data', () => {
    const service = setUp();
    latest().open();
    const refetch = jest.fn();
    service.watch((e) => e.kind === 'notification', refetch, { destroyRef: destroyRef() });
    latest().emit('change', change());
    latest().emitRaw('change', '{not json');
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('stops calling a watcher once its owner is destroyed', () => {
    const service = setUp();
    latest().open();
    const refetch = jest.fn();
    service.watch(() => true, refetch, { destroyRef: destroyRef() });
    for (const fn of destroyed) fn();
    latest().emit('change', change());
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('refetches everything after a reconnect and on resync, not on the first open', () => {
    const service = setUp();
    const refetch = jest.fn();
    service.watch(() => false, refetch, { destroyRef: destroyRef() });
    latest().open();
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    expect(refetch).not.toHaveBeenCalled();
    latest().fail(false); // dropped: the browser reconnects by itself
    expect(service.status()).toBe('retrying');
    latest().open();
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    expect(refetch).toHaveBeenCalledTimes(1);
    latest().emit('resync', {});
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('when the server refuses the stream, tries again later with growing waits', () => {
    const service = setUp();
    latest().fail(true);
    expect(latest().closed).toBe(true);
    expect(service.status()).toBe('retrying');
    jest.advanceTimersByTime(LIVE_RETRY_MIN_MS - 1);
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    latest().fail(true);
    jest.advanceTimersByTime(LIVE_RETRY_MIN_MS);
    expect(sources).toHaveLength(2);
    jest.advanceTimersByTime(LIVE_RETRY_MIN_MS);
    expect(sources).toHaveLength(3);
  });
});
