import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CustomerGroupResponse,
  MeasureListItem,
  MomentHeatMapResponse,
  MomentResponse,
  Page,
} from '@waypoint/contracts';
import { CustomerGroupsApi, MeasuresApi, MomentsApi } from '../shared/api';

/** The Moments page: the heat map, and the journey of the group chosen (with its edits). */
@Injectable()
export class MomentsStore {
  private readonly api = inject(MomentsApi);
  private readonly groupsApi = inject(CustomerGroupsApi);
  private readonly measuresApi = inject(MeasuresApi);

  readonly heatMap = httpResource<MomentHeatMapResponse>(() => this.api.heatMapRequest());
  readonly groupsPage = httpResource<Page<CustomerGroupResponse>>(() =>
    this.groupsApi.listRequest({ limit: 200 }),
  );
  readonly groups = computed(() =>
    this.groupsPage.hasValue() ? this.groupsPage.value().items : [],
  );

  /** The group whose journey is shown below the heat map ('' until chosen: the first group). */
  readonly chosen = signal('');
  readonly groupId = computed(() => this.chosen() || (this.groups()[0]?.id ?? ''));
  readonly journeyPage = httpResource<Page<MomentResponse>>(() => {
    const id = this.groupId();
    return id ? this.api.listRequest({ customerGroupId: id, limit: 50 }) : undefined;
  });
  readonly journey = computed(() =>
    this.journeyPage.hasValue() ? this.journeyPage.value().items : [],
  );

  /** The measures a manager may link to a moment: loaded once a moment is being edited. */
  readonly picking = signal(false);
  readonly measuresPage = httpResource<Page<MeasureListItem>>(() =>
    this.picking() ? this.measuresApi.searchRequest({ sort: 'initiative', limit: 200 }) : undefined,
  );
  readonly measures = computed(() =>
    this.measuresPage.hasValue() ? this.measuresPage.value().items : [],
  );

  add(name: string): Promise<MomentResponse> {
    return this.api.create({ customerGroupId: this.groupId(), name });
  }

  update(
    moment: MomentResponse,
    changes: Parameters<MomentsApi['update']>[1],
  ): Promise<MomentResponse> {
    return this.api.update(moment, changes);
  }

  remove(moment: MomentResponse): Promise<void> {
    return this.api.remove(moment);
  }

  /** Moves a moment one place earlier (-1) or later (+1) along the journey. */
  move(moment: MomentResponse, by: -1 | 1): Promise<MomentResponse[]> {
    const ids = this.journey().map((m) => m.id);
    const from = ids.indexOf(moment.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(this.journey());
    [ids[from], ids[to]] = [ids[to] ?? '', ids[from] ?? ''];
    return this.api.reorder({ customerGroupId: this.groupId(), momentIds: ids });
  }

  reload(): void {
    this.heatMap.reload();
    this.journeyPage.reload();
  }
}
