import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  type InitiativeMoneyResponse,
  type InitiativeStatus,
  MONEY_TEXT_MAX,
  type MoneyCycle,
} from '@waypoint/contracts';
import { paybackText, parseMoney, toMajor } from '@waypoint/domain';
import { MoneyApi } from '../shared/api';
import { MoneyTableComponent, type MoneyTableRow } from '../shared/money/money-table.component';
import {
  DayPipe,
  formatMeasure,
  formatMoneyMinor,
  formatNumber,
  MoneyPipe,
} from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import {
  type CaseForm,
  caseRequest,
  EMPTY_CASE,
  MoneyCaseFieldsComponent,
} from './money-case-fields.component';

/** How a cycle's realised benefit was found, in words. */
export function realisedHow(cycle: MoneyCycle, currency: string): string {
  switch (cycle.source) {
    case 'entered':
      return `Entered with evidence: ${cycle.entered?.note ?? ''}`;
    case 'measures':
      return cycle.measured
        .map(
          (m) =>
            `${m.name}: ${formatNumber(m.unitsImproved)} better than its baseline × ${formatMoneyMinor(m.valuePerUnitMinor, currency)}`,
        )
        .join('; ');
    case 'none':
      return 'Nothing realised: no value per unit stated, and nothing entered.';
  }
}

/**
 * The money of an initiative, on its Plan tab: the case with its assumptions, expected against
 * realised benefit per cycle (and how each realised figure was found), payback; for the owner,
 * the forms to write the case, state a value per unit on business measures, enter a cycle's
 * realised benefit with evidence, and publish the win once the initiative is completed.
 */
@Component({
  selector: 'wp-initiative-money',
  imports: [
    DayPipe,
    FormsModule,
    MatButton,
    MoneyCaseFieldsComponent,
    MoneyPipe,
    MoneyTableComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiative-money.component.html',
  styleUrl: './initiative-money.component.scss',
})
export class InitiativeMoneyComponent {
  private readonly api = inject(MoneyApi);
  readonly initiativeId = input.required<string>();
  readonly status = input.required<InitiativeStatus>();
  readonly canEdit = input(false);

  protected readonly money = httpResource<InitiativeMoneyResponse>(() =>
    this.api.initiativeRequest(this.initiativeId()),
  );
  protected readonly textMax = MONEY_TEXT_MAX;
  protected readonly paybackText = paybackText;
  protected readonly formatMeasure = formatMeasure;

  protected readonly editing = signal<'case' | 'realised' | 'win' | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly caseForm = signal<CaseForm>(EMPTY_CASE);
  protected realisedForm = { cycleId: '', amount: '', evidenceUrl: '', note: '' };
  protected winForm = { learned: '', youToldUs: '', weChanged: '' };

  protected readonly loadError = computed(() => {
    const error = this.money.error();
    return error ? genericErrorMessage(error) : null;
  });
  /** Each cycle's expected and realised benefit, and how the realised figure was found. */
  protected readonly cycleRows = computed(() => {
    if (!this.money.hasValue()) return [];
    const { cycles, currency } = this.money.value();
    return cycles.map(
      (c): MoneyTableRow => ({
        key: c.cycle.id,
        label: c.cycle.name,
        expectedMinor: c.expectedMinor,
        realisedMinor: c.realisedMinor,
        realisedNote: realisedHow(c, currency),
        ...(c.entered ? { evidenceUrl: c.entered.evidenceUrl } : {}),
      }),
    );
  });
  protected readonly startedCycles = computed(() => {
    const today = new Date().toISOString().slice(0, 10);
    return this.money.hasValue()
      ? this.money.value().cycles.filter((c) => c.cycle.startsOn <= today)
      : [];
  });
  protected readonly businessMeasures = computed(() =>
    this.money.hasValue()
      ? this.money.value().measures.filter((m) => m.perspective === 'business')
      : [],
  );

  constructor() {
    inject(LiveUpdatesService).watch(
      (event) => event.initiativeId === this.initiativeId(),
      () => this.money.reload(),
      { destroyRef: inject(DestroyRef) },
    );
  }

  protected major(minor: number, currency: string): string {
    return minor === 0 ? '' : String(toMajor(minor, currency));
  }

  protected openCase(m: InitiativeMoneyResponse): void {
    const plan = m.plan;
    this.caseForm.set({
      yearly: plan ? this.major(plan.expectedYearlyBenefitMinor, m.currency) : '',
      oneOff: plan ? this.major(plan.oneOffCostMinor, m.currency) : '',
      running: plan ? this.major(plan.runningCostMinor, m.currency) : '',
      assumptions: plan?.assumptions ?? '',
      startsOn: plan?.benefitStartsOn ?? '',
    });
    this.error.set(null);
    this.editing.set('case');
  }

  protected openRealised(): void {
    this.realisedForm = {
      cycleId: this.startedCycles().at(-1)?.cycle.id ?? '',
      amount: '',
      evidenceUrl: '',
      note: '',
    };
    this.error.set(null);
    this.editing.set('realised');
  }

  protected openWin(): void {
    this.error.set(null);
    this.editing.set('win');
  }

  protected majorOrEmpty(minor: number | null, currency: string): string {
    return minor === null ? '' : String(toMajor(minor, currency));
  }

  private async run(work: () => Promise<InitiativeMoneyResponse | unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
      this.editing.set(null);
      this.money.reload();
    } catch (error) {
      this.error.set(genericErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected saveCase(m: InitiativeMoneyResponse): void {
    const { request, problems } = caseRequest(this.caseForm(), m.currency);
    if (!request) {
      this.error.set(problems.join(' '));
      return;
    }
    void this.run(() =>
      this.api.putPlan(this.initiativeId(), request, m.plan ? m.plan.version : null),
    );
  }

  protected saveValue(measureId: string, amount: string, basis: string, currency: string): void {
    const minor = parseMoney(amount.trim() === '' ? '0' : amount, currency);
    if (minor === null || minor < 0) {
      this.error.set('Value per unit: write an amount such as 4.10 (0 to state none).');
      return;
    }
    void this.run(() =>
      this.api.putValuePerUnit(measureId, { valuePerUnitMinor: minor, basis: basis.trim() }),
    );
  }

  protected saveRealised(currency: string): void {
    const f = this.realisedForm;
    const minor = parseMoney(f.amount, currency);
    if (minor === null) {
      this.error.set('Amount: write an amount such as 21,500 (negative if it cost money).');
      return;
    }
    void this.run(() =>
      this.api.enterRealised(this.initiativeId(), {
        cycleId: f.cycleId,
        amountMinor: minor,
        evidenceUrl: f.evidenceUrl.trim(),
        note: f.note.trim(),
      }),
    );
  }

  protected publishWin(): void {
    void this.run(() => this.api.publishWin(this.initiativeId(), { ...this.winForm }));
  }
}
