import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ApprovalResponse, Page } from '@waypoint/contracts';
import { ApprovalsApi } from '../shared/api';

/** Most gates a person is asked to decide at once; the API caps a page at 200. */
export const APPROVALS_PAGE_SIZE = 100;

/** The gates waiting for the signed-in user's decision, oldest first (GET /api/approvals). */
@Injectable()
export class ApprovalsListStore {
  private readonly approvalsApi = inject(ApprovalsApi);
  private readonly page = httpResource<Page<ApprovalResponse>>(() =>
    this.approvalsApi.listRequest({
      sort: 'submittedAt',
      order: 'asc',
      limit: APPROVALS_PAGE_SIZE,
    }),
  );

  readonly loading = computed(() => this.page.isLoading() && !this.page.hasValue());
  readonly error = computed(() => this.page.error() ?? null);
  readonly items = computed<ApprovalResponse[]>(() =>
    this.page.hasValue() ? this.page.value().items : [],
  );
  readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));

  reload(): void {
    this.page.reload();
  }
}

/** What the user just decided: shown once on the list they come back to. */
export interface DecisionConfirmation {
  initiativeTitle: string;
  milestoneTitle: string;
  outcomeLabel: string;
}

/** Carries the confirmation of a decision from the gate page to the list. */
@Injectable({ providedIn: 'root' })
export class DecisionConfirmationStore {
  private readonly state = signal<DecisionConfirmation | null>(null);
  readonly confirmation = this.state.asReadonly();

  set(confirmation: DecisionConfirmation): void {
    this.state.set(confirmation);
  }

  clear(): void {
    this.state.set(null);
  }
}
