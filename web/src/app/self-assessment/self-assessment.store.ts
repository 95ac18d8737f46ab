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

  readonly results = httpResource<SelfAssessmentResults>(() => {
    const selected = this.selected();
    return selected ? this.api.resultsRequest(selected.id) : undefined;
  });

  readonly myAnswer = httpResource<MySelfAssessmentAnswer>(() => {
    const selected = this.selected();
    return selected?.status === 'open' && selected.inScope
      ? this.api.myAnswerRequest(selected.id)
      : undefined;
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

  /** Gives or changes my answer to the chosen assessment. */
  async answer(scores: SelfAssessmentScore[]): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    await this.api.answer(selected.id, { scores });
    this.myAnswer.reload();
    this.list.reload();
    this.results.reload();
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
    this.list.reload();
    this.results.reload();
  }
}
