import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { MeasureResponse } from '@waypoint/contracts';
import { MeasuresApi } from '../shared/api';
import { plausibilityQuestion, ReadingDialogComponent } from './reading-dialog.component';

const COST = {
  id: 'm1',
  name: 'Cost per contact',
  unit: '£',
  baseline: 6.4,
  target: 6,
  latestReading: null,
} as unknown as MeasureResponse;

async function open(
  recordReading = jest.fn().mockResolvedValue({ id: 'r9' }),
  correcting?: {
    id: string;
    value: number;
    observedAt: string;
    recordedBy: { displayName: string };
  },
) {
  const close = jest.fn();
  const correctReading = jest.fn().mockResolvedValue({ id: 'r10' });
  TestBed.configureTestingModule({
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: { measure: COST, history: [6.3], correcting } },
      { provide: MatDialogRef, useValue: { close } },
      { provide: MeasuresApi, useValue: { recordReading, correctReading } },
    ],
  });
  const fixture = TestBed.createComponent(ReadingDialogComponent);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const type = async (value: string): Promise<void> => {
    const input = el.querySelector<HTMLInputElement>('input[formcontrolname="value"]');
    if (!input) throw new Error('no value field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  };
  const submit = async (): Promise<void> => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  return { fixture, el, type, submit, close, recordReading, correctReading };
}

// The first render of Material's form fields takes seconds on a busy machine (CI shares two cores).
jest.setTimeout(30_000);

describe('ReadingDialogComponent', () => {
  it('says what is wrong with what was typed: "abc" asks for a number like the latest one', async () => {
    const { el, type, submit, recordReading } = await open();
    await type('abc');
    await submit();
    expect(el.textContent).toMatch('Enter a number, e.g. 6.4.');
    expect(recordReading).not.toHaveBeenCalled();
  });

  it('asks "Are you sure?" before saving -£3 for a cost, and saves once confirmed', async () => {
    const { el, type, submit, close, recordReading } = await open();
    await type('-3');
    await submit();
    const question = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(question).toMatch('Are you sure?');
    expect(question).toMatch('-£3 is below zero, and Cost per contact cannot be negative.');
    expect(recordReading).not.toHaveBeenCalled();

    const yes = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Yes, save it'),
    );
    yes?.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(recordReading).toHaveBeenCalledWith('m1', expect.objectContaining({ value: -3 }));
    expect(close).toHaveBeenCalledWith({ id: 'r9' });
  });

  it('"No, change the value" puts the question away and the cursor back in the value', async () => {
    const { el, type, submit, recordReading } = await open();
    await type('640');
    await submit();
    const no = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('No, change the value'),
    );
    no?.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.textContent).not.toMatch('Are you sure?');
    expect(document.activeElement?.getAttribute('formcontrolname')).toBe('value');
    expect(recordReading).not.toHaveBeenCalled();
  });

  it('saves a plausible value without asking', async () => {
    const { type, submit, close, recordReading } = await open();
    await type('6,2');
    await submit();
    expect(recordReading).toHaveBeenCalledWith('m1', expect.objectContaining({ value: 6.2 }));
    expect(close).toHaveBeenCalled();
  });

  it('words the far-outside question with the range seen', () => {
    expect(
      plausibilityQuestion(COST, 64, { kind: 'far_outside', side: 'above', low: 6, high: 6.4 }),
    ).toBe(
      '£64 is far above anything Cost per contact has seen so far (£6 to £6.40, baseline and target included).',
    );
  });

  it("keeps the corrected reading's own moment, to the millisecond, unless it is changed", async () => {
    const observedAt = '2026-11-30T09:41:37.512Z';
    const { el, type, submit, correctReading } = await open(undefined, {
      id: 'r1',
      value: -3,
      observedAt,
      recordedBy: { displayName: 'Mika Member' },
    });
    await type('5.5');
    const note = el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="note"]');
    if (!note) throw new Error('no note field');
    note.value = 'Typed a minus for 5.5';
    note.dispatchEvent(new Event('input'));
    await submit();
    expect(correctReading).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'r1' }),
      expect.objectContaining({ value: 5.5, observedAt }),
    );
  });
});
