import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WinResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { WinNotePageComponent } from './win-note-page.component';
import { beforeAfter, moneyNowText, moneyText, WinsPageComponent } from './wins-page.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

const WIN: WinResponse = {
  id: 'w1',
  initiative: { id: 'i1', title: 'Bills customers can read', road: 'engineering' },
  publishedBy: { id: 'u1', displayName: 'Morgan Manager' },
  publishedAt: '2026-11-19T10:00:00.000Z',
  learned: 'Three lines nobody could read.',
  youToldUs: 'You told us your bill was hard to follow.',
  weChanged: 'We rewrote it in plain words.',
  measures: [
    {
      name: 'Calls about bills per month',
      unit: '',
      perspective: 'business',
      direction: 'lower_is_better',
      before: 4200,
      after: 2550,
    },
    {
      name: 'Customers who say their bill is clear',
      unit: '%',
      perspective: 'customer',
      direction: 'higher_is_better',
      before: 48,
      after: null,
    },
  ],
  money: {
    currency: 'GBP',
    expectedYearlyBenefitMinor: 8_000_000,
    oneOffCostMinor: 1_800_000,
    realisedMinor: 4_300_000,
    payback: { expectedMonths: 3.3, realisedMonths: 4.2, paidBack: true },
  },
  now: {
    realisedMinor: 7_000_000,
    payback: { expectedMonths: 3.3, realisedMonths: 3.9, paidBack: true },
  },
  customerGroups: ['Loyal families'],
};

describe('wins helpers', () => {
  it('writes before and after with their unit', () => {
    expect(beforeAfter(WIN.measures[0] as WinResponse['measures'][number])).toBe('4,200 → 2,550');
    expect(beforeAfter(WIN.measures[1] as WinResponse['measures'][number])).toBe(
      '48% → no reading',
    );
  });

  it('writes the money of a win', () => {
    expect(moneyText(WIN)).toBe(
      '£43,000 realised against a one-off cost of £18,000. Paid back in 4.2 months (expected 3.3 months).',
    );
    expect(
      moneyText({ ...WIN, money: { ...WIN.money, oneOffCostMinor: null, payback: null } }),
    ).toBe('£43,000 realised.');
  });

  it('writes the money today only where it differs from the day the win was published', () => {
    expect(moneyNowText(WIN)).toBe(
      '£70,000 realised so far. Paid back in 3.9 months (expected 3.3 months).',
    );
    expect(moneyNowText({ ...WIN, now: { ...WIN.money } })).toBeNull();
    expect(moneyNowText({ ...WIN, now: null })).toBeNull();
    // The same realised figure with a payback that moved (a running cost changed) still differs.
    const moved = { realisedMonths: 4.8, expectedMonths: 3.3, paidBack: true };
    expect(moneyNowText({ ...WIN, now: { realisedMinor: 4_300_000, payback: moved } })).toBe(
      '£43,000 realised so far. Paid back in 4.8 months (expected 3.3 months).',
    );
  });
});

describe('the wins page and the note for customers', () => {
  afterEach(() => httpMock().verify());

  function configure(): void {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp()],
    });
  }

  it('lists each win with its before and after, money and lesson', async () => {
    configure();
    const fixture: ComponentFixture<WinsPageComponent> = TestBed.createComponent(WinsPageComponent);
    fixture.detectChanges();
    await tick();
    httpMock()
      .expectOne('/api/wins?limit=100')
      .flush({ items: [WIN], total: 1, limit: 100, offset: 0 });
    await tick();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const article = el.querySelector('article');
    expect(text(article?.querySelector('h2'))).toBe('Bills customers can read');
    expect(text(article)).toContain('Calls about bills per month (Business): 4,200 → 2,550');
    expect(text(article)).toContain('Three lines nobody could read.');
    // The snapshot names its day; today's money, which differs, links to the initiative's money.
    expect(text(article)).toContain('The money on 19 Nov 2026, when the win was published');
    expect(text(article?.querySelector('[data-testid="win-money"]'))).toBe(
      '£43,000 realised against a one-off cost of £18,000. Paid back in 4.2 months (expected 3.3 months).',
    );
    const now = article?.querySelector('[data-testid="win-money-now"]');
    expect(text(now)).toBe(
      'Today: £70,000 realised so far. Paid back in 3.9 months (expected 3.3 months). See the money of Bills customers can read.',
    );
    expect(now?.querySelector('a')?.getAttribute('href')).toBe('/initiatives/i1?tab=plan');
    expect(
      Array.from(article?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href')),
    ).toContain('/wins/w1/note');
  });

  it('says the money is the same today, and nothing of today to who may not read the initiative', async () => {
    configure();
    const fixture = TestBed.createComponent(WinsPageComponent);
    fixture.detectChanges();
    await tick();
    const same = { ...WIN, id: 'w2', now: { ...WIN.money } };
    const hidden = { ...WIN, id: 'w3', now: null };
    httpMock()
      .expectOne('/api/wins?limit=100')
      .flush({ items: [same, hidden], total: 2, limit: 100, offset: 0 });
    await tick();
    fixture.detectChanges();
    const [first, second] = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('article'),
    );
    expect(text(first?.querySelector('[data-testid="win-money-now"]'))).toBe('The same today.');
    expect(first?.querySelector('a[href^="/initiatives"]')).toBeNull();
    expect(second?.querySelector('[data-testid="win-money-now"]')).toBeNull();
    expect(text(second?.querySelector('[data-testid="win-money"]'))).toContain('£43,000 realised');
  });

  it('shows only the words for customers on the note: no money, no measures, no road', async () => {
    configure();
    const fixture = TestBed.createComponent(WinNotePageComponent);
    fixture.componentRef.setInput('id', 'w1');
    fixture.detectChanges();
    await tick();
    httpMock().expectOne('/api/wins/w1').flush(WIN);
    await tick();
    fixture.detectChanges();
    const note = text((fixture.nativeElement as HTMLElement).querySelector('article'));
    expect(note).toContain('You told us your bill was hard to follow.');
    expect(note).toContain('We rewrote it in plain words.');
    expect(note).toContain('For Loyal families');
    expect(note).not.toMatch(/£|Calls about|Engineering|Morgan|Three lines/);
  });
});
