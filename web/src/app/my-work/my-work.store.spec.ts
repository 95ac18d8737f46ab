import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StepListItem } from '@waypoint/contracts';
import { aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { aMeasure } from '../shared/measure.testing';
import { MyWorkStore, sortMeasures, sortSteps, stepUrgency } from './my-work.store';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const tick = () => new Promise((resolve) => setTimeout(resolve));

function aStep(overrides: Partial<StepListItem> = {}): StepListItem {
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
    initiative: { id: 'i1', title: 'Call-backs', status: 'active' },
    milestone: { id: 'm1', title: 'Measure', position: 2, state: 'in_progress' },
    open: true,
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

  const STEPS = '/api/steps?assigneeId=me&open=true&limit=50';
  const MEASURES = '/api/measures?recorderId=me&sort=due&limit=50';
  const page = <T>(items: T[], total: number, offset = 0) => ({ items, total, limit: 50, offset });

  /** The first load: one request for my steps, one for my measures, one for my inbox. */
  async function load(
    steps = [aStep({ id: 's1', assignee: { id: me.id, displayName: me.displayName } })],
    stepTotal = steps.length,
  ): Promise<void> {
    TestBed.tick();
    await tick();
    httpMock()
      .expectOne('/api/notifications?limit=20')
      .flush({ items: [], total: 0, limit: 20, offset: 0, unreadCount: 0 });
    httpMock().expectOne(`${STEPS}&offset=0`).flush(page(steps, stepTotal));
    httpMock()
      .expectOne(`${MEASURES}&offset=0`)
      .flush(
        page([aMeasure({ id: 'mine', recorder: { id: me.id, displayName: me.displayName } })], 1),
      );
    await tick();
    TestBed.tick();
  }

  it('reads my open steps and the measures I record with one request each', async () => {
    await load();
    expect(store.steps().map((s) => [s.id, s.initiative.title, s.milestone.title])).toEqual([
      ['s1', 'Call-backs', 'Measure'],
    ]);
    expect(store.measures().map((m) => m.id)).toEqual(['mine']);
  });

  it('shows more steps page by page instead of stopping at the first page', async () => {
    const first = Array.from({ length: 50 }, (_, i) => aStep({ id: `s${i}`, title: `Step ${i}` }));
    await load(first, 120);
    expect(store.stepList.items()).toHaveLength(50);
    expect(store.stepList.remaining()).toBe(70);
    const more = store.stepList.loadMore();
    httpMock()
      .expectOne(`${STEPS}&offset=50`)
      .flush(page([aStep({ id: 's-250', title: 'Step of the 250th initiative' })], 120, 50));
    await more;
    expect(store.stepList.items()).toHaveLength(51);
    expect(store.steps().map((s) => s.title)).toContain('Step of the 250th initiative');
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
    // The measures are reloaded (one request again).
    await tick();
    httpMock().expectOne(`${MEASURES}&offset=0`).flush(page([], 0));
    await tick();
    expect(store.measures()).toEqual([]);
  });
});
