import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CustomerGroupResponse,
  IdeaResponse,
  IdeaStatus,
  MomentResponse,
  Page,
  SubmitIdeaRequest,
} from '@waypoint/contracts';
import { CustomerGroupsApi, IdeasApi, MomentsApi } from '../shared/api';

/** How many ideas the list and the chart show. */
export const IDEAS_SHOWN = 100;

/** The Ideas page: the backlog (by status), the open ideas for the chart, and the submit form's lists. */
@Injectable()
export class IdeasStore {
  private readonly api = inject(IdeasApi);
  private readonly groupsApi = inject(CustomerGroupsApi);
  private readonly momentsApi = inject(MomentsApi);

  /** The status shown in the list; '' for every idea. */
  readonly status = signal<IdeaStatus | ''>('open');

  readonly list = httpResource<Page<IdeaResponse>>(() =>
    this.api.listRequest({
      ...(this.status() ? { status: this.status() as IdeaStatus } : {}),
      limit: IDEAS_SHOWN,
    }),
  );
  readonly ideas = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  readonly total = computed(() => (this.list.hasValue() ? this.list.value().total : 0));

  readonly open = httpResource<Page<IdeaResponse>>(() =>
    this.api.listRequest({ status: 'open', limit: IDEAS_SHOWN }),
  );
  readonly openIdeas = computed(() => (this.open.hasValue() ? this.open.value().items : []));

  readonly groupsPage = httpResource<Page<CustomerGroupResponse>>(() =>
    this.groupsApi.listRequest({ limit: 200 }),
  );
  readonly groups = computed(() =>
    this.groupsPage.hasValue() ? this.groupsPage.value().items : [],
  );
  readonly momentsPage = httpResource<Page<MomentResponse>>(() =>
    this.momentsApi.listRequest({ limit: 200 }),
  );
  readonly moments = computed(() =>
    this.momentsPage.hasValue() ? this.momentsPage.value().items : [],
  );

  submit(request: SubmitIdeaRequest, idempotencyKey: string): Promise<IdeaResponse> {
    return this.api.submit(request, idempotencyKey);
  }

  reload(): void {
    this.list.reload();
    this.open.reload();
  }
}
