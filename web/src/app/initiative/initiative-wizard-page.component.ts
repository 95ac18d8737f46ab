import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  APPROACH_VALUES,
  ESTIMATED_VALUE_MAX,
  ESTIMATED_VALUE_MIN,
  INITIATIVE_TEXT_MAX_LENGTH,
  INITIATIVE_TITLE_MAX_LENGTH,
  type Approach,
  type CreateInitiativeRequest,
  type PutMoneyPlanRequest,
  type TemplateId,
  type TemplateMeasureValues,
  TEMPLATE_ID_VALUES,
} from '@waypoint/contracts';
import { planFromIdea } from '@waypoint/domain';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { APPROACH_LABEL, NO_VALUE } from '../shared/vocabulary';
import { InitiativeWizardStore } from './initiative-wizard.store';
import {
  type CaseForm,
  caseRequest,
  caseTyped,
  EMPTY_CASE,
  MoneyCaseFieldsComponent,
} from './money-case-fields.component';

/** What the manager typed for one template measure on the wizard's last step (as typed). */
export interface EnteredMeasureValues {
  baseline: string;
  target: string;
  /** "Baseline from the first reading": the baseline field is left out. */
  fromFirstReading: boolean;
}

/** A template measure as the last step shows it. */
type TemplateFigures = { name: string; baseline: number | null; target: number };

/** Whether a typed figure is a number (an empty field is not). */
const isNumberText = (text: string): boolean => text.trim() !== '' && Number.isFinite(Number(text));

/**
 * The template's measures whose baseline or target the manager changed, or whose baseline is to
 * come from the first reading (sent as `baseline: null`).
 */
export function changedMeasureValues(
  template: readonly TemplateFigures[],
  entered: ReadonlyMap<string, EnteredMeasureValues>,
): TemplateMeasureValues[] {
  return template.flatMap((m): TemplateMeasureValues[] => {
    const values = entered.get(m.name);
    if (!values || !isNumberText(values.target)) return [];
    const target = Number(values.target);
    if (values.fromFirstReading) return [{ name: m.name, baseline: null, target }];
    if (!isNumberText(values.baseline)) return [];
    const baseline = Number(values.baseline);
    return baseline === m.baseline && target === m.target
      ? []
      : [{ name: m.name, baseline, target }];
  });
}

type WizardStep = 1 | 2 | 3;
const FIELDS = [
  'title',
  'problem',
  'hypothesis',
  'approach',
  'customerGroupIds',
  'sponsorId',
  'estimatedCustomerValue',
  'estimatedBusinessValue',
] as const;

/** The template a link names (`?template=`, e.g. from the self-assessment's suggested road). */
function templateOfLink(id: string | null): TemplateId | '' {
  return TEMPLATE_ID_VALUES.find((t) => t === id) ?? '';
}

/** Planning wizard: template, the plan, then review (with the money case, optional) and create. */
@Component({
  selector: 'wp-initiative-wizard-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MatProgressBar,
    MatCheckbox,
    MoneyCaseFieldsComponent,
  ],
  providers: [InitiativeWizardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiative-wizard-page.component.html',
  styleUrl: './initiative-wizard.scss',
})
export class InitiativeWizardPageComponent {
  protected readonly store = inject(InitiativeWizardStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly approaches = APPROACH_VALUES;
  protected readonly approachLabel = APPROACH_LABEL;
  protected readonly noValue = NO_VALUE;
  protected readonly titleMax = INITIATIVE_TITLE_MAX_LENGTH;
  protected readonly textMax = INITIATIVE_TEXT_MAX_LENGTH;
  protected readonly valueMin = ESTIMATED_VALUE_MIN;
  protected readonly valueMax = ESTIMATED_VALUE_MAX;

  protected readonly step = signal<WizardStep>(1);
  /** The template chosen, or '' for a plan from scratch; a link may choose it (?template=). */
  protected readonly templateId = signal<TemplateId | ''>(
    templateOfLink(inject(ActivatedRoute).snapshot.queryParamMap.get('template')),
  );
  protected readonly template = computed(
    () => this.store.templates().find((t) => t.id === this.templateId()) ?? null,
  );

  private readonly estimate = [
    Validators.min(ESTIMATED_VALUE_MIN),
    Validators.max(ESTIMATED_VALUE_MAX),
    Validators.pattern(/^\d+$/),
  ];
  protected readonly form = this.fb.group({
    title: this.fb.control('', [
      Validators.required,
      Validators.maxLength(INITIATIVE_TITLE_MAX_LENGTH),
    ]),
    problem: this.fb.control('', [Validators.maxLength(INITIATIVE_TEXT_MAX_LENGTH)]),
    hypothesis: this.fb.control('', [Validators.maxLength(INITIATIVE_TEXT_MAX_LENGTH)]),
    approach: this.fb.control<Approach | ''>('', [Validators.required]),
    customerGroupIds: this.fb.control<string[]>([]),
    sponsorId: this.fb.control(''),
    estimatedCustomerValue: this.fb.control<number | null>(null, this.estimate),
    estimatedBusinessValue: this.fb.control<number | null>(null, this.estimate),
  });
  private readonly formValue = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly chosenGroups = computed(() => {
    const ids = this.formValue().customerGroupIds ?? [];
    return this.store.groups().filter((g) => ids.includes(g.id));
  });

  protected readonly chosenSponsor = computed(() => {
    const id = this.formValue().sponsorId;
    return this.store.sponsors().find((p) => p.id === id) ?? null;
  });

  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  private idempotencyKey = crypto.randomUUID();

  /** The money case typed on the last step (optional: untouched, nothing is sent). */
  protected readonly money = signal<CaseForm>(EMPTY_CASE);
  /** The fields of the money case that are not amounts (none while it is untouched). */
  protected readonly moneyProblems = computed(() => {
    const currency = this.store.currency();
    return currency && caseTyped(this.money()) ? caseRequest(this.money(), currency).problems : [];
  });
  /** Created, but its money case was refused: the id, so that a retry writes only the money. */
  protected readonly createdId = signal<string | null>(null);
  protected readonly moneyError = signal<string | null>(null);

  /** Planned from an idea (`?fromIdea=`): the form opens with the idea's data (libs/domain). */
  protected readonly idea = this.store.idea;
  private prefilled = false;

  constructor() {
    this.store.ideaId.set(inject(ActivatedRoute).snapshot.queryParamMap.get('fromIdea'));
    effect(() => {
      const idea = this.store.idea();
      if (!idea || this.prefilled) return;
      this.prefilled = true;
      const plan = planFromIdea({ ...idea, customerGroupId: idea.customerGroup.id }, {});
      untracked(() =>
        this.form.patchValue({
          title: plan.title,
          problem: plan.problem ?? '',
          customerGroupIds: plan.customerGroupIds ?? [],
          estimatedCustomerValue: plan.estimatedCustomerValue ?? null,
          estimatedBusinessValue: plan.estimatedBusinessValue ?? null,
        }),
      );
    });
  }

  protected serverErrors(field: string): string[] {
    return fieldErrorsOf(this.error(), field);
  }

  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error ? genericErrorMessage(error) : null;
  });

  protected chooseTemplate(id: TemplateId | ''): void {
    this.templateId.set(id);
    this.measureValues.set(new Map());
  }

  /** Baselines and targets typed on the last step, by measure name (as text, as typed). */
  protected readonly measureValues = signal<ReadonlyMap<string, EnteredMeasureValues>>(new Map());
  private entered(measure: TemplateFigures): EnteredMeasureValues {
    return (
      this.measureValues().get(measure.name) ?? {
        baseline: measure.baseline === null ? '' : String(measure.baseline),
        target: String(measure.target),
        fromFirstReading: false,
      }
    );
  }
  protected valueOf(measure: TemplateFigures, field: 'baseline' | 'target'): string {
    return this.entered(measure)[field];
  }
  protected fromFirstReading(measure: TemplateFigures): boolean {
    return this.entered(measure).fromFirstReading;
  }
  protected setValue(measure: TemplateFigures, field: 'baseline' | 'target', value: string): void {
    this.measureValues.set(
      new Map(this.measureValues()).set(measure.name, {
        ...this.entered(measure),
        [field]: value,
      }),
    );
  }
  protected setFromFirstReading(measure: TemplateFigures, fromFirstReading: boolean): void {
    this.measureValues.set(
      new Map(this.measureValues()).set(measure.name, {
        ...this.entered(measure),
        fromFirstReading,
      }),
    );
  }
  /** A measure whose typed value is not a number (the baseline only when it is typed). */
  protected readonly invalidMeasures = computed(() =>
    [...this.measureValues().entries()]
      .filter(
        ([, v]) => !isNumberText(v.target) || (!v.fromFirstReading && !isNumberText(v.baseline)),
      )
      .map(([name]) => name),
  );

  protected next(): void {
    if (this.step() === 1) {
      const template = this.template();
      if (template) this.form.controls.approach.setValue(template.approach);
      this.step.set(2);
      this.focusHeading();
      return;
    }
    if (this.step() === 2) {
      if (this.form.invalid) {
        this.form.markAllAsTouched();
        queueMicrotask(() =>
          (
            document.querySelector('.wizard .ng-invalid[formcontrolname]') as HTMLElement | null
          )?.focus(),
        );
        return;
      }
      this.step.set(3);
      this.focusHeading();
    }
  }

  protected back(): void {
    this.step.update((s) => (s > 1 ? ((s - 1) as WizardStep) : s));
    this.focusHeading();
  }

  protected toggleGroup(id: string, checked: boolean): void {
    const ids = this.form.controls.customerGroupIds.value;
    this.form.controls.customerGroupIds.setValue(
      checked ? [...ids, id] : ids.filter((g) => g !== id),
    );
  }

  /** The request as it will be sent. */
  protected request(): CreateInitiativeRequest {
    const raw = this.form.getRawValue();
    const request: CreateInitiativeRequest = { title: raw.title.trim() };
    if (raw.problem.trim()) request.problem = raw.problem.trim();
    if (raw.hypothesis.trim()) request.hypothesis = raw.hypothesis.trim();
    if (raw.approach) request.approach = raw.approach;
    if (raw.customerGroupIds.length > 0) request.customerGroupIds = raw.customerGroupIds;
    if (raw.sponsorId) request.sponsorId = raw.sponsorId;
    if (raw.estimatedCustomerValue !== null && `${raw.estimatedCustomerValue}` !== '')
      request.estimatedCustomerValue = Number(raw.estimatedCustomerValue);
    if (raw.estimatedBusinessValue !== null && `${raw.estimatedBusinessValue}` !== '')
      request.estimatedBusinessValue = Number(raw.estimatedBusinessValue);
    const template = this.templateId();
    if (template) request.template = template;
    const measures = changedMeasureValues(this.template()?.measures ?? [], this.measureValues());
    if (measures.length > 0) request.measures = measures;
    return request;
  }

  /** The money case as it will be sent, or null when none was typed. */
  private moneyRequest(): PutMoneyPlanRequest | null {
    const currency = this.store.currency();
    if (!currency || !caseTyped(this.money())) return null;
    return caseRequest(this.money(), currency).request;
  }

  protected async create(): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.moneyError.set(null);
    if (this.invalidMeasures().length > 0 || this.moneyProblems().length > 0) {
      this.saving.set(false);
      return;
    }
    let id = this.createdId();
    try {
      // One call: the plan, the template's milestones and the measures as confirmed here.
      id ??= (await this.store.create(this.request(), this.idempotencyKey)).id;
      const money = this.moneyRequest();
      if (money) {
        try {
          // The money case, through the same call as the initiative's money editor.
          await this.store.putMoney(id, money);
        } catch (error) {
          if (!(error instanceof HttpErrorResponse)) throw error;
          this.createdId.set(id);
          this.moneyError.set(genericErrorMessage(error));
          return;
        }
      }
      await this.router.navigate(['/initiatives', id]);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
      // Refused: nothing was created, and the corrected plan is a new request.
      if (error.status === 400 || error.status === 422) this.idempotencyKey = crypto.randomUUID();
      if (FIELDS.some((f) => fieldErrorsOf(error, f).length > 0)) {
        // A field the server refused: back to the plan, with the message under the field.
        this.step.set(2);
        // After the plan's fields are back in the page (attaching them re-runs the validators).
        afterNextRender(
          () => {
            for (const field of FIELDS) {
              if (fieldErrorsOf(error, field).length === 0) continue;
              this.form.controls[field].setErrors({ server: true });
              this.form.controls[field].markAsTouched();
            }
          },
          { injector: this.injector },
        );
      }
    } finally {
      this.saving.set(false);
    }
  }

  private focusHeading(): void {
    setTimeout(() => (document.getElementById('wizard-step-h') as HTMLElement | null)?.focus());
  }
}
