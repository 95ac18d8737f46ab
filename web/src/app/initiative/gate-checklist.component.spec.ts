import { TestBed } from '@angular/core/testing';
import type { GateBlocker, MeasureResponse, MilestoneResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { GateChecklistComponent, remainingBlockers } from './gate-checklist.component';

function aMilestone(overrides: Partial<MilestoneResponse> = {}): MilestoneResponse {
  return {
    id: 'm1',
    initiativeId: 'i1',
    position: 1,
    title: 'Define',
    goal: '',
    criteria: [
      { id: 'c1', label: 'Problem agreed', checked: false },
      { id: 'c2', label: 'Team formed', checked: false },
    ],
    measureIds: [],
    state: 'in_progress',
    startable: false,
    dueDate: null,
    startedAt: '2026-11-01T00:00:00.000Z',
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    openConditions: [],
    version: 4,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

/** Lets the queued saves and their answers run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

const MEASURE = { id: 'me1', name: 'Cost per contact' } as MeasureResponse;

const BLOCKERS: GateBlocker[] = [
  { kind: 'criterion_unchecked', criterionId: 'c1', label: 'Problem agreed', message: 'Tick c1' },
  { kind: 'measure_not_read', measureId: 'me1', name: 'Cost', message: 'Read me1' },
];

describe('remainingBlockers', () => {
  it('leaves out what was ticked or unlinked since the refusal', () => {
    const m = aMilestone({ measureIds: ['me1'] });
    expect(remainingBlockers(BLOCKERS, m).map((b) => b.message)).toEqual(['Tick c1', 'Read me1']);
    const ticked = aMilestone({
      criteria: [{ id: 'c1', label: 'Problem agreed', checked: true }],
      measureIds: [],
    });
    expect(remainingBlockers(BLOCKERS, ticked)).toEqual([]);
    expect(remainingBlockers([{ kind: 'no_exit_criteria', message: 'Add' }], aMilestone())).toEqual(
      [],
    );
  });
});

describe('GateChecklistComponent', () => {
  function render(milestone = aMilestone(), blockers: GateBlocker[] = []) {
    TestBed.configureTestingModule({ providers: provideTestHttp() });
    const fixture = TestBed.createComponent(GateChecklistComponent);
    fixture.componentRef.setInput('milestone', milestone);
    fixture.componentRef.setInput('measures', [MEASURE]);
    fixture.componentRef.setInput('blockers', blockers);
    fixture.detectChanges();
    const saved: MilestoneResponse[] = [];
    fixture.componentInstance.saved.subscribe((m) => saved.push(m));
    const box = (name: string): HTMLInputElement => {
      const label = Array.from(
        (fixture.nativeElement as HTMLElement).querySelectorAll('label'),
      ).find((l) => l.textContent?.includes(name));
      const input = label?.querySelector('input');
      if (!input) throw new Error(`no checkbox ${name}`);
      return input;
    };
    const tick = (name: string, on = true): void => {
      const input = box(name);
      input.checked = on;
      input.dispatchEvent(new Event('change'));
      fixture.detectChanges();
    };
    return { fixture, saved, tick, text: () => (fixture.nativeElement as HTMLElement).textContent };
  }

  it('saves each tick at once, one after another, each with the version the last answered', async () => {
    const { fixture, saved, tick, text } = render();
    tick('Problem agreed');
    tick('Cost per contact');
    expect(text()).toContain('Saving…');
    await settle();
    const first = httpMock().expectOne('/api/milestones/m1');
    expect(first.request.method).toBe('PATCH');
    expect(first.request.headers.get('If-Match')).toBe('"4"');
    expect(first.request.body).toEqual({
      criteria: [
        { id: 'c1', label: 'Problem agreed', checked: true },
        { id: 'c2', label: 'Team formed', checked: false },
      ],
      measureIds: [],
    });
    // The second waits for the first's answer.
    httpMock().expectNone('/api/milestones/m1');
    first.flush(aMilestone({ version: 5 }));
    await settle();
    const second = httpMock().expectOne('/api/milestones/m1');
    expect(second.request.headers.get('If-Match')).toBe('"5"');
    expect(second.request.body.measureIds).toEqual(['me1']);
    second.flush(aMilestone({ version: 6, measureIds: ['me1'] }));
    await settle();
    fixture.detectChanges();
    expect(saved.map((m) => m.version)).toEqual([5, 6]);
    expect(text()).toContain('Saved.');
  });

  it('shows what kept the submission back beside the items, until they are ticked', async () => {
    const { fixture, tick, text } = render(aMilestone({ measureIds: ['me1'] }), BLOCKERS);
    expect(text()).toContain('The gate cannot be submitted yet');
    expect(text()).toContain('needed to submit');
    expect(text()).toContain('needs a reading');
    tick('Problem agreed');
    expect(text()).not.toContain('needed to submit');
    expect(text()).toContain('Read me1');
    await settle();
    httpMock()
      .expectOne('/api/milestones/m1')
      .flush(aMilestone({ version: 5 }));
    await fixture.whenStable();
  });

  it('puts the boxes back as the server has them when a save is refused', async () => {
    const { fixture, tick, text } = render();
    tick('Team formed');
    await settle();
    httpMock()
      .expectOne('/api/milestones/m1')
      .flush(
        { title: 'Refused', status: 422, detail: 'The milestone is submitted.' },
        { status: 422, statusText: 'Unprocessable' },
      );
    await settle();
    fixture.detectChanges();
    expect(text()).toContain('The change was not saved. The milestone is submitted.');
    const label = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('label')).find(
      (l) => l.textContent?.includes('Team formed'),
    );
    expect(label?.querySelector('input')?.checked).toBe(false);
  });
});
