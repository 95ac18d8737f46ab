import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type LiveEvent,
  type Page,
  SELF_ASSESSMENT_AREA_VALUES,
  type SelfAssessmentResponse,
  type SelfAssessmentResults,
} from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { AuthStore } from '../auth/auth.store';
import { SELF_ASSESSMENTS_API } from '../shared/api';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { SelfAssessmentStore } from './self-assessment.store';

const ID = 'a-2026-q4';

function anAssessment(overrides: Partial<SelfAssessmentResponse> = {}): SelfAssessmentResponse {
  return {
    id: ID,
    cycle: { id: 'c4', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    department: null,
    status: 'open',
    questionSetVersion: 1,
    openedAt: '2026-10-01T09:00:00.000Z',
    closedAt: null,
    answerCount: 4,
    inScope: true,
    answered: true,
    version: 1,
    ...overrides,
  };
}

const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, limit: 50, offset: 0 });

/** Below five answers the API sends the count alone; from five, an average per area. */
function resultsOf(answerCount: number): SelfAssessmentResults {
  const shown = answerCount >= 5;
  return {
    assessmentId: ID,
    cycleName: '2026-Q4',
    answerCount,
    minimumAnswers: 5,
    shown,
    areas: shown
      ? SELF_ASSESSMENT_AREA_VALUES.map((area) => ({
          area,
          average: 3.4,
          previousAverage: null,
          comments: [],
        }))
      : [],
    previous: null,
    suggestions: [],
  };
}

const change = (overrides: Partial<LiveEvent>): LiveEvent => ({
  kind: 'self_assessment',
  initiativeId: null,
  id: ID,
  at: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

describe('SelfAssessmentStore', () => {
  let store: SelfAssessmentStore;
  /** What the store asked of the live updates: which changes concern it, and what it refetches. */
  let watched: { match: (event: LiveEvent) => boolean; refetch: () => void } | null;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }
  async function land(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  const http = () => httpMock();
  const isList = (url: string) => url === SELF_ASSESSMENTS_API.list;
  const isResults = (url: string) => url === SELF_ASSESSMENTS_API.results(ID);

  beforeEach(async () => {
    watched = null;
    TestBed.configureTestingModule({
      providers: [
        SelfAssessmentStore,
        ...provideTestHttp(),
        { provide: AuthStore, useValue: { role: signal('member') } },
        {
          provide: LiveUpdatesService,
          useValue: {
            watch: (match: (event: LiveEvent) => boolean, refetch: () => void) => {
              watched = { match, refetch };
              return () => undefined;
            },
          },
        },
      ],
    });
    store = TestBed.inject(SelfAssessmentStore);
    TestBed.tick();
    http()
      .expectOne((r) => r.url.endsWith('/templates'))
      .flush(page([]));
    http()
      .expectOne((r) => isList(r.url))
      .flush(page([anAssessment()]));
    await land();
    http()
      .expectOne((r) => isResults(r.url))
      .flush(resultsOf(4));
    http()
      .expectOne(SELF_ASSESSMENTS_API.myAnswer(ID))
      .flush({ assessmentId: ID, answered: true, scores: [] });
    await settle();
  });

  afterEach(() => http().verify());

  it('watches the changes of self-assessments only', () => {
    expect(watched?.match(change({}))).toBe(true);
    expect(watched?.match(change({ id: 'another-assessment' }))).toBe(true);
    expect(watched?.match(change({ kind: 'idea' }))).toBe(false);
    expect(watched?.match(change({ kind: 'initiative', initiativeId: 'i1' }))).toBe(false);
  });

  it('shows the count only below five answers, and the radar once a fifth answer arrives live', async () => {
    expect(store.results.value()?.answerCount).toBe(4);
    expect(store.radar().series).toEqual([]);

    watched?.refetch();
    TestBed.tick();
    // The list (its counts) and the results, once each; not my own answer, which the form holds.
    http()
      .expectOne((r) => isList(r.url))
      .flush(page([anAssessment({ answerCount: 5, version: 2 })]));
    http()
      .expectOne((r) => isResults(r.url))
      .flush(resultsOf(5));
    await land();
    http().expectNone(SELF_ASSESSMENTS_API.myAnswer(ID));
    http().expectNone((r) => isResults(r.url));
    await settle();

    expect(store.selected()?.answerCount).toBe(5);
    expect(store.results.value()?.shown).toBe(true);
    expect(store.radar().series).toEqual([
      { name: '2026-Q4', values: SELF_ASSESSMENT_AREA_VALUES.map(() => 3.4) },
    ]);
  });

  it('keeps what is shown while it reloads, so the page does not flicker', async () => {
    watched?.refetch();
    TestBed.tick();
    expect(store.assessments().map((a) => a.answerCount)).toEqual([4]);
    expect(store.results.hasValue()).toBe(true);
    http()
      .expectOne((r) => isList(r.url))
      .flush(page([anAssessment()]));
    http()
      .expectOne((r) => isResults(r.url))
      .flush(resultsOf(4));
    await settle();
    expect(store.radar().series).toEqual([]);
  });
});
