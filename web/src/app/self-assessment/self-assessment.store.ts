import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CycleResponse,
  DepartmentResponse,
  InitiativeTemplate,
  MySelfAssessmentAnswer,
  OpenSelfAssessmentRequest,
  Page,
  SelfAssessmentResponse,
  SelfAssessmentResults,
  SelfAssessmentScore,
} from '@waypoint/contracts';
import { selfAssessmentStatements } from '@waypoint/domain';
import { AuthStore } from '../auth/auth.store';
import { CyclesApi, DepartmentsApi, PlanningApi, SelfAssessmentsApi } from '../shared/api';
import type { RadarSeries } from '../shared/charts/radar-chart.component';
import { LiveUpdatesService } from '../shared/live-updates.service';

/** The radar's axes and lines: this cycle's averages, and the previous cycle's when shown. */
export function radarOf(
  results: SelfAssessmentResults,
  version: number,
): { axes: string[]; series: RadarSeries[] } {
  const statements = selfAssessmentStatements(version);
  const byArea = new Map(results.areas.map((a) => [a.area, a]));
  const series: RadarSeries[] = results.shown
    ? [
        {
          name: results.cycleName,
          values: statements.map((s) => byArea.get(s.area)?.average ?? null),
        },
      ]
    : [];
  if (results.shown && results.previous?.shown) {
    series.push({
      name: results.previous.cycleName,
      values: statements.map((s) => byArea.get(s.area)?.previousAverage ?? null),
    });
  }
  return { axes: statements.map((s) => s.short), series };
}

/**
 * The Self-assessment place: the assessments (newest cycle first), the chosen one's results and
 * my own answer, and what admins and executives need to open one (cycles, departments).
 *
 * Live: when anyone answers, changes an answer, opens or closes an assessment, the list (its
 * answer counts) and the results reload, so the count and, from five answers, the radar follow
 * without a reload. The event names the assessment only; the results endpoint decides what may be
 * shown, so below five answers nothing but the count ever arrives. My own answer is not reloaded:
 * the form keeps what I am typing.
 */
@Injectable()
export class SelfAssessmentStore {
  private readonly api = inject(SelfAssessmentsApi);
  private readonly cyclesApi = inject(CyclesApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly planningApi = inject(PlanningApi);
  private readonly role = inject(AuthStore).role;

  readonly canManage = computed(() => this.role() === 'admin' || this.role() === 'executive');
  readonly canPlan = computed(() => this.role() === 'admin' || this.role() === 'manager');

  readonly list = httpResource<Page<SelfAssessmentResponse>>(() =>
    this.api.listRequest({ limit: 50 }),
  );
  readonly assessments = computed(() => (this.list.hasValue() ? this.list.value().items : []));

  /** The assessment chosen in the picker; null: the newest. */
  readonly chosenId = signal<string | null>(null);
  readonly selected = computed(() => {
    const list = this.assessments();
    return list.find((a) => a.id === this.chosenId()) ?? list.at(0) ?? null;
  });

  /** The chosen assessment's id: a reloaded list does not by itself ask for its results again. */
  private readonly selectedId = computed(() => this.selected()?.id ?? null);
  /** Its id while I may answer it (open, and I am asked). */
  private readonly answerableId = computed(() => {
    const selected = this.selected();
    return selected?.status === 'open' && selected.inScope ? selected.id : null;
  });

  readonly results = httpResource<SelfAssessmentResults>(() => {
    const id = this.selectedId();
    return id ? this.api.resultsRequest(id) : undefined;
  });

  readonly myAnswer = httpResource<MySelfAssessmentAnswer>(() => {
    const id = this.answerableId();
    return id ? this.api.myAnswerRequest(id) : undefined;
  });

  readonly radar = computed(() => {
    const selected = this.selected();
    return this.results.hasValue() && selected
      ? radarOf(this.results.value(), selected.questionSetVersion)
      : { axes: [], series: [] };
  });

  private readonly templatesResource = httpResource<Page<InitiativeTemplate>>(() =>
    this.planningApi.templatesRequest({ limit: 50 }),
  );
  readonly templates = computed(() =>
    this.templatesResource.hasValue() ? this.templatesResource.value().items : [],
  );

  private readonly cyclesResource = httpResource<Page<CycleResponse>>(() =>
    this.canManage() ? this.cyclesApi.listRequest({ sort: '-startsOn', limit: 20 }) : undefined,
  );
  readonly cycles = computed(() =>
    this.cyclesResource.hasValue() ? this.cyclesResource.value().items : [],
  );
  private readonly departmentsResource = httpResource<Page<DepartmentResponse>>(() =>
    this.canManage() ? this.departmentsApi.listRequest({ limit: 200 }) : undefined,
  );
  readonly departments = computed(() =>
    this.departmentsResource.hasValue() ? this.departmentsResource.value().items : [],
  );

  constructor() {
    inject(LiveUpdatesService).watch(
      (event) => event.kind === 'self_assessment',
      () => this.reloadShown(),
    );
  }

  /** The list (answer counts, open or closed) and the chosen assessment's results. */
  private reloadShown(): void {
    this.list.reload();
    if (this.selectedId()) this.results.reload();
  }

  /** Gives or changes my answer to the chosen assessment. */
  async answer(scores: SelfAssessmentScore[]): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    await this.api.answer(selected.id, { scores });
    this.myAnswer.reload();
    this.reloadShown();
  }

  /** Opens an assessment and chooses it. */
  async open(request: OpenSelfAssessmentRequest, idempotencyKey: string): Promise<void> {
    const created = await this.api.open(request, idempotencyKey);
    this.chosenId.set(created.id);
    this.list.reload();
  }

  async close(): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    await this.api.close(selected);
    this.reloadShown();
  }
}
