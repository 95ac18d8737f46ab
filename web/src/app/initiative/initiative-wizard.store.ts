import { HttpClient, HttpHeaders, httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import type {
  CreateInitiativeRequest,
  CustomerGroupResponse,
  InitiativeResponse,
  InitiativeTemplate,
  Page,
  SponsorResponse,
} from '@waypoint/contracts';
import { firstValueFrom } from 'rxjs';

/** What the planning wizard (`/initiatives/new`) reads, and the create call. */
@Injectable()
export class InitiativeWizardStore {
  private readonly http = inject(HttpClient);

  readonly templatesPage = httpResource<Page<InitiativeTemplate>>(() => ({
    url: '/api/templates',
    params: { limit: 50 },
  }));
  readonly templates = computed(() =>
    this.templatesPage.hasValue() ? this.templatesPage.value().items : [],
  );

  readonly groupsPage = httpResource<Page<CustomerGroupResponse>>(() => ({
    url: '/api/customer-groups',
    params: { limit: 200 },
  }));
  readonly groups = computed(() =>
    this.groupsPage.hasValue() ? this.groupsPage.value().items : [],
  );

  /** Who may sponsor: the active executives. */
  readonly sponsorsPage = httpResource<Page<SponsorResponse>>(() => ({
    url: '/api/users/sponsors',
    params: { limit: 200 },
  }));
  readonly sponsors = computed(() =>
    this.sponsorsPage.hasValue() ? this.sponsorsPage.value().items : [],
  );

  /**
   * POST /api/initiatives. The Idempotency-Key is made once per plan by the caller, so a retry of
   * the same plan cannot create it twice. Throws the HTTP error.
   */
  create(request: CreateInitiativeRequest, idempotencyKey: string): Promise<InitiativeResponse> {
    return firstValueFrom(
      this.http.post<InitiativeResponse>('/api/initiatives', request, {
        headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
      }),
    );
  }
}
