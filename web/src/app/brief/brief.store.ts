import { HttpContext } from '@angular/common/http';
import { computed, effect, inject, Injectable, resource, signal, untracked } from '@angular/core';
import type { CycleResponse, InitiativeListItem, Role } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { HANDLES_FORBIDDEN } from '../auth/auth.interceptor';
import { BriefsApi, CyclesApi, InitiativesApi } from '../shared/api';
import { PagedList } from '../shared/paged-list';

/** How many initiatives the list of briefs shows at first, and adds with "Show more". */
export const BRIEF_CHOICES_PAGE_SIZE = 50;

/** Roles that may read the portfolio (permission `portfolio.read`). */
export const PORTFOLIO_READERS: readonly Role[] = ['admin', 'executive', 'manager'];

/** The cycle running on `today` (YYYY-MM-DD), else the latest that has started, else null. */
export function currentCycle(
  cycles: readonly CycleResponse[],
  today: string,
): CycleResponse | null {
  const running = cycles.find((c) => c.startsOn <= today && today <= c.endsOn);
  if (running) return running;
  const started = cycles.filter((c) => c.startsOn <= today);
  return started.length ? started[started.length - 1] : null;
}

/** The one-page briefs: the cycles to choose from, the portfolio brief and an initiative's. */
@Injectable()
export class BriefStore {
  private readonly briefsApi = inject(BriefsApi);
  private readonly cyclesApi = inject(CyclesApi);
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly auth = inject(AuthStore);
  private readonly forbiddenHandled = new HttpContext().set(HANDLES_FORBIDDEN, true);

  readonly canReadPortfolio = computed(() => {
    const role = this.auth.role();
    return role !== null && PORTFOLIO_READERS.includes(role);
  });

  readonly cycles = resource({
    loader: async () => (await this.cyclesApi.list({ limit: 200 })).items,
  });

  /** The cycle chosen by the user; undefined: the current cycle. */
  private readonly chosen = signal<string | null | undefined>(undefined);

  readonly cycleId = computed<string | null>(() => {
    const chosen = this.chosen();
    if (chosen !== undefined) return chosen;
    const cycles = this.cycles.hasValue() ? this.cycles.value() : [];
    return currentCycle(cycles, new Date().toISOString().slice(0, 10))?.id ?? null;
  });

  private readonly initiativeSource = signal<() => string | null>(() => null);
  /** The initiative whose brief is shown; null: the portfolio brief. */
  readonly initiativeId = computed(() => this.initiativeSource()());

  /** Follows the initiative of the route (read lazily, so a signal input may be passed). */
  useInitiative(id: () => string | null): void {
    this.initiativeSource.set(id);
  }

  readonly portfolio = resource({
    params: () =>
      this.canReadPortfolio() && !this.initiativeId() && !this.cycles.isLoading()
        ? { cycleId: this.cycleId() }
        : undefined,
    loader: ({ params }) => this.briefsApi.portfolio(params.cycleId, this.forbiddenHandled),
  });

  /** The initiatives to choose a brief from, by title, page by page ("Show more"). */
  readonly initiatives = new PagedList<InitiativeListItem>(
    (page) => this.initiativesApi.list({ sort: 'title', order: 'asc', ...page }),
    BRIEF_CHOICES_PAGE_SIZE,
  );

  constructor() {
    // The choice is offered where no initiative is shown: read its first page then.
    effect(() => {
      if (this.initiativeId()) return;
      untracked(() => void this.initiatives.restart());
    });
  }

  readonly initiative = resource({
    params: () => {
      const id = this.initiativeId();
      return id && !this.cycles.isLoading() ? { id, cycleId: this.cycleId() } : undefined;
    },
    loader: ({ params }) => this.briefsApi.initiative(params.id, params.cycleId),
  });

  selectCycle(cycleId: string | null): void {
    this.chosen.set(cycleId);
  }
}
