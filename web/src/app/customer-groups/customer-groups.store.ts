import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type {
  CustomerGroupResponse,
  InitiativeListItem,
  MeasureListItem,
} from '@waypoint/contracts';
import { CustomerGroupsApi, InitiativesApi, MeasuresApi } from '../shared/api';
import { PagedList } from '../shared/paged-list';

/** How many groups one request reads (the API's largest page); more come with "Show more". */
export const GROUPS_PAGE_SIZE = 200;
/** How many initiatives or measures of the chosen group a page shows before "Show more". */
export const GROUP_ITEMS_PAGE_SIZE = 50;

/** Protected groups first, then by name. */
export function sortGroups<G extends Pick<CustomerGroupResponse, 'protected' | 'name'>>(
  groups: readonly G[],
): G[] {
  return [...groups].sort((a, b) =>
    a.protected !== b.protected ? (a.protected ? -1 : 1) : a.name.localeCompare(b.name),
  );
}

/**
 * Customer groups: every group with its intent and value proposition (one request), and for the
 * group chosen, the initiatives aimed at it and the measures aimed at it (one request each,
 * `GET /api/initiatives?customerGroupId=` and `GET /api/measures?customerGroupId=`), paged with
 * "Show more". Nothing is asked per initiative.
 */
@Injectable()
export class CustomerGroupsStore {
  private readonly customerGroupsApi = inject(CustomerGroupsApi);
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly measuresApi = inject(MeasuresApi);

  readonly groupList = new PagedList<CustomerGroupResponse>(
    (page) => this.customerGroupsApi.list(page),
    GROUPS_PAGE_SIZE,
  );
  readonly groups = computed(() => sortGroups(this.groupList.items()));

  /** The group the reader chose; the first one (protected first) until they choose. */
  private readonly chosenId = signal<string | null>(null);
  readonly selected = computed(
    () => this.groups().find((g) => g.id === this.chosenId()) ?? this.groups().at(0) ?? null,
  );
  private readonly selectedId = computed(() => this.selected()?.id ?? null);

  readonly initiatives = new PagedList<InitiativeListItem>(
    (page) =>
      this.initiativesApi.list({
        customerGroupId: this.selectedId() ?? undefined,
        sort: 'title',
        order: 'asc',
        ...page,
      }),
    GROUP_ITEMS_PAGE_SIZE,
  );

  readonly measures = new PagedList<MeasureListItem>(
    (page) =>
      this.measuresApi.search({
        customerGroupId: this.selectedId() ?? undefined,
        sort: 'initiative',
        ...page,
      }),
    GROUP_ITEMS_PAGE_SIZE,
  );

  constructor() {
    void this.groupList.reload();
    effect(() => {
      if (this.selectedId() === null) return;
      untracked(() => {
        void this.initiatives.restart();
        void this.measures.restart();
      });
    });
  }

  choose(groupId: string): void {
    this.chosenId.set(groupId);
  }

  reload(): void {
    void this.groupList.reload();
    if (this.selectedId() === null) return;
    void this.initiatives.reload();
    void this.measures.reload();
  }
}
