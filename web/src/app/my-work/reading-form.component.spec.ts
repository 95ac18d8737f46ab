import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MEASURE_NUMBER_LIMIT, READING_NOTE_MAX_LENGTH } from '@waypoint/contracts';
import { aProblem, provideTestHttp } from '../auth/auth.testing';
import { HttpErrorResponse } from '@angular/common/http';
import { MyWorkStore, type MyMeasure } from './my-work.store';
import { ReadingFormComponent, readingRequest, todayIso } from './reading-form.component';

const NOW = Date.parse('2026-11-23T10:30:00Z');

describe('readingRequest', () => {
  it('observes today at the current time and earlier days at noon', () => {
    expect(readingRequest(5, '2026-11-23', '', NOW)).toEqual({
      value: 5,
      observedAt: '2026-11-23T10:30:00.000Z',
    });
    expect(readingRequest(5, '2026-11-20', '  seen on the dashboard ', NOW)).toEqual({
      value: 5,
      observedAt: '2026-11-20T12:00:00.000Z',
      note: 'seen on the dashboard',
    });
    expect(todayIso(NOW)).toBe('2026-11-23');
  });
});

describe('ReadingFormComponent', () => {
  const recordReading = jest.fn();

  beforeEach(() => {
    recordReading.mockReset();
    TestBed.configureTestingModule({
      imports: [ReadingFormComponent],
      providers: [
        provideRouter([]),
        ...provideTestHttp(),
        { provide: MyWorkStore, useValue: { recordReading } },
      ],
    });
  });

  function create() {
    const fixture = TestBed.createComponent(ReadingFormComponent);
    fixture.componentRef.setInput('measure', { id: 'm1', name: 'Cost', unit: '£' } as MyMeasure);
    fixture.detectChanges();
    return fixture;
  }

  it('validates with the server limits before sending', async () => {
    const fixture = create();
    const form = fixture.componentInstance.form;
    await fixture.componentInstance.submit();
    expect(form.controls.value.hasError('required')).toBe(true);
    form.controls.value.setValue(MEASURE_NUMBER_LIMIT * 2);
    expect(form.controls.value.hasError('max')).toBe(true);
    form.controls.note.setValue('x'.repeat(READING_NOTE_MAX_LENGTH + 1));
    expect(form.controls.note.hasError('maxlength')).toBe(true);
    form.controls.observedOn.setValue('2999-01-01');
    expect(form.controls.observedOn.hasError('future')).toBe(true);
    expect(recordReading).not.toHaveBeenCalled();
  });

  it("shows the server's field errors under the field", async () => {
    recordReading.mockRejectedValue(
      new HttpErrorResponse({
        status: 422,
        error: aProblem(422, 'Invalid', { value: ['value is outside the measure range'] }),
      }),
    );
    const fixture = create();
    fixture.componentInstance.form.controls.value.setValue(4);
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(recordReading).toHaveBeenCalledWith('m1', expect.objectContaining({ value: 4 }));
    expect(fixture.nativeElement.textContent).toContain('value is outside the measure range');
  });

  it('emits saved after a reading is recorded', async () => {
    recordReading.mockResolvedValue({ id: 'r1' });
    const fixture = create();
    const saved = jest.fn();
    fixture.componentInstance.saved.subscribe(saved);
    fixture.componentInstance.form.controls.value.setValue(4);
    await fixture.componentInstance.submit();
    expect(saved).toHaveBeenCalled();
  });
});
