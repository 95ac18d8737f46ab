import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MONEY_TEXT_MAX, type PutMoneyPlanRequest } from '@waypoint/contracts';
import { parseMoney } from '@waypoint/domain';

/** A money case as typed: amounts in the currency's major units, as people write them. */
export interface CaseForm {
  yearly: string;
  oneOff: string;
  running: string;
  assumptions: string;
  startsOn: string;
}

export const EMPTY_CASE: CaseForm = {
  yearly: '',
  oneOff: '',
  running: '',
  assumptions: '',
  startsOn: '',
};

/** Whether anything of the case was typed (an untouched case is not sent). */
export function caseTyped(form: CaseForm): boolean {
  return Object.values(form).some((v) => v.trim() !== '');
}

/** The case typed in the form as a request, or the fields that are not amounts. */
export function caseRequest(
  form: CaseForm,
  currency: string,
): { request: PutMoneyPlanRequest | null; problems: string[] } {
  const amount = (text: string, label: string, problems: string[]): number => {
    const minor = parseMoney(text.trim() === '' ? '0' : text, currency);
    if (minor === null || minor < 0) {
      problems.push(`${label}: write an amount such as 12,500 or 12,500.50.`);
      return 0;
    }
    return minor;
  };
  const problems: string[] = [];
  const request: PutMoneyPlanRequest = {
    expectedYearlyBenefitMinor: amount(form.yearly, 'Expected benefit a year', problems),
    oneOffCostMinor: amount(form.oneOff, 'One-off cost', problems),
    runningCostMinor: amount(form.running, 'Running cost a year', problems),
    assumptions: form.assumptions.trim(),
    benefitStartsOn: form.startsOn === '' ? null : form.startsOn,
  };
  return { request: problems.length === 0 ? request : null, problems };
}

/**
 * The fields of a money case (expected yearly benefit, one-off and running cost, when the
 * benefit starts, the assumptions), two-way bound to a `CaseForm`: the money editor of an
 * initiative and the planning wizard both write the case with them, and send it with
 * `caseRequest`. Laid out as the cells of the caller's grid (`display: contents`).
 */
@Component({
  selector: 'wp-money-case-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label>
      Expected benefit a year ({{ currency() }})
      <input
        name="yearly"
        inputmode="decimal"
        [value]="value().yearly"
        (input)="set('yearly', $event)"
      />
    </label>
    <label>
      One-off cost ({{ currency() }})
      <input
        name="oneOff"
        inputmode="decimal"
        [value]="value().oneOff"
        (input)="set('oneOff', $event)"
      />
    </label>
    <label>
      Running cost a year ({{ currency() }})
      <input
        name="running"
        inputmode="decimal"
        [value]="value().running"
        (input)="set('running', $event)"
      />
    </label>
    <label>
      Benefit starts on
      <input
        name="startsOn"
        type="date"
        [value]="value().startsOn"
        (input)="set('startsOn', $event)"
      />
    </label>
    <label class="wide">
      Assumptions behind these figures
      <textarea
        name="assumptions"
        rows="3"
        [attr.maxlength]="textMax"
        [value]="value().assumptions"
        (input)="set('assumptions', $event)"
      ></textarea>
    </label>
  `,
  styleUrl: './money-case-fields.component.scss',
})
export class MoneyCaseFieldsComponent {
  readonly value = model.required<CaseForm>();
  /** The organisation's currency (ISO 4217), named in the amounts' labels. */
  readonly currency = input.required<string>();
  protected readonly textMax = MONEY_TEXT_MAX;

  protected set(field: keyof CaseForm, event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.value.update((form) => ({ ...form, [field]: target.value }));
  }
}
