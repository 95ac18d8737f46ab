import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import type {
  CommentResponse,
  DecideGateRequest,
  GateDecisionResponse,
  InitiativeResponse,
  InitiativeValueResponse,
  MeasureResponse,
  MilestoneDetailResponse,
  Page,
} from '@waypoint/contracts';
import { map } from 'rxjs';
import { InitiativesApi, MilestonesApi, newIdempotencyKey } from '../shared/api';
import { cycleIndices, gateMeasures } from './gate-picture';

/**
 * One submitted gate: the milestone with its latest evidence snapshot, the decisions taken on it
 * so far, and the decision being made now. Provided by the gate page; the milestone comes from
 * the route (`/approvals/:milestoneId`).
 */
@Injectable()
export class GateStore {
  private readonly milestonesApi = inject(MilestonesApi);
  private readonly initiativesApi = inject(InitiativesApi);
  readonly milestoneId = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('milestoneId') ?? '')),
    { initialValue: '' },
  );

  private readonly milestoneResource = httpResource<MilestoneDetailResponse>(() =>
    this.milestoneId() ? this.milestonesApi.oneRequest(this.milestoneId()) : undefined,
  );
  private readonly decisionsResource = httpResource<Page<GateDecisionResponse>>(() =>
    this.milestoneId()
      ? this.milestonesApi.decisionsRequest(this.milestoneId(), { limit: 200 })
      : undefined,
  );

  private readonly initiativeResource = httpResource<InitiativeResponse>(() => {
    const initiativeId = this.milestone()?.initiativeId;
    return initiativeId ? this.initiativesApi.oneRequest(initiativeId) : undefined;
  });

  /** Every measure of the initiative (the submitter linked some of them to this gate). */
  private readonly measuresResource = httpResource<Page<MeasureResponse>>(() => {
    const initiativeId = this.milestone()?.initiativeId;
    return initiativeId
      ? this.initiativesApi.measuresRequest(initiativeId, { limit: 200 })
      : undefined;
  });
  /** The initiative's customer and business indices, now and per cycle (the value engine's rows). */
  private readonly valueResource = httpResource<InitiativeValueResponse>(() => {
    const initiativeId = this.milestone()?.initiativeId;
    return initiativeId ? this.initiativesApi.valueRequest(initiativeId) : undefined;
  });
  private readonly commentsResource = httpResource<Page<CommentResponse>>(() => {
    const initiativeId = this.milestone()?.initiativeId;
    return initiativeId
      ? this.initiativesApi.commentsRequest(initiativeId, { limit: 200 })
      : undefined;
  });

  readonly milestone = computed(() =>
    this.milestoneResource.hasValue() ? this.milestoneResource.value() : null,
  );
  /** The initiative's title, once known. */
  readonly initiativeTitle = computed(() =>
    this.initiativeResource.hasValue() ? this.initiativeResource.value().title : null,
  );
  readonly loading = computed(() => this.milestoneResource.isLoading() && !this.milestone());
  readonly error = computed(() => this.milestoneResource.error() ?? null);
  readonly snapshot = computed(() => this.milestone()?.latestSubmission?.snapshot ?? null);
  readonly submission = computed(() => this.milestone()?.latestSubmission ?? null);
  /** Earlier decisions on this milestone, oldest first. */
  readonly decisions = computed<GateDecisionResponse[]>(() =>
    this.decisionsResource.hasValue() ? this.decisionsResource.value().items : [],
  );
  readonly decisionsLoading = computed(
    () => this.decisionsResource.isLoading() && !this.decisionsResource.hasValue(),
  );
  readonly decisionsError = computed(() => this.decisionsResource.error() ?? null);
  /**
   * The initiative's measures, those the submitter linked to this gate first (with their frozen
   * evidence), each with the counter-measure it is paired with.
   */
  readonly measures = computed(() =>
    gateMeasures(
      this.snapshot()?.measures ?? [],
      this.measuresResource.hasValue() ? this.measuresResource.value().items : [],
    ),
  );
  readonly measuresError = computed(() => this.measuresResource.error() ?? null);
  /** Customer and business value now and their change over the current cycle. */
  readonly indices = computed(() =>
    this.valueResource.hasValue() ? cycleIndices(this.valueResource.value()) : null,
  );
  readonly indicesLoading = computed(
    () => this.valueResource.isLoading() && !this.valueResource.hasValue(),
  );
  readonly indicesError = computed(() => this.valueResource.error() ?? null);
  /** Comments on the initiative, its gates and steps, oldest first. */
  readonly comments = computed<CommentResponse[]>(() =>
    this.commentsResource.hasValue() ? this.commentsResource.value().items : [],
  );
  readonly commentsLoading = computed(
    () => this.commentsResource.isLoading() && !this.commentsResource.hasValue(),
  );
  readonly commentsError = computed(() => this.commentsResource.error() ?? null);

  /** The gate can be decided only while it is submitted. */
  readonly waiting = computed(() => this.milestone()?.state === 'submitted');

  private readonly decidingState = signal(false);
  private readonly decideErrorState = signal<unknown>(null);
  readonly deciding = this.decidingState.asReadonly();
  readonly decideError = this.decideErrorState.asReadonly();

  reload(): void {
    this.milestoneResource.reload();
    this.decisionsResource.reload();
    this.measuresResource.reload();
    this.valueResource.reload();
    this.commentsResource.reload();
  }

  /**
   * POST /api/milestones/:id/decisions with an Idempotency-Key (a retry of the same request is
   * answered once). Resolves with the decision, or null when the API refused it (`decideError`).
   */
  async decide(
    request: DecideGateRequest,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<GateDecisionResponse | null> {
    const id = this.milestoneId();
    this.decidingState.set(true);
    this.decideErrorState.set(null);
    try {
      return await this.milestonesApi.decide(id, request, idempotencyKey);
    } catch (error) {
      this.decideErrorState.set(error);
      return null;
    } finally {
      this.decidingState.set(false);
    }
  }
}
