import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MoneyRoad, PortfolioMoneyResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../../auth/auth.testing';
import { PortfolioMoneyComponent, roadMixText } from './portfolio-money.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const cycle = { id: 'c1', name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };

function aRoad(road: MoneyRoad['road'], initiatives: number, realisedMinor = 0): MoneyRoad {
  return {
    road,
    initiatives,
    byStatus: initiatives > 0 ? { active: initiatives - 1, completed: 1 } : {},
    cycles: [{ cycle, expectedMinor: 0, realisedMinor }],
    expectedMinor: 0,
    realisedMinor,
  };
}

const MONEY: PortfolioMoneyResponse = {
  currency: 'GBP',
  cycles: [{ cycle, expectedMinor: 2_000_000, realisedMinor: 1_640_000 }],
  expectedMinor: 2_000_000,
  realisedMinor: 1_640_000,
  roads: [aRoad('engineering', 2, 1_640_000), aRoad('consumer_insight', 0)],
  departments: [
    {
      department: { id: 'd1', name: 'Customer Service' },
      cycles: [],
      expectedMinor: 2_000_000,
      realisedMinor: 1_640_000,
    },
  ],
  completed: [
    {
      initiative: { id: 'i1', title: 'Bills customers can read', road: 'engineering' },
      oneOffCostMinor: 1_800_000,
      realisedMinor: 1_640_000,
      payback: { expectedMonths: 3.3, realisedMonths: 4.2, paidBack: false },
    },
  ],
};

describe('the portfolio money panel', () => {
  let fixture: ComponentFixture<PortfolioMoneyComponent>;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PortfolioMoneyComponent],
      providers: [provideRouter([]), ...provideTestHttp()],
    });
    fixture = TestBed.createComponent(PortfolioMoneyComponent);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await tick();
  });
  afterEach(() => httpMock().verify());

  it('shows expected against realised per cycle, by road with its mix, by department, and payback', async () => {
    httpMock().expectOne('/api/portfolio/money').flush(MONEY);
    await tick();
    fixture.detectChanges();
    expect(text(el.querySelector('[data-testid="money-realised"]'))).toBe('£16,400');
    expect(text(el.querySelector('tbody tr'))).toBe('2026-Q3 £20,000 £16,400');
    const roads = text(el.querySelector('[data-testid="money-roads"]'));
    expect(roads).toContain('Engineering 2 initiatives: 1 active, 1 completed £0 £16,400');
    expect(roads).toContain('Consumer insight No initiatives');
    expect(text(el)).toContain('Customer Service £20,000 £16,400');
    expect(text(el.querySelector('[data-testid="money-payback"]'))).toBe(
      'Bills customers can read £16,400 realised against £18,000 one-off. Pays back in 4.2 months (expected 3.3 months).',
    );
    expect(text(el)).not.toMatch(/_/);
  });

  it('says when the money cannot be loaded', async () => {
    httpMock()
      .expectOne('/api/portfolio/money')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await tick();
    fixture.detectChanges();
    expect(text(el.querySelector('[role="alert"]'))).toMatch(/^The money could not be loaded/);
  });
});

describe('money panel helpers', () => {
  it('writes the mix of a road in words', () => {
    expect(roadMixText(aRoad('engineering', 1))).toBe('1 initiative: 1 completed');
  });
});
