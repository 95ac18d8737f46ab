import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { MeasureResponse } from '@waypoint/contracts';
import { InitiativeDetailStore } from './initiative-detail.store';
import {
  changesOf,
  MeasureEditorDialogComponent,
  type MeasureEditorDialogData,
} from './measure-editor-dialog.component';

const COST = {
  id: 'm1',
  name: 'Cost per contact',
  unit: 'EUR',
  perspective: 'business',
  direction: 'lower_is_better',
  baseline: 6.5,
  target: 6,
  cadence: 'monthly',
  kpiClass: 'neutral',
  weight: 1,
  customerGroup: null,
  counterMeasure: null,
  baselineFrozenAt: '2030-04-15T10:00:00.000Z',
} as unknown as MeasureResponse;

// The first render of Material's form fields takes seconds on a busy machine (CI shares two cores).
jest.setTimeout(30_000);

async function open(data: MeasureEditorDialogData) {
  const close = jest.fn();
  const store = {
    addMeasure: jest.fn().mockResolvedValue({ id: 'new' }),
    updateMeasure: jest.fn().mockResolvedValue({ id: 'm1' }),
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
      { provide: InitiativeDetailStore, useValue: store },
    ],
  });
  const fixture = TestBed.createComponent(MeasureEditorDialogComponent);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const field = (name: string): HTMLInputElement | HTMLSelectElement => {
    const found = el.querySelector<HTMLInputElement | HTMLSelectElement>(
      `[formcontrolname="${name}"]`,
    );
    if (!found) throw new Error(`no ${name} field`);
    return found;
  };
  const type = (name: string, value: string): void => {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const submit = async (): Promise<void> => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { fixture, el, field, type, submit, close, store };
}

describe('MeasureEditorDialogComponent', () => {
  it('adds a measure with what was typed, and refuses a baseline that is not a number', async () => {
    const { el, type, submit, close, store } = await open({
      businessMeasures: [COST],
      customerGroups: [{ id: 'g1', name: 'Loyal families', intent: 'retain', protected: true }],
    });
    type('name', 'Customer effort');
    type('unit', 'points');
    type('perspective', 'customer');
    type('baseline', 'abc');
    type('target', '2');
    await submit();
    expect(store.addMeasure).not.toHaveBeenCalled();
    expect(el.textContent).toContain('Enter a number, e.g. 6.5.');
    type('baseline', '3.5');
    type('customerGroupId', 'g1');
    await submit();
    expect(store.addMeasure).toHaveBeenCalledWith({
      name: 'Customer effort',
      unit: 'points',
      perspective: 'customer',
      direction: 'higher_is_better',
      baseline: 3.5,
      target: 2,
      cadence: 'monthly',
      kpiClass: 'neutral',
      weight: 1,
      customerGroupId: 'g1',
    });
    expect(close).toHaveBeenCalledWith({ id: 'new' });
  });

  it('changes only what differs; a frozen baseline cannot be typed', async () => {
    const { field, type, submit, store, el } = await open({
      measure: COST,
      businessMeasures: [COST],
      customerGroups: [],
    });
    expect(field('baseline').disabled).toBe(true);
    expect(el.textContent).toContain('Frozen on 15 Apr 2030');
    type('target', '5.5');
    await submit();
    expect(store.updateMeasure).toHaveBeenCalledWith(COST, { target: 5.5 });
  });
});

describe('changesOf', () => {
  it('clears a link left empty and keeps what did not change out', () => {
    const linked = { ...COST, customerGroup: { id: 'g1', name: 'Loyal families' } };
    expect(
      changesOf(linked as MeasureResponse, {
        name: 'Cost per contact',
        unit: 'EUR',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 6.5,
        target: 6,
        cadence: 'quarterly',
        kpiClass: 'neutral',
        weight: 1,
      }),
    ).toEqual({ cadence: 'quarterly', customerGroupId: null });
  });
});
