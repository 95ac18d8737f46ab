import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CountedSql } from '../common';

/**
 * How long a computed portfolio answer may be reused (counted from when it was ready) while
 * nothing has changed. It bounds what the change check cannot see: time passing ("now",
 * staleness, the current cycle) and a write that advanced the change counter an instant before
 * it committed. An answer is thus at most this old plus the time one computation takes.
 */
export const PORTFOLIO_CACHE_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 64;
/** Serialised variants (e.g. `?limit=` values) kept per computed answer. */
const MAX_VARIANTS = 8;

interface Entry {
  version: string;
  storedAt: number;
  value: Promise<unknown>;
  /** Unique to this computation in this process: the ETag of its answers. */
  tag: string;
  json: Map<string, Buffer>;
}

/**
 * One reused answer: its ETag, and its JSON made once per variant (only when sent), as UTF-8
 * bytes: sending a string would encode it again for every request (tens of kB each for the
 * tension chart at 10,000 initiatives).
 */
export interface CachedAnswer {
  etag: string;
  json(): Buffer;
}

/**
 * Computed portfolio answers, reused while the `portfolio_changes` sequence (advanced by every
 * statement that writes a table the portfolio reads, see the PortfolioPerformance migration)
 * has not moved, for at most {@link PORTFOLIO_CACHE_MAX_AGE_MS}. One statement checks it;
 * requests that miss together share one computation. Each instance keeps its own entries and
 * checks the shared sequence, so a write through any instance (or straight into the database)
 * is seen by the next request everywhere.
 */
@Injectable()
export class PortfolioCache {
  private readonly entries = new Map<string, Entry>();
  private readonly instance = randomBytes(6).toString('base64url');
  private computations = 0;

  constructor(private readonly sql: CountedSql) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return (await this.entry(key, compute)).value as Promise<T>;
  }

  /**
   * The reused answer of `key`, shaped by `shape` for `variant` (what else the request asked,
   * e.g. its limit). Its ETag names this computation and variant: a client that sends it back in
   * If-None-Match can be answered 304 without serialising anything; the JSON is made once.
   */
  async answer<T>(
    key: string,
    compute: () => Promise<T>,
    variant: string,
    shape: (value: T) => unknown,
  ): Promise<CachedAnswer> {
    const entry = await this.entry(key, compute);
    const value = (await entry.value) as T;
    return {
      etag: `W/"${entry.tag}.${variant}"`,
      json: () => {
        const made = entry.json.get(variant);
        if (made !== undefined) return made;
        const json = Buffer.from(JSON.stringify(shape(value)), 'utf8');
        if (entry.json.size >= MAX_VARIANTS) entry.json.clear();
        entry.json.set(variant, json);
        return json;
      },
    };
  }

  private async entry(key: string, compute: () => Promise<unknown>): Promise<Entry> {
    const version = await this.version();
    const hit = this.entries.get(key);
    // storedAt is +Infinity while the computation runs: age -Infinity, so it is shared.
    if (hit && hit.version === version && Date.now() - hit.storedAt < PORTFOLIO_CACHE_MAX_AGE_MS) {
      return hit;
    }
    const value = compute();
    this.computations += 1;
    // Aged from when the answer is ready: a computation longer than the bound still gets reused.
    const entry: Entry = {
      version,
      storedAt: Number.POSITIVE_INFINITY,
      value,
      tag: `${this.instance}-${this.computations}`,
      json: new Map(),
    };
    value.then(
      () => {
        entry.storedAt = Date.now();
      },
      () => undefined,
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry;
  }

  private async version(): Promise<string> {
    const rows = await this.sql.query<{ version: string }>(
      `SELECT last_value::text || ':' || is_called::text AS version FROM portfolio_changes`,
    );
    return rows[0]?.version ?? '';
  }
}
