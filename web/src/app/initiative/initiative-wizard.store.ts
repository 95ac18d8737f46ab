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
import { CustomerGroupsApi, InitiativesApi, MeasuresApi, PlanningApi } from '../shared/api';

/** A template measure's baseline and target as the manager confirmed or changed them. */
export interface MeasureValues {
  name: string;
  baseline: number;
  target: number;
}

/** What the planning wizard (`/initiatives/new`) reads, and the create call. */
@Injectable()
export class InitiativeWizardStore {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly customerGroupsApi = inject(CustomerGroupsApi);
  private readonly measuresApi = inject(MeasuresApi);

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

  /**
   * After the initiative is created from a template: the baselines and targets the manager
   * changed (PATCH /api/measures/:id with If-Match, by measure name). Throws the HTTP error.
   */
  async applyMeasureValues(initiativeId: string, changed: readonly MeasureValues[]): Promise<void> {
    if (changed.length === 0) return;
    const page = await this.initiativesApi.measures(initiativeId, { limit: 200 });
    for (const values of changed) {
      const measure = page.items.find((m) => m.name === values.name);
      if (!measure) continue;
      await this.measuresApi.update(measure, { baseline: values.baseline, target: values.target });
    }
  }
}
