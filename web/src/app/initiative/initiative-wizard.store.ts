import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import type {
  CreateInitiativeRequest,
  CustomerGroupResponse,
  InitiativeResponse,
  InitiativeTemplate,
  Page,
  SponsorResponse,
} from '@waypoint/contracts';
import { CustomerGroupsApi, InitiativesApi, PlanningApi } from '../shared/api';

/** What the planning wizard (`/initiatives/new`) reads, and the create call. */
@Injectable()
export class InitiativeWizardStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly customerGroupsApi = inject(CustomerGroupsApi);

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
    return this.initiativesApi.create(request, idempotencyKey);
  }
}
