import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConditionListItem } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import {
  conditionLink,
  conditionOrigin,
  ConditionsPageComponent,
} from './conditions-page.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const page = <T>(items: T[], total: number, limit = 50, offset = 0) => ({
  items,
  total,
  limit,
  offset,
});
const first = (offset = 0) => `/api/conditions?status=open&limit=50&offset=${offset}`;

function aCondition(n: number): ConditionListItem {
  return {
    id: `c${n}`,
    text: `Condition ${n}`,
    status: 'open',
    initiative: { id: `i${n}`, title: `Initiative ${n}` },
    milestone: { id: `m${n}`, title: 'Pilot', position: 2 },
    decidedAt: '2030-04-15T09:00:00.000Z',
    decidedBy: { id: 'u1', displayName: 'Sam Sponsor' },
    closedAt: null,
    closeNote: null,
  };
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('the open conditions page', () => {
  let fixture: ComponentFixture<ConditionsPageComponent>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    await tick();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ConditionsPageComponent],
      providers: [provideRouter([]), ...provideTestHttp(), provideIcons()],
    });
    fixture = TestBed.createComponent(ConditionsPageComponent);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await tick();
  });
  afterEach(() => httpMock().verify());

  it('lists the open conditions with their initiative, gate, decision date and decider', async () => {
    httpMock()
      .expectOne(first())
      .flush(page([aCondition(1), aCondition(2)], 2));
    await settle();

    expect(text(el.querySelector('h1'))).toBe('Open conditions');
    expect(text(el.querySelector('.conditions__count'))).toBe('2 open conditions');
    const items = Array.from(el.querySelectorAll('.condition'));
    expect(items.map((i) => text(i.querySelector('.condition__text')))).toEqual([
      'Condition 1',
      'Condition 2',
    ]);
    expect(items.map((i) => text(i.querySelector('.condition__where')))).toEqual([
      'Initiative 1 · Gate 2, Pilot: decided 15 Apr 2030 by Sam Sponsor',
      'Initiative 2 · Gate 2, Pilot: decided 15 Apr 2030 by Sam Sponsor',
    ]);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/initiatives/i1?tab=work');
    expect(el.querySelector('wp-more-button button')).toBeNull();
  });

  it('shows more on request, page by page, with the total', async () => {
    const firstPage = Array.from({ length: 50 }, (_, n) => aCondition(n + 1));
    httpMock().expectOne(first()).flush(page(firstPage, 51));
    await settle();
    expect(text(el.querySelector('.conditions__count'))).toBe('51 open conditions');
    const more = el.querySelector<HTMLButtonElement>('wp-more-button button');
    expect(text(more)).toBe('Show 1 more condition');
    more?.click();
    await tick();
    httpMock()
      .expectOne(first(50))
      .flush(page([aCondition(51)], 51, 50, 50));
    await settle();
    expect(el.querySelectorAll('.condition')).toHaveLength(51);
    expect(el.querySelector('wp-more-button button')).toBeNull();
  });

  it('says so when no condition is open', async () => {
    httpMock().expectOne(first()).flush(page([], 0));
    await settle();
    expect(text(el.querySelector('wp-empty-state h2'))).toBe('No open conditions');
    expect(el.querySelector('.condition')).toBeNull();
  });

  it('says what went wrong and tries again', async () => {
    httpMock().expectOne(first()).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await tick();
    httpMock()
      .expectOne(first())
      .flush(page([aCondition(1)], 1));
    await settle();
    expect(text(el.querySelector('.conditions__count'))).toBe('1 open condition');
  });
});

describe('an open condition', () => {
  it('leads to the gates of the initiative and names the gate and the decision', () => {
    expect(conditionLink(aCondition(7))).toEqual({
      path: ['/initiatives', 'i7'],
      queryParams: { tab: 'work' },
    });
    expect(conditionOrigin(aCondition(7))).toBe(
      'Gate 2, Pilot: decided 15 Apr 2030 by Sam Sponsor',
    );
  });
});
