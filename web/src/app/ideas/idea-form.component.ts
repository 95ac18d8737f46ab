import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  type CustomerGroupResponse,
  IDEA_EFFORT_MAX,
  IDEA_EFFORT_MIN,
  IDEA_ESTIMATE_MAX,
  IDEA_ESTIMATE_MIN,
  IDEA_TEXT_MAX_LENGTH,
  IDEA_TITLE_MAX_LENGTH,
  type IdeaResponse,
  type MomentResponse,
  type SubmitIdeaRequest,
} from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { ideaEffortLabel } from '../shared/vocabulary';

const SCALE = Array.from(
  { length: IDEA_ESTIMATE_MAX - IDEA_ESTIMATE_MIN + 1 },
  (_, i) => IDEA_ESTIMATE_MIN + i,
);
const EFFORTS = Array.from(
  { length: IDEA_EFFORT_MAX - IDEA_EFFORT_MIN + 1 },
  (_, i) => IDEA_EFFORT_MIN + i,
);

/** Submit an idea: the group and moment, the pain, evidence and the three estimates. */
@Component({
  selector: 'wp-idea-form',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError, MatHint],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="idea-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>Idea</mat-label>
        <input matInput formControlName="title" required [maxLength]="titleMax" />
        <mat-hint>A short name for the improvement.</mat-hint>
        @if (form.controls.title.invalid) {
          <mat-error>Give the idea a name.</mat-error>
        }
      </mat-form-field>
      <div class="idea-form__row">
        <mat-form-field>
          <mat-label>Customer group</mat-label>
          <select matNativeControl formControlName="customerGroupId" required>
            <option value="" disabled>Choose a group</option>
            @for (g of groups(); track g.id) {
              <option [value]="g.id">{{ g.name }}</option>
            }
          </select>
          @if (form.controls.customerGroupId.invalid) {
            <mat-error>Choose the group it is for.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Moment</mat-label>
          <select matNativeControl formControlName="momentId" required>
            <option value="" disabled>
              {{ groupMoments().length === 0 ? 'Choose a group first' : 'Choose a moment' }}
            </option>
            @for (m of groupMoments(); track m.id) {
              <option [value]="m.id">{{ m.name }}</option>
            }
          </select>
          @if (form.controls.momentId.invalid) {
            <mat-error>Choose the moment of their journey.</mat-error>
          }
          @for (e of serverErrors('momentId'); track e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>The pain</mat-label>
        <textarea
          matInput
          formControlName="pain"
          rows="3"
          required
          [maxLength]="textMax"
        ></textarea>
        <mat-hint>What customers go through now.</mat-hint>
        @if (form.controls.pain.invalid) {
          <mat-error>Say what hurts.</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Evidence</mat-label>
        <textarea matInput formControlName="evidence" rows="2" [maxLength]="textMax"></textarea>
        <mat-hint>What you saw or heard, and how often.</mat-hint>
      </mat-form-field>
      <div class="idea-form__row idea-form__row--three">
        <mat-form-field>
          <mat-label>Customer impact</mat-label>
          <select matNativeControl formControlName="customerImpact">
            @for (n of scale; track n) {
              <option [value]="n">{{ n }}</option>
            }
          </select>
          <mat-hint>0 none to 10 huge</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Business value</mat-label>
          <select matNativeControl formControlName="businessValue">
            @for (n of scale; track n) {
              <option [value]="n">{{ n }}</option>
            }
          </select>
          <mat-hint>0 none to 10 huge</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Effort</mat-label>
          <select matNativeControl formControlName="effort">
            @for (n of efforts; track n) {
              <option [value]="n">{{ effortLabel(n) }}</option>
            }
          </select>
          <mat-hint>How long the work would take</mat-hint>
        </mat-form-field>
      </div>
      @if (errorMessage(); as message) {
        <p class="idea-form__error" role="alert">{{ message }}</p>
      }
      <div class="idea-form__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">Submit the idea</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .idea-form {
      display: grid;
      gap: 4px;
    }
    .idea-form__row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 0 16px;
    }
    .idea-form__row--three {
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    }
    .idea-form__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .idea-form__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class IdeaFormComponent {
  readonly groups = input.required<readonly CustomerGroupResponse[]>();
  readonly moments = input.required<readonly MomentResponse[]>();
  readonly send =
    input.required<(request: SubmitIdeaRequest, key: string) => Promise<IdeaResponse>>();
  readonly submitted = output<IdeaResponse>();
  readonly cancelled = output();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly titleMax = IDEA_TITLE_MAX_LENGTH;
  protected readonly textMax = IDEA_TEXT_MAX_LENGTH;
  protected readonly scale = SCALE;
  protected readonly efforts = EFFORTS;
  protected readonly effortLabel = ideaEffortLabel;

  protected readonly form = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(IDEA_TITLE_MAX_LENGTH)]),
    customerGroupId: this.fb.control('', [Validators.required]),
    momentId: this.fb.control('', [Validators.required]),
    pain: this.fb.control('', [Validators.required, Validators.maxLength(IDEA_TEXT_MAX_LENGTH)]),
    evidence: this.fb.control('', [Validators.maxLength(IDEA_TEXT_MAX_LENGTH)]),
    customerImpact: this.fb.control('5'),
    businessValue: this.fb.control('5'),
    effort: this.fb.control('3'),
  });
  private readonly groupId = toSignal(this.form.controls.customerGroupId.valueChanges, {
    initialValue: '',
  });
  protected readonly groupMoments = computed(() =>
    this.moments().filter((m) => m.customerGroupId === this.groupId()),
  );

  protected readonly saving = signal(false);
  private readonly error = signal<unknown>(null);
  private key = crypto.randomUUID();
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error ? genericErrorMessage(error) : null;
  });

  constructor() {
    this.form.controls.customerGroupId.valueChanges.subscribe(() =>
      this.form.controls.momentId.setValue(''),
    );
  }

  protected serverErrors(field: string): string[] {
    return fieldErrorsOf(this.error(), field);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const request: SubmitIdeaRequest = {
      title: raw.title.trim(),
      customerGroupId: raw.customerGroupId,
      momentId: raw.momentId,
      pain: raw.pain.trim(),
      customerImpact: Number(raw.customerImpact),
      businessValue: Number(raw.businessValue),
      effort: Number(raw.effort),
    };
    if (raw.evidence.trim()) request.evidence = raw.evidence.trim();
    this.saving.set(true);
    this.error.set(null);
    try {
      const idea = await this.send()(request, this.key);
      this.key = crypto.randomUUID();
      this.form.reset();
      this.submitted.emit(idea);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.error.set(error);
      if (error.status === 400 || error.status === 422) this.key = crypto.randomUUID();
    } finally {
      this.saving.set(false);
    }
  }
}
