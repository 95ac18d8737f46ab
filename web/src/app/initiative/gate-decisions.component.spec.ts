import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import type { DecisionConditionResponse, GateDecisionResponse } from '@waypoint/contracts';
import { GateDecisionsComponent } from './gate-decisions.component';

const CONDITION: DecisionConditionResponse = {
  id: 'c1',
  decisionId: 'd1',
  milestoneId: 'm1',
  text: 'Share the sampling plan',
  open: true,
  closedAt: null,
  closedBy: null,
  closeNote: null,
  version: 2,
};

const DECISION: GateDecisionResponse = {
  id: 'd1',
  milestoneId: 'm1',
  submissionId: 's1',
  decider: { id: 'e1', displayName: 'Erin Executive' },
  outcome: 'go_with_conditions',
  rationale: 'Clear problem; share the plan first.',
  decidedAt: '2026-12-01T10:00:00.000Z',
  conditions: [CONDITION],
};

describe('GateDecisionsComponent', () => {
  function render(canClose: boolean, close = jest.fn().mockResolvedValue(undefined)) {
    const fixture = TestBed.createComponent(GateDecisionsComponent);
    fixture.componentRef.setInput('decisions', [DECISION]);
    fixture.componentRef.setInput('gateTitle', 'Define');
    fixture.componentRef.setInput('canClose', canClose);
    fixture.componentRef.setInput('closeCondition', close);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const button = (name: string) =>
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes(name));
    return { fixture, el, close, button };
  }

  it('says the outcome in words, with decider, date, rationale and the conditions', () => {
    const { el, button } = render(false);
    const text = el.textContent ?? '';
    expect(text).toContain('Go with conditions');
    expect(text).not.toContain('go_with_conditions');
    expect(text).toContain('Erin Executive');
    expect(text).toContain('1 Dec 2026');
    expect(text).toContain('Clear problem; share the plan first.');
    expect(text).toContain('Open');
    expect(text).toContain('Share the sampling plan');
    expect(button('Close with a note')).toBeUndefined();
  });

  it('closes a condition with a note, and asks for the note first', async () => {
    const { fixture, el, close, button } = render(true);
    button('Close with a note')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const form = el.querySelector('form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(el.textContent).toContain('Say how the condition was met.');
    expect(close).not.toHaveBeenCalled();
    const note = el.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'Plan shared on 3 December.';
    note.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(CONDITION, 'Plan shared on 3 December.');
    fixture.detectChanges();
    expect(el.querySelector('form')).toBeNull();
  });

  it('says what the server refused', async () => {
    const refuse = jest.fn().mockRejectedValue(
      new HttpErrorResponse({
        status: 422,
        error: { title: 'Closed', status: 422, detail: 'This condition was closed already.' },
      }),
    );
    const { fixture, el, button } = render(true, refuse);
    button('Close with a note')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const note = el.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'Done';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('This condition was closed already.');
  });
});
