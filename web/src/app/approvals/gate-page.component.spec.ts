import { Component } from '@angular/core';
import { alertPage, anAlert } from '../shared/alerts/alert-list.testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  CommentResponse,
  GateDecisionResponse,
  InitiativeValueResponse,
  MeasureResponse,
  MilestoneDetailResponse,
  ReadingResponse,
} from '@waypoint/contracts';
import { aProblem, aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { aMeasureResponse } from '../shared/measure.testing';
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
      note: 'Waiting is down to 22 minutes; cost per contact is not linked yet.',
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

const Q3 = { id: 'q3', name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };
const Q4 = { id: 'q4', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' };

const VALUE: InitiativeValueResponse = {
  initiativeId: 'i1',
  estimated: { customer: 8, business: 6 },
  now: { customer: 0.68, business: 0.42 },
  measures: [],
  cycles: [
    { cycle: Q3, customer: 0.5, business: 0.43 },
    { cycle: Q4, customer: 0.68, business: 0.42 },
  ],
  alerts: { cycle: Q4, threshold: 0.1, items: [] },
};

/** A measure of the gate: 38 min at baseline, 15 min the target. */
function aMeasure(id: string, overrides: Partial<MeasureResponse>): MeasureResponse {
  return aMeasureResponse({
    id,
    name: id,
    unit: 'min',
    direction: 'lower_is_better',
    baseline: 38,
    target: 15,
    kpiClass: 'neutral',
    ...overrides,
  });
}

const MEASURES: MeasureResponse[] = [
  aMeasure('w1', {
    name: 'Average wait at peak',
    counterMeasure: { id: 'c1', name: 'Cost per contact', perspective: 'business' },
  }),
  aMeasure('c1', {
    name: 'Cost per contact',
    unit: '£',
    perspective: 'business',
    baseline: 6.4,
    target: 5.2,
    latestReading: { id: 'r9', value: 5.8, observedAt: '2026-11-20T09:00:00.000Z' },
    progress: 0.5,
  } as Partial<MeasureResponse>),
];

const COMMENTS: CommentResponse[] = [
  {
    id: 'k1',
    initiativeId: 'i1',
    targetType: 'milestone',
    targetId: 'm1',
    author: { id: 'u-lee', displayName: 'Lee Chen' },
    body: 'The Monday numbers include the bank holiday.',
    createdAt: '2026-11-11T10:00:00.000Z',
  },
];

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
      .expectOne((r) => r.url === '/api/initiatives/i1/measures')
      .flush({ items: MEASURES, total: MEASURES.length, limit: 200, offset: 0 });
    httpMock().expectOne('/api/initiatives/i1/value').flush(VALUE);
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives/i1/comments')
      .flush({ items: COMMENTS, total: COMMENTS.length, limit: 200, offset: 0 });
    await settle();
    httpMock()
      .expectOne((r) => r.url === '/api/alerts' && r.params.get('initiativeId') === 'i1')
      .flush(alertPage([anAlert({ initiative: { id: 'i1', title: 'Call-backs' } })]));
    httpMock()
      .match((r) => r.url === '/api/measures/c1/readings')
      .forEach((r) => r.flush({ items: [], total: 0, limit: 200, offset: 0 }));
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
    expect(measure).toContain('Counter-measure: Cost per contact must not get worse.');
    expect(measure).toContain('Average wait at peak');
    expect(measure).toMatch(/Baseline\s*38 min/);
    expect(measure).toMatch(/Target\s*15 min/);
    expect(measure).toMatch(/Latest reading\s*24 min/);
    expect(measure).toMatch(/Progress\s*61%/);
    // The chart shows the readings up to the snapshot only (its table is the text alternative).
    const rows = el().querySelectorAll('wp-gate-measure:first-of-type tbody tr');
    expect(rows).toHaveLength(2);
    expect(el().textContent).toContain('2 of 4 steps done.');
    expect(el().textContent).toContain('waiting for');
    expect(el().textContent).toContain('4 of 5');
    expect(el().textContent).toContain('Team keen.');
    expect(el().textContent).toContain('No decision on this milestone yet.');
    expect(el().querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows the whole picture: every measure, the value indices, the note and the comments', async () => {
    await open();
    const measures = Array.from(el().querySelectorAll('wp-gate-measure')).map((m) =>
      m.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(measures).toHaveLength(2);
    // The linked measure first; the other flagged, as it stands now, money as the locale writes it.
    expect(measures[0]).toContain('Average wait at peak');
    expect(measures[0]).not.toContain('Not linked');
    expect(measures[1]).toContain('Not linked by the submitter');
    expect(measures[1]).toContain('Counter-measure of Average wait at peak.');
    expect(measures[1]).toMatch(/Baseline\s*£6\.40/);
    expect(measures[1]).toMatch(/Latest reading now\s*£5\.80/);
    expect(el().textContent).toContain(
      "1 of the initiative's 2 measures linked to this gate by the submitter",
    );
    const indices = el().querySelector('.wp-indices')?.textContent?.replace(/\s+/g, ' ');
    expect(indices).toContain('Customer value now68%+18 points in 2026-Q4');
    expect(indices).toContain('Business value now42%-1 point in 2026-Q4');
    expect(el().querySelector('.wp-gate__note')?.textContent).toContain(
      'Waiting is down to 22 minutes; cost per contact is not linked yet.',
    );
    const comment = el().querySelector('.wp-comments__item')?.textContent?.replace(/\s+/g, ' ');
    expect(comment).toContain('Lee Chen');
    expect(comment).toContain('on this gate');
    expect(comment).toContain('The Monday numbers include the bank holiday.');
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
        conditions: [
          {
            id: 'k1',
            decisionId: 'd1',
            milestoneId: 'm1',
            text: 'Sample the Monday calls again',
            open: true,
            closedAt: null,
            closedBy: null,
            closeNote: null,
            version: 1,
          },
        ],
      },
    ]);

    expect(el().querySelector('.wp-decisions')?.textContent).toContain(
      'Changes requested by Erin Executive',
    );
    expect(el().querySelector('.wp-decisions .wp-conditions')?.textContent).toContain(
      'Sample the Monday calls again',
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
    expect(el().textContent).toContain('This gate is not waiting for a decision: it is approved.');
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
