import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { STEP_STATUS_VALUES, type StepStatus } from '@waypoint/contracts';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { MoreButtonComponent } from '../shared/more-button.component';
import { genericErrorMessage, isPreconditionFailed } from '../shared/problem';
import { StaleRecordNoticeComponent } from '../shared/stale-record-notice.component';
import { PERSPECTIVE_LABEL, STEP_STATUS_LABEL } from '../shared/vocabulary';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { MyWorkStore, stepUrgency, type MyMeasure, type MyStep } from './my-work.store';
import { MatDialog } from '@angular/material/dialog';
import type { ReadingResponse } from '@waypoint/contracts';
import { firstValueFrom } from 'rxjs';
import {
  type ReadingDialogData,
  ReadingDialogComponent,
} from '../initiative/reading-dialog.component';
import { BaselinePipe, DayPipe, DateTimePipe, MeasureValuePipe } from '../shared/format';

/** My work: my steps (overdue and due soon first), my notifications, the measures I record. */
@Component({
  selector: 'wp-my-work-page',
  imports: [
    BaselinePipe,
    MeasureValuePipe,
    DayPipe,
    DateTimePipe,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    EmptyStateComponent,
    MoreButtonComponent,
    StaleRecordNoticeComponent,
  ],
  providers: [MyWorkStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-work-page.component.html',
  styleUrl: './my-work-page.component.scss',
})
export class MyWorkPageComponent {
  /**
   * `?record=<measure id>` (the link of a "reading overdue" email or notification): the reading
   * form of that measure opens as soon as the measure is listed, once.
   */
  readonly record = input<string>();
  protected readonly store = inject(MyWorkStore);
  /** Someone else's change to my steps or measures, or a new notification, refetches. */
  private readonly live = inject(LiveUpdatesService).watch(
    (e) => e.kind !== 'notification' && e.kind !== 'comment',
    () => this.store.reload(),
  );
  private readonly liveInbox = inject(LiveUpdatesService).watch(
    (e) => e.kind === 'notification',
    () => this.store.notifications.reload(),
  );
  protected readonly statuses = STEP_STATUS_VALUES;
  protected readonly statusLabel = STEP_STATUS_LABEL;
  protected readonly perspectiveLabel = PERSPECTIVE_LABEL;
  protected readonly errorMessage = genericErrorMessage;

  /** The step whose save answered 412, and the server's detail. */
  protected readonly staleStep = signal<string | null>(null);
  protected readonly stepError = signal<{ id: string; message: string } | null>(null);
  protected readonly savingStep = signal<string | null>(null);
  private readonly dialog = inject(MatDialog);
  protected readonly recorded = signal<string | null>(null);

  private recordOpened: string | null = null;
  private readonly openRecord = effect(() => {
    const id = this.record();
    const measure = id ? this.store.measures().find((m) => m.id === id) : undefined;
    if (!measure || this.recordOpened === measure.id) return;
    this.recordOpened = measure.id;
    untracked(() => void this.openReading(measure));
  });

  /** The next reading was due before now (not stale yet: within the grace period). */
  protected readingDue(measure: MyMeasure): boolean {
    return measure.readingDueAt !== null && Date.parse(measure.readingDueAt) < this.store.now();
  }

  protected urgency(step: MyStep): string {
    return stepUrgency(step, this.store.now());
  }

  async changeStatus(step: MyStep, status: StepStatus): Promise<void> {
    if (status === step.status) return;
    this.staleStep.set(null);
    this.stepError.set(null);
    this.savingStep.set(step.id);
    try {
      await this.store.setStepStatus(step, status);
    } catch (error) {
      if (isPreconditionFailed(error)) this.staleStep.set(step.id);
      else this.stepError.set({ id: step.id, message: genericErrorMessage(error) });
    } finally {
      this.savingStep.set(null);
    }
  }

  reloadSteps(): void {
    this.staleStep.set(null);
    this.store.reload();
  }

  /**
   * The one reading form (the initiative page's dialog). The plausibility check knows the
   * baseline, the target and the latest reading here (the full history is on the initiative).
   */
  async openReading(measure: MyMeasure): Promise<void> {
    this.recorded.set(null);
    const ref = this.dialog.open<ReadingDialogComponent, ReadingDialogData, ReadingResponse>(
      ReadingDialogComponent,
      {
        width: '640px',
        maxWidth: '95vw',
        data: { measure, history: measure.latestReading ? [measure.latestReading.value] : [] },
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    void this.store.measureList.reload();
    this.recorded.set(`Reading saved for ${measure.name}.`);
  }

  async markRead(id: string): Promise<void> {
    try {
      await this.store.markRead(id);
    } catch {
      // The inbox reloads on the next visit; nothing is lost.
    }
  }

  async markAllRead(): Promise<void> {
    try {
      await this.store.markAllRead();
    } catch {
      // As above.
    }
  }
}
