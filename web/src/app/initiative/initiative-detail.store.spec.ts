import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { MilestoneResponse, StepResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { blockersOf, currentMilestoneOf, InitiativeDetailStore } from './initiative-detail.store';

function aMilestone(position: number, state: MilestoneResponse['state']): MilestoneResponse {
  return {
    id: `m${position}`,
    initiativeId: 'i1',
    position,
    title: `Gate ${position}`,
    goal: '',
    criteria: [],
    measureIds: [],
    state,
    startable: false,
    dueDate: null,
    startedAt: null,
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    openConditions: [],
    version: 4,
    createdAt: '',
    updatedAt: '',
  };
}

const STEP: StepResponse = {
  id: 's1',
  milestoneId: 'm2',
  initiativeId: 'i1',
  position: 1,
  title: 'Agree slots',
  assignee: null,
  dueDate: null,
  status: 'todo',
  movedFromMilestoneId: null,
  version: 7,
  createdAt: '',
  updatedAt: '',
};

describe('currentMilestoneOf', () => {
  it('is the first milestone (by position) not approved yet', () => {
    expect(
      currentMilestoneOf([
        aMilestone(3, 'planned'),
        aMilestone(1, 'approved'),
        aMilestone(2, 'submitted'),
      ])?.id,
    ).toBe('m2');
    expect(currentMilestoneOf([aMilestone(1, 'approved')])).toBeNull();
    expect(currentMilestoneOf([])).toBeNull();
  });
});

describe('blockersOf', () => {
  it('reads the blockers of a 422 submit answer only', () => {
    const blockers = [{ kind: 'no_exit_criteria', message: 'Add exit criteria' }];
    const blocked = new HttpErrorResponse({
      status: 422,
      error: { title: 'Blocked', status: 422, blockers },
    });
    expect(blockersOf(blocked)).toEqual(blockers);
    expect(
      blockersOf(new HttpErrorResponse({ status: 500, error: { title: 'x', status: 500 } })),
    ).toEqual([]);
    expect(blockersOf(new Error('x'))).toEqual([]);
  });
});

describe('InitiativeDetailStore', () => {
  let store: InitiativeDetailStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [InitiativeDetailStore, ...provideTestHttp()] });
    store = TestBed.inject(InitiativeDetailStore);
  });

  it('asks nothing until it knows the initiative, then loads its parts', () => {
    TestBed.tick();
    expect(httpMock().match(() => true)).toEqual([]);
    store.id.set('i1');
    TestBed.tick();
    for (const url of [
      '/api/initiatives/i1',
      '/api/initiatives/i1/milestones',
      '/api/initiatives/i1/measures',
      '/api/initiatives/i1/value',
      '/api/initiatives/i1/cycle-reviews',
      '/api/initiatives/i1/comments',
      '/api/initiatives/i1/history',
    ]) {
      httpMock().expectOne((r) => r.url === url);
    }
  });

  it('loads the steps of the current gate', async () => {
    store.id.set('i1');
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives/i1/milestones')
      .flush({
        items: [aMilestone(1, 'approved'), aMilestone(2, 'in_progress')],
        total: 2,
        limit: 200,
        offset: 0,
      });
    await Promise.resolve();
    TestBed.tick();
    expect(store.currentMilestone()?.id).toBe('m2');
    httpMock()
      .expectOne((r) => r.url === '/api/milestones/m2/steps')
      .flush({ items: [STEP], total: 1, limit: 200, offset: 0 });
    await Promise.resolve();
    expect(store.steps()).toEqual([STEP]);
  });

  it('moves a step with If-Match, and shows the stale notice on 412', async () => {
    const moving = store.moveStep(STEP, 'done');
    const request = httpMock().expectOne('/api/steps/s1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.headers.get('If-Match')).toBe('"7"');
    expect(request.request.body).toEqual({ status: 'done' });
    request.flush(
      { title: 'Changed', status: 412 },
      { status: 412, statusText: 'Precondition Failed' },
    );
    expect(await moving).toBe(false);
    expect(store.stale()).toBe('step');
    store.reloadStale();
    expect(store.stale()).toBeNull();
  });

  it('shows a dragged step in place at once, and puts it back when the server refuses', async () => {
    const other: StepResponse = { ...STEP, id: 's2', position: 2, title: 'Write script' };
    store.id.set('i1');
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives/i1/milestones')
      .flush({ items: [aMilestone(1, 'in_progress')], total: 1, limit: 200, offset: 0 });
    await Promise.resolve();
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/milestones/m1/steps')
      .flush({ items: [STEP, other], total: 2, limit: 200, offset: 0 });
    await Promise.resolve();

    for (const status of [409, 412]) {
      const placing = store.placeStep(STEP, { status: 'doing', position: 2 });
      expect(store.steps().map((s) => `${s.id}:${s.position}:${s.status}`)).toEqual([
        's2:1:todo',
        's1:2:doing',
      ]);
      const request = httpMock().expectOne('/api/steps/s1');
      expect(request.request.method).toBe('PATCH');
      expect(request.request.headers.get('If-Match')).toBe('"7"');
      expect(request.request.body).toEqual({ status: 'doing', position: 2 });
      request.flush({ title: 'Refused', status }, { status, statusText: 'Refused' });
      expect(await placing).toBe(false);
      expect(store.steps()).toEqual([STEP, other]);
    }
    expect(store.stale()).toBe('step');
  });

  it('submits a gate with If-Match and keeps the blockers of a 422', async () => {
    const submitting = store.gateAction(aMilestone(2, 'in_progress'), 'submit', 'Risky');
    const request = httpMock().expectOne('/api/milestones/m2/submit');
    expect(request.request.headers.get('If-Match')).toBe('"4"');
    expect(request.request.body).toEqual({ note: 'Risky' });
    request.flush(
      {
        title: 'Blocked',
        status: 422,
        blockers: [{ kind: 'no_exit_criteria', message: 'Add criteria' }],
      },
      { status: 422, statusText: 'Unprocessable' },
    );
    expect(await submitting).toBe(false);
    expect(store.blockers().map((b) => b.message)).toEqual(['Add criteria']);
    expect(store.busy()).toBe(false);
  });

  it('shows a saved milestone in the gate track at once, without a refetch', async () => {
    store.id.set('i1');
    TestBed.tick();
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives/i1/milestones')
      .flush({ items: [aMilestone(1, 'in_progress')], total: 1, limit: 200, offset: 0 });
    await Promise.resolve();
    const checked = {
      ...aMilestone(1, 'in_progress'),
      criteria: [{ id: 'c1', label: 'Agreed', checked: true }],
      version: 5,
      decisions: [],
    };
    store.replaceMilestone(checked);
    expect(store.milestones()[0]?.criteria).toEqual(checked.criteria);
    expect(store.milestones()[0]?.version).toBe(5);
    expect(store.milestones()[0]).not.toHaveProperty('decisions');
    httpMock().expectNone((r) => r.url === '/api/initiatives/i1/milestones');
  });

  it('reads the decisions of the decided gates, and lists their open conditions', async () => {
    store.id.set('i1');
    TestBed.tick();
    const decided = { ...aMilestone(1, 'approved'), decidedAt: '2026-12-01T10:00:00.000Z' };
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives/i1/milestones')
      .flush({ items: [decided, aMilestone(2, 'in_progress')], total: 2, limit: 200, offset: 0 });
    await Promise.resolve();
    TestBed.tick();
    const condition = {
      id: 'c1',
      decisionId: 'd1',
      milestoneId: 'm1',
      text: 'Share the plan',
      open: true,
      closedAt: null,
      closedBy: null,
      closeNote: null,
      version: 1,
    };
    httpMock()
      .expectOne((r) => r.url === '/api/milestones/m1/decisions')
      .flush({
        items: [
          {
            id: 'd1',
            milestoneId: 'm1',
            conditions: [condition, { ...condition, id: 'c2', open: false }],
          },
        ],
        total: 1,
        limit: 100,
        offset: 0,
      });
    httpMock().expectNone((r) => r.url === '/api/milestones/m2/decisions');
    await new Promise((r) => setTimeout(r));
    expect(store.decisionsOf('m1').map((d) => d.id)).toEqual(['d1']);
    expect(store.openConditions().map((o) => `${o.condition.id}@${o.milestone.title}`)).toEqual([
      'c1@Gate 1',
    ]);

    const closing = store.closeCondition(condition, 'Shared');
    const close = httpMock().expectOne('/api/conditions/c1/close');
    expect(close.request.method).toBe('POST');
    expect(close.request.headers.get('If-Match')).toBe('"1"');
    expect(close.request.body).toEqual({ note: 'Shared' });
    close.flush({ ...condition, open: false });
    await expect(closing).resolves.toMatchObject({ open: false });
  });

  it('sends a carried-over step back to its gate with If-Match', async () => {
    const returning = store.returnStep({ ...STEP, movedFromMilestoneId: 'm1' });
    const request = httpMock().expectOne('/api/steps/s1/return');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('If-Match')).toBe('"7"');
    request.flush({ ...STEP, milestoneId: 'm1', version: 8 });
    expect(await returning).toBe(true);
  });

  it('adds a step with an Idempotency-Key, and removes one with If-Match', async () => {
    const adding = store.addStep('m2', { title: 'Call back', assigneeId: 'u1' });
    const post = httpMock().expectOne('/api/milestones/m2/steps');
    expect(post.request.method).toBe('POST');
    expect(post.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.request.body).toEqual({ title: 'Call back', assigneeId: 'u1' });
    post.flush(STEP);
    await adding;
    const removing = store.removeStep(STEP);
    const del = httpMock().expectOne('/api/steps/s1');
    expect(del.request.method).toBe('DELETE');
    expect(del.request.headers.get('If-Match')).toBe('"7"');
    del.flush(null, { status: 204, statusText: 'No Content' });
    expect(await removing).toBe(true);
  });

  it('moves a planned gate and removes one with If-Match; a refusal is kept as the gate error', async () => {
    const moving = store.planGate(aMilestone(3, 'planned'), { position: 2 });
    const reorder = httpMock().expectOne('/api/milestones/m3/reorder');
    expect(reorder.request.headers.get('If-Match')).toBe('"4"');
    expect(reorder.request.body).toEqual({ position: 2 });
    reorder.flush(aMilestone(2, 'planned'));
    expect(await moving).toBe(true);
    const removing = store.planGate(aMilestone(3, 'planned'), 'remove');
    const del = httpMock().expectOne('/api/milestones/m3');
    expect(del.request.method).toBe('DELETE');
    del.flush(
      { title: 'Refused', status: 422, detail: 'The milestone has 1 step' },
      { status: 422, statusText: 'Unprocessable' },
    );
    expect(await removing).toBe(false);
    expect(store.gateError()).toBeTruthy();
  });

  it('records a reading with an Idempotency-Key', async () => {
    const recording = store.recordReading('me1', {
      value: 21,
      observedAt: '2026-11-23T10:00:00.000Z',
    });
    const request = httpMock().expectOne('/api/measures/me1/readings');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toEqual({ value: 21, observedAt: '2026-11-23T10:00:00.000Z' });
    request.flush({ id: 'r1', value: 21 });
    await expect(recording).resolves.toMatchObject({ id: 'r1' });
  });
});
