import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  CYCLE_NAME_MAX_LENGTH,
  CYCLE_PERIOD_VALUES,
  type CyclePeriod,
  type CycleResponse,
  type Page,
} from '@waypoint/contracts';
import { type DaySpan, periodAfter, periodContaining, today } from '@waypoint/domain';
import { CyclesApi } from '../shared/api';
import { DayPipe } from '../shared/format';
import { genericErrorMessage, problemOf } from '../shared/problem';
import { AdminNavComponent } from './admin-nav.component';

export const PERIOD_LABEL: Readonly<Record<CyclePeriod, string>> = {
  quarter: 'A quarter',
  half: 'A half-year',
  month: 'A month',
};

/**
 * The cycle `POST /api/cycles/next` will create: the period after the latest cycle, or the one
 * running today when there is none (the same domain functions the API uses).
 */
export function suggestedCycle(
  cycles: readonly Pick<CycleResponse, 'endsOn'>[],
  period: CyclePeriod,
  day: string = today(),
): DaySpan {
  const latest = [...cycles].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
  return latest ? periodAfter(latest.endsOn, period) : periodContaining(day, period);
}

/** Words for a refused change of a cycle. */
export function cycleRefusal(error: unknown): string {
  const problem = problemOf(error);
  if (problem?.code === 'cycle_period_invalid') {
    return 'The last day must come after the first, and a cycle lasts at most a year.';
  }
  if (problem?.status === 412) {
    return 'Someone changed this cycle meanwhile: look at its dates again and retry.';
  }
  return genericErrorMessage(error);
}

/** Administration › Cycles: create the next cycle, change a cycle's dates while nothing rests on them. */
@Component({
  selector: 'wp-cycles-admin-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    AdminNavComponent,
    DayPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cycles-admin-page.component.html',
  styleUrl: './admin.scss',
})
export class CyclesAdminPageComponent {
  private readonly api = inject(CyclesApi);
  protected readonly periods = CYCLE_PERIOD_VALUES;
  protected readonly periodLabel = PERIOD_LABEL;
  protected readonly nameMax = CYCLE_NAME_MAX_LENGTH;
  protected readonly errorMessage = genericErrorMessage;
  protected readonly today = today();

  protected readonly cycles = httpResource<Page<CycleResponse>>(() =>
    this.api.listRequest({ sort: '-startsOn', limit: 100 }),
  );
  protected readonly list = computed(() =>
    this.cycles.hasValue() ? this.cycles.value().items : [],
  );

  protected readonly period = signal<CyclePeriod>('quarter');
  protected readonly suggestion = computed(() =>
    this.cycles.hasValue() ? suggestedCycle(this.list(), this.period()) : null,
  );
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly created = signal<CycleResponse | null>(null);

  protected readonly editing = signal<string | null>(null);
  protected readonly editName = signal('');
  protected readonly editStart = signal('');
  protected readonly editEnd = signal('');
  protected readonly saving = signal(false);
  protected readonly editError = signal<{ id: string; message: string } | null>(null);

  protected async createNext(): Promise<void> {
    this.creating.set(true);
    this.createError.set(null);
    this.created.set(null);
    try {
      this.created.set(await this.api.createNext({ period: this.period() }));
      this.cycles.reload();
    } catch (error) {
      this.createError.set(cycleRefusal(error));
    } finally {
      this.creating.set(false);
    }
  }

  protected startEdit(cycle: CycleResponse): void {
    this.editing.set(cycle.id);
    this.editName.set(cycle.name);
    this.editStart.set(cycle.startsOn);
    this.editEnd.set(cycle.endsOn);
    this.editError.set(null);
  }

  protected async save(cycle: CycleResponse): Promise<void> {
    const changes = {
      ...(this.editName().trim() !== cycle.name ? { name: this.editName().trim() } : {}),
      ...(this.editStart() !== cycle.startsOn ? { startsOn: this.editStart() } : {}),
      ...(this.editEnd() !== cycle.endsOn ? { endsOn: this.editEnd() } : {}),
    };
    if (Object.keys(changes).length === 0) {
      this.editing.set(null);
      return;
    }
    this.saving.set(true);
    this.editError.set(null);
    try {
      await this.api.update(cycle, changes);
      this.editing.set(null);
      this.cycles.reload();
    } catch (error) {
      this.editError.set({ id: cycle.id, message: cycleRefusal(error) });
    } finally {
      this.saving.set(false);
    }
  }
}
