import { computed, signal } from '@angular/core';
import type { Page } from '@waypoint/contracts';

/** Fetches one page of a list: `limit` items from `offset`. */
export type PageFetch<T> = (page: { limit: number; offset: number }) => Promise<Page<T>>;

/**
 * A list read page by page from one paged endpoint: the first page on `reload()`, the next on
 * `loadMore()`, with the total the API reports, so a place shows "more" instead of stopping at
 * a silent cap. A reload fetches again as many items as were shown (page by page), and an answer
 * that arrives after a newer reload started is dropped.
 */
export class PagedList<T> {
  private readonly state = signal<{ items: T[]; total: number } | null>(null);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<unknown>(undefined);
  private generation = 0;

  readonly items = computed(() => this.state()?.items ?? []);
  readonly total = computed(() => this.state()?.total ?? 0);
  /** How many match beyond those loaded. */
  readonly remaining = computed(() => Math.max(0, this.total() - this.items().length));
  readonly hasMore = computed(() => this.remaining() > 0);
  readonly isLoading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasValue = computed(() => this.state() !== null);

  constructor(
    private readonly fetch: PageFetch<T>,
    readonly pageSize: number,
  ) {}

  /** From the first page, forgetting what was shown (the query changed). */
  restart(): Promise<void> {
    this.generation++;
    this.state.set(null);
    return this.reload();
  }

  /** The first page again, or as many pages as were shown. */
  async reload(): Promise<void> {
    const shown = Math.max(this.pageSize, this.items().length);
    const generation = ++this.generation;
    this.loadingState.set(true);
    this.errorState.set(undefined);
    try {
      const items: T[] = [];
      let total = 0;
      do {
        const page = await this.fetch({ limit: this.pageSize, offset: items.length });
        if (generation !== this.generation) return;
        items.push(...page.items);
        total = page.total;
        if (page.items.length === 0) break;
      } while (items.length < Math.min(shown, total));
      this.state.set({ items, total });
    } catch (error) {
      if (generation === this.generation) this.errorState.set(error);
    } finally {
      if (generation === this.generation) this.loadingState.set(false);
    }
  }

  /** The next page, appended. */
  async loadMore(): Promise<void> {
    const current = this.state();
    if (!current || this.loadingState()) return;
    const generation = this.generation;
    this.loadingState.set(true);
    this.errorState.set(undefined);
    try {
      const page = await this.fetch({ limit: this.pageSize, offset: current.items.length });
      if (generation !== this.generation) return;
      this.state.set({ items: [...current.items, ...page.items], total: page.total });
    } catch (error) {
      if (generation === this.generation) this.errorState.set(error);
    } finally {
      if (generation === this.generation) this.loadingState.set(false);
    }
  }

  /** Changes the loaded items in place (a step saved from the list). */
  update(change: (items: T[]) => T[]): void {
    const current = this.state();
    if (current) this.state.set({ ...current, items: change(current.items) });
  }
}
