import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CreateInitiativeRequest,
  CustomerGroupResponse,
  IdeaDetailResponse,
  InitiativeResponse,
  InitiativeTemplate,
  Page,
  SponsorResponse,
} from '@waypoint/contracts';
import { CustomerGroupsApi, IdeasApi, InitiativesApi, PlanningApi } from '../shared/api';

/** What the planning wizard (`/initiatives/new`) reads, and the create call. */
@Injectable()
export class InitiativeWizardStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly customerGroupsApi = inject(CustomerGroupsApi);
  private readonly ideasApi = inject(IdeasApi);

  /** The idea the plan is made from (`?fromIdea=`), if any. */
  readonly ideaId = signal<string | null>(null);
  readonly ideaResource = httpResource<IdeaDetailResponse>(() => {
    const id = this.ideaId();
    return id ? this.ideasApi.oneRequest(id) : undefined;
  });
  readonly idea = computed(() => (this.ideaResource.hasValue() ? this.ideaResource.value() : null));

  readonly templatesPage = httpResource<Page<InitiativeTemplate>>(() =>
    this.planningApi.templatesRequest({ limit: 50 }),
  );
  readonly templates = computed(() =>
    this.templatesPage.hasValue() ? this.templatesPage.value().items : [],
  );

  readonly groupsPage = httpResource<Page<CustomerGroupResponse>>(() =>
    this.customerGroupsApi.listRequest({ limit: 200 }),
  );
  readonly groups = computed(() =>
    this.groupsPage.hasValue() ? this.groupsPage.value().items : [],
  );

  /** Who may sponsor: the active executives. */
  readonly sponsorsPage = httpResource<Page<SponsorResponse>>(() =>
    this.planningApi.sponsorsRequest({ limit: 200 }),
  );
  readonly sponsors = computed(() =>
    this.sponsorsPage.hasValue() ? this.sponsorsPage.value().items : [],
  );

  /**
   * POST /api/initiatives. The Idempotency-Key is made once per plan by the caller, so a retry of
   * the same plan cannot create it twice. Throws the HTTP error.
   */
  create(request: CreateInitiativeRequest, idempotencyKey: string): Promise<InitiativeResponse> {
    const idea = this.ideaId();
    // From an idea: the promotion creates the initiative and links the idea to it.
    return idea
      ? this.ideasApi.promote(idea, request, idempotencyKey)
      : this.initiativesApi.create(request, idempotencyKey);
  }
}
