import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeasureResponse, StepResponse } from '@waypoint/contracts';
import { aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { MyWorkStore, sortMeasures, sortSteps, stepUrgency } from './my-work.store';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const tick = () => new Promise((resolve) => setTimeout(resolve));

function aStep(overrides: Partial<StepResponse> = {}): StepResponse {
  return {
    id: 's1',
    milestoneId: 'm1',
    initiativeId: 'i1',
    position: 1,
    title: 'A step',
    assignee: null,
    dueDate: null,
    status: 'todo',
    movedFromMilestoneId: null,
    version: 3,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

function aMeasure(overrides: Partial<MeasureResponse> = {}): MeasureResponse {
  return {
    id: 'me1',
    initiativeId: 'i1',
    name: 'A measure',
    unit: '%',
    perspective: 'customer',
    direction: 'higher_is_better',
    baseline: 0,
    target: 10,
    targetDate: null,
    cadence: 'monthly',
    kpiClass: 'customer_centric',
    weight: 1,
    customerGroup: null,
    counterMeasure: null,
    recorder: null,
    baselineFrozenAt: null,
    latestReading: null,
    progress: null,
    stale: false,
    staleSince: null,
    readingDueAt: null,
    version: 1,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

describe('stepUrgency', () => {
  it('is overdue past the due day, soon within a week, later after, done when done', () => {
    expect(stepUrgency({ dueDate: '2026-11-21', status: 'todo' }, NOW)).toBe('overdue');
    expect(stepUrgency({ dueDate: '2026-11-23', status: 'todo' }, NOW)).toBe('soon');
    expect(stepUrgency({ dueDate: '2026-11-29', status: 'doing' }, NOW)).toBe('soon');
    expect(stepUrgency({ dueDate: '2026-12-20', status: 'todo' }, NOW)).toBe('later');
    expect(stepUrgency({ dueDate: null, status: 'blocked' }, NOW)).toBe('later');
    expect(stepUrgency({ dueDate: '2026-11-01', status: 'done' }, NOW)).toBe('done');
  });
});

describe('sortSteps', () => {
  it('puts overdue first, then due soon, then later, done last', () => {
    const steps = [
      aStep({ title: 'done', dueDate: '2026-11-01', status: 'done' }),
      aStep({ title: 'later', dueDate: '2027-01-01' }),
      aStep({ title: 'no date' }),
      aStep({ title: 'soon', dueDate: '2026-11-26' }),
      aStep({ title: 'overdue', dueDate: '2026-11-21' }),
    ];
    expect(sortSteps(steps, NOW).map((s) => s.title)).toEqual([
      'overdue',
      'soon',
      'later',
      'no date',
      'done',
    ]);
  });
});

describe('sortMeasures', () => {
  it('puts stale measures first, then by when the next reading is due', () => {
    const measures = [
      aMeasure({ name: 'b', readingDueAt: '2026-12-10T00:00:00Z' }),
      aMeasure({ name: 'a', readingDueAt: '2026-12-01T00:00:00Z' }),
      aMeasure({ name: 'stale', stale: true, readingDueAt: '2026-12-30T00:00:00Z' }),
    ];
    expect(sortMeasures(measures).map((m) => m.name)).toEqual(['stale', 'a', 'b']);
  });
});

describe('MyWorkStore', () => {
  const me = aUser('member');
  let store: MyWorkStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), MyWorkStore],
    });
    await startAs(me);
    store = TestBed.inject(MyWorkStore);
  });
  afterEach(() => httpMock().verify());

  async function load(): Promise<void> {
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/notifications?limit=20')
      .flush({ items: [], total: 0, limit: 20, offset: 0, unreadCount: 0 });
    httpMock()
      .expectOne('/api/initiatives?limit=100')
      .flush({ items: [{ id: 'i1', title: 'Call-backs' }], total: 1, limit: 100, offset: 0 });
    await tick();
    httpMock()
      .expectOne('/api/initiatives/i1/milestones?limit=100')
      .flush({
        items: [
          { id: 'm1', title: 'Measure', state: 'submitted' },
          { id: 'm0', title: 'Define', state: 'approved' },
          { id: 'm2', title: 'Paused', state: 'on_hold' },
          { id: 'm3', title: 'Dropped', state: 'rejected' },
        ],
        total: 4,
        limit: 100,
        offset: 0,
      });
    httpMock()
      .expectOne('/api/initiatives/i1/measures?limit=100')
      .flush({
        items: [
          aMeasure({ id: 'mine', recorder: { id: me.id, displayName: me.displayName } }),
          aMeasure({ id: 'theirs', recorder: { id: 'other', displayName: 'Other' } }),
        ],
        total: 2,
        limit: 100,
        offset: 0,
      });
    await tick();
    // Only the open milestones are asked for my steps: a gate on hold is open (work resumes),
    // approved and rejected ones are final (httpMock().verify() checks nothing else was asked).
    httpMock()
      .expectOne(`/api/milestones/m1/steps?limit=100&assigneeId=${encodeURIComponent(me.id)}`)
      .flush({
        items: [aStep({ id: 's1', assignee: { id: me.id, displayName: me.displayName } })],
        total: 1,
        limit: 100,
        offset: 0,
      });
    httpMock()
      .expectOne(`/api/milestones/m2/steps?limit=100&assigneeId=${encodeURIComponent(me.id)}`)
      .flush({ items: [], total: 0, limit: 100, offset: 0 });
    await tick();
    TestBed.tick();
  }

  it('gathers my steps of open milestones and the measures I record', async () => {
    await load();
    expect(store.steps().map((s) => [s.id, s.initiativeTitle, s.milestoneTitle])).toEqual([
      ['s1', 'Call-backs', 'Measure'],
    ]);
    expect(store.measures().map((m) => m.id)).toEqual(['mine']);
  });

  it('changes a step status with If-Match and keeps the answer', async () => {
    await load();
    const step = store.steps()[0];
    const saving = store.setStepStatus(step, 'done');
    const request = httpMock().expectOne('/api/steps/s1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    expect(request.request.body).toEqual({ status: 'done' });
    request.flush({ ...step, status: 'done', version: 4 });
    await saving;
    expect(store.steps()[0].status).toBe('done');
    expect(store.steps()[0].version).toBe(4);
  });

  it('records a reading with an Idempotency-Key', async () => {
    await load();
    const saving = store.recordReading('mine', { value: 3, observedAt: '2026-11-23T10:00:00Z' });
    const request = httpMock().expectOne('/api/measures/mine/readings');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    request.flush({ id: 'r1' });
    await saving;
    // The measures are reloaded.
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/initiatives?limit=100')
      .flush({ items: [], total: 0, limit: 100, offset: 0 });
    await tick();
  });
});
