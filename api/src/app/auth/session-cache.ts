import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type AccessEnded, AccessEndedSignal } from '../common';
import type { SessionRow } from './credentials.repository';

/** How long an instance trusts a session lookup it made. */
export const SESSION_CACHE_MS = 5_000;
/** At most this many sessions kept (the oldest lookup goes first). */
const MAX_ENTRIES = 10_000;

interface Entry {
  row: SessionRow;
  until: number;
}

/**
 * The session lookups of this instance, kept a few seconds so a read costs one statement, not
 * two. Dropped at once when access ends (sign-out, deactivation, role change) or the user's row
 * changes, on this instance or another: AccessEndedSignal's arrivals come through the live
 * updates' LISTEN/NOTIFY channel, and when that channel was cut off everything is dropped.
 * Expiry and idle time are still checked on every request against the kept row.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  /** Moves on whenever something is forgotten: a lookup that started before is not kept. */
  private generation = 0;
  private stop: (() => void) | null = null;

  constructor(private readonly accessEnded: AccessEndedSignal) {}

  onModuleInit(): void {
    this.stop = this.accessEnded.onArrival((ended) => this.forget(ended));
  }

  onModuleDestroy(): void {
    this.stop?.();
    this.stop = null;
    this.entries.clear();
  }

  /** Pass to `set`: a lookup is kept only if nothing was forgotten while it ran. */
  get epoch(): number {
    return this.generation;
  }

  get(tokenHash: string, now: number): SessionRow | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.row;
  }

  set(tokenHash: string, row: SessionRow, now: number, epoch: number): void {
    this.entries.delete(tokenHash);
    if (epoch !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { row, until: now + SESSION_CACHE_MS });
  }

  /** Drops what `ended` names; null: everything. */
  forget(ended: AccessEnded | null): void {
    this.generation += 1;
    if (ended === null) {
      this.entries.clear();
      return;
    }
    for (const [hash, { row }] of this.entries) {
      if (
        row.userId === ended.userId &&
        (ended.credentialId === null || row.sessionId === ended.credentialId)
      ) {
        this.entries.delete(hash);
      }
    }
  }
}
