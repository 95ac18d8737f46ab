import { Component } from '@angular/core';
import { alertPage, anAlert } from '../shared/alerts/alert-list.testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  GateDecisionResponse,
  MilestoneDetailResponse,
  ReadingResponse,
} from '@waypoint/contracts';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { DecisionConfirmationStore } from './approvals-list.store';
import { GatePageComponent } from './gate-page.component';

@Component({ selector: 'wp-list-stub', template: '<h1>List</h1>' })
class ListStubComponent {}

const MANAGER = { id: 'u-manager', displayName: 'Morgan Manager' };

function aMilestone(overrides: Partial<MilestoneDetailResponse> = {}): MilestoneDetailResponse {
  return {
    id: 'm1',
    initiativeId: 'i1',
    position: 2,
    title: 'Measure',
    goal: 'Know where the waiting comes from.',
    criteria: [],
    measureIds: ['w1'],
    state: 'submitted',
    startable: false,
    dueDate: null,
    startedAt: '2026-10-01T09:00:00.000Z',
    submittedAt: '2026-11-10T09:00:00.000Z',
    submittedBy: MANAGER,
    decidedAt: null,
    openConditions: [],
    version: 4,
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    latestSubmission: {
      id: 's1',
      milestoneId: 'm1',
      submittedAt: '2026-11-10T09:00:00.000Z',
      submittedBy: MANAGER,
      snapshot: {
        takenAt: '2026-11-10T09:00:00.000Z',
        milestone: {
          id: 'm1',
          position: 2,
          title: 'Measure',
          goal: 'Know where the waiting comes from.',
          dueDate: null,
          startedAt: '2026-10-01T09:00:00.000Z',
        },
        criteria: [
          { id: 'c1', label: 'Peak hours mapped', checked: true },
          { id: 'c2', label: 'Call-back pilot designed', checked: false },
        ],
        measures: [
          {
            id: 'w1',
            name: 'Average wait at peak',
            unit: 'min',
            perspective: 'customer',
            direction: 'lower_is_better',
            baseline: 38,
            target: 15,
            latestReading: { id: 'r2', value: 24, observedAt: '2026-11-03T09:00:00.000Z' },
            progress: 0.6087,
          },
        ],
        steps: { total: 4, byStatus: { todo: 1, doing: 1, blocked: 0, done: 2 } },
        readiness: { score: 4, notes: 'Team keen.' },
        openConditions: [],
      },
    },
    decisions: [],
    ...overrides,
  };
}

function aReading(id: string, value: number, observedAt: string): ReadingResponse {
  return {
    id,
    measureId: 'w1',
    value,
    observedAt,
    recordedBy: { id: 'u-lee', displayName: 'Lee Chen' },
    recordedAt: observedAt,
    note: '',
    evidenceUrl: null,
    supersedesId: null,
    supersededById: null,
    superseded: false,
  } as ReadingResponse;
}

describe('GatePageComponent', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'approvals', component: ListStubComponent },
          { path: 'approvals/:milestoneId', component: GatePageComponent },
        ]),
        ...provideTestHttp(),
        provideIcons(),
        provideNoopAnimations(),
      ],
    });
    await startAs(aUser('executive'));
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => httpMock().verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  /** Renders and lets resources start their requests (whenStable waits for open requests). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function open(milestone = aMilestone(), decisions: GateDecisionResponse[] = []) {
    await harness.navigateByUrl('/approvals/m1');
    await settle();
    httpMock().expectOne('/api/milestones/m1').flush(milestone);
    httpMock()
      .expectOne((r) => r.url === '/api/milestones/m1/decisions')
      .flush({ items: decisions, total: decisions.length, limit: 200, offset: 0 });
    await settle();
    httpMock().expectOne('/api/initiatives/i1').flush({ id: 'i1', title: 'Call-backs' });
    httpMock()
      .expectOne((r) => r.url === '/api/alerts' && r.params.get('initiativeId') === 'i1')
      .flush(alertPage([anAlert({ initiative: { id: 'i1', title: 'Call-backs' } })]));
    httpMock()
      .match((r) => r.url === '/api/measures/w1/readings')
      .forEach((r) =>
        r.flush({
          items: [
            aReading('r1', 31, '2026-10-06T09:00:00.000Z'),
            aReading('r2', 24, '2026-11-03T09:00:00.000Z'),
            aReading('r3', 22, '2026-11-17T09:00:00.000Z'),
          ],
          total: 3,
          limit: 200,
          offset: 0,
        }),
      );
    await harness.fixture.whenStable();
  }

  it('shows the evidence snapshot: criteria, measures, steps and readiness', async () => {
    await open();
    expect(el().querySelector('wp-alert-list .wp-alert__title')?.textContent).toContain(
      'Customer value falls as business value rises',
    );

    expect(el().querySelector('h1')?.textContent?.trim()).toBe('Measure');
    expect(el().textContent).toContain('Call-backs');
    expect(el().textContent).toContain('Submitted by Morgan Manager');
    const criteria = Array.from(el().querySelectorAll('.wp-criteria__item')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(criteria).toEqual([
      '✓Peak hours mapped, checked',
      '✗Call-back pilot designed, not checked',
    ]);
    const measure = el().querySelector('wp-gate-measure')?.textContent?.replace(/\s+/g, ' ');
    expect(measure).toContain('Average wait at peak');
    expect(measure).toMatch(/Baseline\s*38 min/);
    expect(measure).toMatch(/Target\s*15 min/);
    expect(measure).toMatch(/Latest reading\s*24 min/);
    expect(measure).toMatch(/Progress\s*61%/);
    // The chart shows the readings up to the snapshot only (its table is the text alternative).
    const rows = el().querySelectorAll('wp-gate-measure tbody tr');
    expect(rows).toHaveLength(2);
    expect(el().textContent).toContain('2 of 4 steps done.');
    expect(el().textContent).toContain('4 of 5');
    expect(el().textContent).toContain('Team keen.');
    expect(el().textContent).toContain('No decision on this milestone yet.');
    expect(el().querySelectorAll('h1')).toHaveLength(1);
  });

  it('lists earlier decisions with their conditions', async () => {
    await open(aMilestone(), [
      {
        id: 'd1',
        milestoneId: 'm1',
        submissionId: 's0',
        decider: { id: 'u-erin', displayName: 'Erin Executive' },
        outcome: 'changes_requested',
        rationale: 'Sample more calls.',
        decidedAt: '2026-11-01T09:00:00.000Z',
        conditions: [],
      },
    ]);

    expect(el().querySelector('.wp-decisions')?.textContent).toContain(
      'Changes requested by Erin Executive',
    );
    expect(el().textContent).toContain('Sample more calls.');
  });

  it('records the decision with an Idempotency-Key and goes back to the list with a confirmation', async () => {
    await open();
    const store = TestBed.inject(DecisionConfirmationStore);
    const form = el().querySelector('wp-decision-form') as HTMLElement;
    const radio = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"]'))[0];
    radio.click();
    await harness.fixture.whenStable();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();

    const post = httpMock().expectOne('/api/milestones/m1/decisions');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ outcome: 'go' });
    expect(post.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    post.flush({ id: 'd2', outcome: 'go', conditions: [] });
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/approvals');
    expect(store.confirmation()).toEqual({
      initiativeTitle: 'Call-backs',
      milestoneTitle: 'Measure',
      outcomeLabel: 'Go',
    });
  });

  it("shows the API's refusal in place, e.g. for the gate's own submitter", async () => {
    await open();
    const form = el().querySelector('wp-decision-form') as HTMLElement;
    form.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
    await harness.fixture.whenStable();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();

    httpMock()
      .expectOne('/api/milestones/m1/decisions')
      .flush(aProblem(422, 'The person who submitted a gate cannot decide it.'), {
        status: 422,
        statusText: 'Unprocessable Content',
      });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/approvals/m1');
    expect(form.querySelector('[role="alert"]')?.textContent).toContain(
      'The person who submitted a gate cannot decide it.',
    );
  });

  it('says when the gate is not waiting any more', async () => {
    await open(aMilestone({ state: 'approved' }));

    expect(el().querySelector('wp-decision-form')).toBeNull();
    expect(el().textContent).toContain('This gate is not waiting for a decision (it is approved).');
  });

  it('shows a not-found state for an unknown milestone', async () => {
    await harness.navigateByUrl('/approvals/m1');
    await settle();
    httpMock()
      .expectOne('/api/milestones/m1')
      .flush(aProblem(404, 'No such milestone.'), { status: 404, statusText: 'Not Found' });
    httpMock()
      .expectOne((r) => r.url === '/api/milestones/m1/decisions')
      .flush(aProblem(404, 'No such milestone.'), { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();

    expect(el().querySelector('h1')?.textContent).toContain('Gate not found');
  });
});
