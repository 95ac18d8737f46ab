import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CycleReviewResponse } from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { ReviewsApi } from '../shared/api';
import { CycleReviewsComponent } from './cycle-reviews.component';
import { InitiativeDetailStore } from './initiative-detail.store';

const RUNNING = { id: 'c3', name: '2026-Q4', startsOn: '2000-01-01', endsOn: '2999-12-31' };
const EARLIER = { id: 'c2', name: '2026-Q3', startsOn: '1999-07-01', endsOn: '1999-09-30' };

function aReview(overrides: Partial<CycleReviewResponse> = {}): CycleReviewResponse {
  return {
    id: 'v1',
    initiativeId: 'i1',
    cycle: RUNNING,
    intent: 'Call-backs at every peak',
    predictedChange: 'Wait down to 18 min',
    decision: null,
    learnings: '',
    nextIntent: '',
    author: { id: 'owner', displayName: 'Olivia Owner' },
    measured: {
      customer: { start: 0.5, end: 0.6, change: 0.1 },
      business: { start: 0.2, end: 0.25, change: 0.05 },
      measures: [
        {
          measureId: 'm1',
          name: 'Average wait',
          unit: 'min',
          perspective: 'customer',
          first: { readingId: 'r1', value: 24, observedAt: '2026-10-02T00:00:00Z' },
          last: { readingId: 'r2', value: 22, observedAt: '2026-11-02T00:00:00Z' },
          improvement: 2,
          progressFirst: 0.6,
          progressLast: 0.7,
        },
      ],
    },
    version: 4,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    ...overrides,
  };
}

async function render(user: { id: string; role: string }, reviews: CycleReviewResponse[]) {
  const put = jest.fn().mockResolvedValue(aReview());
  const reloadReviews = jest.fn();
  const store = {
    id: signal('i1'),
    initiative: {
      hasValue: () => true,
      value: () => ({ owner: { id: 'owner' }, sponsor: null, team: [] }),
    },
    value: {
      hasValue: () => true,
      value: () => ({
        cycles: [
          { cycle: EARLIER, customer: 0.4, business: 0.1 },
          { cycle: RUNNING, customer: 0.55, business: 0.2 },
        ],
      }),
    },
    reviews: signal(reviews),
    reviewsPage: { isLoading: () => false, error: () => undefined, reload: reloadReviews },
    historyPage: { reload: jest.fn() },
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: InitiativeDetailStore, useValue: store },
      { provide: AuthStore, useValue: { user: signal(user) } },
      { provide: ReviewsApi, useValue: { put } },
    ],
  });
  const fixture = TestBed.createComponent(CycleReviewsComponent);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, put, reloadReviews };
}

const textareas = (el: HTMLElement) => Array.from(el.querySelectorAll('textarea'));

// The first render of Material's form fields takes seconds on a busy machine (CI shares two cores).
jest.setTimeout(30_000);

describe('CycleReviewsComponent', () => {
  it('lets the owner write the running cycle’s review beside the indices, and decide', async () => {
    const { fixture, el, put, reloadReviews } = await render({ id: 'owner', role: 'manager' }, []);
    expect(el.textContent).toMatch('2026-Q4: measured change');
    expect(el.textContent).toMatch(/Customer index\s*40% → 55%/);
    const [intent, predicted, learnings, next] = textareas(el);
    for (const [area, text] of [
      [intent, 'Call-backs at every peak'],
      [predicted, 'Wait down to 18 min'],
      [learnings, 'Slots must follow the rota'],
      [next, 'Offer call-backs in the app'],
    ] as const) {
      if (!area) throw new Error('missing field');
      area.value = text;
      area.dispatchEvent(new Event('input'));
    }
    const adapt = el.querySelector<HTMLInputElement>('input[type="radio"][value="adapt"]');
    adapt?.click();
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(put).toHaveBeenCalledWith(
      'i1',
      'c3',
      {
        intent: 'Call-backs at every peak',
        predictedChange: 'Wait down to 18 min',
        learnings: 'Slots must follow the rota',
        nextIntent: 'Offer call-backs in the app',
        decision: 'adapt',
      },
      null,
    );
    expect(reloadReviews).toHaveBeenCalled();
    expect(el.textContent).toMatch('Review saved.');
  });

  it('fills the form with the review written, shows its measured change, and replaces it by its version', async () => {
    const review = aReview({ decision: 'adopt' });
    const { fixture, el, put } = await render({ id: 'owner', role: 'manager' }, [review]);
    expect(textareas(el)[0]?.value).toBe('Call-backs at every peak');
    expect(el.textContent).toMatch(/Average wait: 24 min → 22 min\s*\(better by 2 min\)/);
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(put).toHaveBeenCalledWith(
      'i1',
      'c3',
      expect.objectContaining({ decision: 'adopt' }),
      review,
    );
  });

  it('shows the review read-only to anyone but the owner, earlier cycles below', async () => {
    const earlier = aReview({ id: 'v0', cycle: EARLIER, decision: 'abandon', intent: 'Old' });
    const { el } = await render({ id: 'member', role: 'member' }, [aReview(), earlier]);
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toMatch('Call-backs at every peak');
    expect(el.textContent).toMatch('Not decided yet');
    expect(el.textContent).toMatch('2026-Q3: Abandon');
  });
});
