import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CreateInitiativeRequest,
  CustomerGroupResponse,
  IdeaDetailResponse,
  InitiativeMoneyResponse,
  InitiativeResponse,
  InitiativeTemplate,
  MetaResponse,
  Page,
  PutMoneyPlanRequest,
  SponsorResponse,
} from '@waypoint/contracts';
import {
  CustomerGroupsApi,
  IdeasApi,
  InitiativesApi,
  MetaApi,
  MoneyApi,
  PlanningApi,
} from '../shared/api';

/** What the planning wizard (`/initiatives/new`) reads, and the create call. */
@Injectable()
export class InitiativeWizardStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly customerGroupsApi = inject(CustomerGroupsApi);
  private readonly ideasApi = inject(IdeasApi);
  private readonly moneyApi = inject(MoneyApi);
  private readonly metaApi = inject(MetaApi);

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

  /** The organisation's currency, for the money case (null until known). */
  readonly metaResource = httpResource<MetaResponse>(() => this.metaApi.metaRequest());
  readonly currency = computed(() =>
    this.metaResource.hasValue() ? this.metaResource.value().currency : null,
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

  /**
   * PUT /api/initiatives/:id/money without If-Match: the money case of the initiative just
   * created (as the money editor of the initiative writes it). Throws the HTTP error.
   */
  putMoney(initiativeId: string, request: PutMoneyPlanRequest): Promise<InitiativeMoneyResponse> {
    return this.moneyApi.putPlan(initiativeId, request, null);
  }
}
