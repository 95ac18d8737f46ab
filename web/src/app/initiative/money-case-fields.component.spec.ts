import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type CaseForm,
  caseRequest,
  caseTyped,
  EMPTY_CASE,
  MoneyCaseFieldsComponent,
} from './money-case-fields.component';

describe('caseRequest', () => {
  it('reads amounts as people type them, in minor units', () => {
    const { request, problems } = caseRequest(
      { yearly: '80,000', oneOff: '18000.50', running: '', assumptions: ' x ', startsOn: '' },
      'GBP',
    );
    expect(problems).toEqual([]);
    expect(request).toEqual({
      expectedYearlyBenefitMinor: 8_000_000,
      oneOffCostMinor: 1_800_050,
      runningCostMinor: 0,
      assumptions: 'x',
      benefitStartsOn: null,
    });
  });

  it('names each field that is not an amount', () => {
    const { request, problems } = caseRequest(
      { yearly: 'lots', oneOff: '-5', running: '1', assumptions: '', startsOn: '2026-01-01' },
      'GBP',
    );
    expect(request).toBeNull();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Expected benefit a year/);
  });
});

describe('caseTyped', () => {
  it('is false for an untouched case and for blanks, true once anything is written', () => {
    expect(caseTyped(EMPTY_CASE)).toBe(false);
    expect(caseTyped({ ...EMPTY_CASE, yearly: '  ' })).toBe(false);
    expect(caseTyped({ ...EMPTY_CASE, assumptions: 'Fewer calls.' })).toBe(true);
  });
});

@Component({
  imports: [MoneyCaseFieldsComponent],
  template: `<form><wp-money-case-fields [(value)]="form" currency="EUR" /></form>`,
})
class HostComponent {
  readonly form = signal<CaseForm>({ ...EMPTY_CASE, oneOff: '1,500' });
}

describe('MoneyCaseFieldsComponent', () => {
  it('names the currency in the amounts, shows the case and writes back what is typed', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const labels = Array.from(root.querySelectorAll('label')).map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual([
      'Expected benefit a year (EUR)',
      'One-off cost (EUR)',
      'Running cost a year (EUR)',
      'Benefit starts on',
      'Assumptions behind these figures',
    ]);
    expect(root.querySelector<HTMLInputElement>('input[name="oneOff"]')?.value).toBe('1,500');
    const yearly = root.querySelector<HTMLInputElement>('input[name="yearly"]');
    const assumptions = root.querySelector<HTMLTextAreaElement>('textarea[name="assumptions"]');
    if (!yearly || !assumptions) throw new Error('no fields');
    yearly.value = '40,000';
    yearly.dispatchEvent(new Event('input'));
    assumptions.value = '800 fewer calls a month at £4.10.';
    assumptions.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.form()).toEqual({
      ...EMPTY_CASE,
      yearly: '40,000',
      oneOff: '1,500',
      assumptions: '800 fewer calls a month at £4.10.',
    });
    expect(caseRequest(fixture.componentInstance.form(), 'EUR').request).toMatchObject({
      expectedYearlyBenefitMinor: 4_000_000,
      oneOffCostMinor: 150_000,
    });
  });
});
