import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  CADENCE_VALUES,
  type CreateMeasureRequest,
  type CustomerGroupRef,
  DIRECTION_VALUES,
  KPI_CLASS_VALUES,
  MEASURE_NAME_MAX_LENGTH,
  type MeasureResponse,
  PERSPECTIVE_VALUES,
  type UpdateMeasureRequest,
} from '@waypoint/contracts';
import { firstValueFrom } from 'rxjs';
import { formatDate } from '../shared/format';
import { DialogFrameComponent } from '../shared/dialog/dialog-frame.component';
import { FormSubmission } from '../shared/dialog/form-submission';
import {
  CADENCE_LABEL,
  DIRECTION_LABEL,
  KPI_CLASS_LABEL,
  PERSPECTIVE_LABEL,
} from '../shared/vocabulary';
import { InitiativeDetailStore } from './initiative-detail.store';

export interface MeasureEditorDialogData {
  /** The measure to change; absent to add one. */
  measure?: MeasureResponse;
  /** The business measures of the initiative a customer measure may be guarded by. */
  businessMeasures: readonly { id: string; name: string }[];
  customerGroups: readonly CustomerGroupRef[];
}

const FIELDS = ['name', 'unit', 'baseline', 'target', 'weight'] as const;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Adds a measure to the plan, or changes one: name, unit, perspective, direction, baseline and
 * target (the baseline until it is frozen), cadence, KPI class, customer group, counter-measure
 * and weight. Closes with the saved measure.
 */
@Component({
  selector: 'wp-measure-editor-dialog',
  imports: [
    ReactiveFormsModule,
    DialogFrameComponent,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <wp-dialog-frame
        [title]="data.measure ? 'Change ' + data.measure.name : 'Add a measure'"
        [submitLabel]="data.measure ? 'Save measure' : 'Add measure'"
        busyLabel="Saving…"
        [busy]="submission.busy()"
        [error]="submission.message()"
      >
        <div class="measure-editor">
          <mat-form-field class="wide">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required [maxLength]="nameMax" />
            <mat-error>Name the measure, e.g. “Cost per contact”.</mat-error>
            @for (e of submission.fieldErrors('name'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Unit</mat-label>
            <input matInput formControlName="unit" required />
            <mat-error>Give the unit, e.g. EUR, %, days.</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Perspective</mat-label>
            <select matNativeControl formControlName="perspective">
              @for (p of perspectives; track p) {
                <option [value]="p">{{ perspectiveLabel[p] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Direction</mat-label>
            <select matNativeControl formControlName="direction">
              @for (d of directions; track d) {
                <option [value]="d">{{ directionLabel[d] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Baseline</mat-label>
            <input
              matInput
              formControlName="baseline"
              inputmode="decimal"
              [required]="baselineRequired"
            />
            @if (frozenOn(); as day) {
              <mat-hint>Frozen on {{ day }}; it cannot change any more.</mat-hint>
            } @else if (!baselineRequired) {
              <mat-hint>Leave it empty to take the baseline from the first reading.</mat-hint>
            }
            <mat-error>Enter a number, e.g. 6.5.</mat-error>
            @for (e of submission.fieldErrors('baseline'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Target</mat-label>
            <input matInput formControlName="target" inputmode="decimal" required />
            <mat-error>Enter a number, e.g. 6.</mat-error>
            @for (e of submission.fieldErrors('target'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Cadence</mat-label>
            <select matNativeControl formControlName="cadence">
              @for (c of cadences; track c) {
                <option [value]="c">{{ cadenceLabel[c] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>KPI class</mat-label>
            <select matNativeControl formControlName="kpiClass">
              @for (k of kpiClasses; track k) {
                <option [value]="k">{{ kpiClassLabel[k] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Customer group</mat-label>
            <select matNativeControl formControlName="customerGroupId">
              <option value="">All customers</option>
              @for (g of data.customerGroups; track g.id) {
                <option [value]="g.id">{{ g.name }}</option>
              }
            </select>
          </mat-form-field>
          @if (isCustomer() && counterCandidates().length > 0) {
            <mat-form-field>
              <mat-label>Counter-measure</mat-label>
              <select matNativeControl formControlName="counterMeasureId">
                <option value="">None</option>
                @for (c of counterCandidates(); track c.id) {
                  <option [value]="c.id">{{ c.name }}</option>
                }
              </select>
              <mat-hint>A business measure that must not get worse.</mat-hint>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>Weight</mat-label>
            <input matInput formControlName="weight" inputmode="decimal" required />
            <mat-hint>In the value index; 1 unless it counts more or less.</mat-hint>
            <mat-error>Enter a positive number, e.g. 1.</mat-error>
            @for (e of submission.fieldErrors('weight'); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
        </div>
      </wp-dialog-frame>
    </form>
  `,
  styles: `
    .measure-editor {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 4px 12px;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class MeasureEditorDialogComponent {
  protected readonly data = inject<MeasureEditorDialogData>(MAT_DIALOG_DATA);
  private readonly ref =
    inject<MatDialogRef<MeasureEditorDialogComponent, MeasureResponse>>(MatDialogRef);
  private readonly store = inject(InitiativeDetailStore);

  protected readonly nameMax = MEASURE_NAME_MAX_LENGTH;
  protected readonly perspectives = PERSPECTIVE_VALUES;
  protected readonly directions = DIRECTION_VALUES;
  protected readonly cadences = CADENCE_VALUES;
  protected readonly kpiClasses = KPI_CLASS_VALUES;
  protected readonly perspectiveLabel = PERSPECTIVE_LABEL;
  protected readonly directionLabel = DIRECTION_LABEL;
  protected readonly cadenceLabel = CADENCE_LABEL;
  protected readonly kpiClassLabel = KPI_CLASS_LABEL;

  private readonly before = this.data.measure;
  /** A baseline once given is kept; a new measure, or one still without, may wait for a reading. */
  protected readonly baselineRequired = (this.before?.baseline ?? null) !== null;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.before?.name ?? '', [Validators.required, Validators.pattern(/\S/)]],
    unit: [this.before?.unit ?? '', [Validators.required, Validators.pattern(/\S/)]],
    perspective: [this.before?.perspective ?? PERSPECTIVE_VALUES[0]],
    direction: [this.before?.direction ?? DIRECTION_VALUES[0]],
    baseline: [
      {
        value: this.text(this.before?.baseline ?? undefined),
        disabled: !!this.before?.baselineFrozenAt,
      },
      this.baselineRequired
        ? [Validators.required, Validators.pattern(NUMBER)]
        : [Validators.pattern(NUMBER)],
    ],
    target: [this.text(this.before?.target), [Validators.required, Validators.pattern(NUMBER)]],
    cadence: [this.before?.cadence ?? CADENCE_VALUES[1]],
    kpiClass: [this.before?.kpiClass ?? KPI_CLASS_VALUES[1]],
    customerGroupId: [this.before?.customerGroup?.id ?? ''],
    counterMeasureId: [this.before?.counterMeasure?.id ?? ''],
    weight: [
      this.text(this.before?.weight ?? 1),
      [Validators.required, Validators.pattern(NUMBER)],
    ],
  });
  private readonly perspective = toSignal(this.form.controls.perspective.valueChanges, {
    initialValue: this.form.controls.perspective.value,
  });
  protected readonly isCustomer = computed(() => this.perspective() === 'customer');
  protected readonly counterCandidates = computed(() =>
    this.data.businessMeasures.filter((m) => m.id !== this.before?.id),
  );
  protected readonly frozenOn = computed(() =>
    this.before?.baselineFrozenAt ? formatDate(this.before.baselineFrozenAt) : null,
  );
  protected readonly submission = new FormSubmission(FIELDS);

  async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.submission.run(async () => {
      const request = this.request();
      if (!this.before) {
        this.ref.close(await this.store.addMeasure(request));
        return;
      }
      const changes = changesOf(this.before, request);
      this.ref.close(
        Object.keys(changes).length === 0
          ? this.before
          : await this.store.updateMeasure(this.before, changes),
      );
    });
  }

  private request(): CreateMeasureRequest {
    const raw = this.form.getRawValue();
    const request: CreateMeasureRequest = {
      name: raw.name.trim(),
      unit: raw.unit.trim(),
      perspective: raw.perspective,
      direction: raw.direction,
      baseline: raw.baseline.trim() === '' ? null : Number(raw.baseline),
      target: Number(raw.target),
      cadence: raw.cadence,
      kpiClass: raw.kpiClass,
      weight: Number(raw.weight),
    };
    if (raw.customerGroupId) request.customerGroupId = raw.customerGroupId;
    if (raw.perspective === 'customer' && raw.counterMeasureId) {
      request.counterMeasureId = raw.counterMeasureId;
    }
    return request;
  }

  private text(value: number | undefined): string {
    return value === undefined ? '' : String(value);
  }
}

/** What differs from the measure as it was read; links left empty are cleared. */
export function changesOf(
  before: MeasureResponse,
  request: CreateMeasureRequest,
): UpdateMeasureRequest {
  const changes: UpdateMeasureRequest = {};
  const scalar = [
    'name',
    'unit',
    'perspective',
    'direction',
    'baseline',
    'target',
    'cadence',
    'kpiClass',
    'weight',
  ] as const;
  for (const key of scalar) {
    // A baseline left empty stays as it is (an update cannot take a baseline away).
    if (key === 'baseline' && request.baseline === null) continue;
    if (request[key] !== before[key]) Object.assign(changes, { [key]: request[key] });
  }
  const group = request.customerGroupId ?? null;
  if (group !== (before.customerGroup?.id ?? null)) changes.customerGroupId = group;
  const counter = request.counterMeasureId ?? null;
  if (counter !== (before.counterMeasure?.id ?? null)) changes.counterMeasureId = counter;
  return changes;
}

/**
 * Opens the measure editor for the initiative the store holds (to add a measure, or to change
 * `measure`); resolves with the saved measure, or undefined when cancelled.
 */
export async function openMeasureEditor(
  dialog: MatDialog,
  store: InitiativeDetailStore,
  measure?: MeasureResponse,
): Promise<MeasureResponse | undefined> {
  const initiative = store.initiative.hasValue() ? store.initiative.value() : null;
  const data: MeasureEditorDialogData = {
    measure,
    businessMeasures: store.measures().filter((m) => m.perspective === 'business'),
    customerGroups: initiative?.customerGroups ?? [],
  };
  const ref = dialog.open<MeasureEditorDialogComponent, MeasureEditorDialogData, MeasureResponse>(
    MeasureEditorDialogComponent,
    { data, width: '720px', maxWidth: '95vw' },
  );
  return firstValueFrom(ref.afterClosed());
}
