import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InitiativeMoneyResponse, MoneyCycle } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { InitiativeMoneyComponent, realisedHow } from './initiative-money.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const cycle = { id: 'c1', name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };

const MEASURED: MoneyCycle = {
  cycle,
  expectedMinor: 2_000_000,
  realisedMinor: 164_000,
  source: 'measures',
  measured: [
    {
      measureId: 'm1',
      name: 'Calls about bills',
      unit: '',
      baseline: 4000,
      closing: 3600,
      unitsImproved: 400,
      valuePerUnitMinor: 410,
      amountMinor: 164_000,
    },
  ],
  entered: null,
};

const MONEY: InitiativeMoneyResponse = {
  initiativeId: 'i1',
  currency: 'GBP',
  plan: {
    expectedYearlyBenefitMinor: 8_000_000,
    oneOffCostMinor: 1_800_000,
    runningCostMinor: 400_000,
    assumptions: '1,600 fewer calls a month.',
    benefitStartsOn: '2026-04-01',
    version: 3,
    updatedAt: '2026-04-01T00:00:00.000Z',
  },
  measures: [
    {
      measureId: 'm1',
      name: 'Calls about bills',
      unit: '',
      direction: 'lower_is_better',
      perspective: 'business',
      valuePerUnitMinor: 410,
      basis: 'Agent time.',
    },
  ],
  cycles: [MEASURED],
  realisedTotalMinor: 164_000,
  expectedTotalMinor: 2_000_000,
  payback: { expectedMonths: 3.3, realisedMonths: null, paidBack: false },
  entries: [],
  winId: null,
};

describe('realisedHow', () => {
  it('says where each realised figure comes from', () => {
    expect(realisedHow(MEASURED, 'GBP')).toBe(
      'Calls about bills: 400 better than its baseline × £4.10',
    );
    expect(realisedHow({ ...MEASURED, source: 'none', measured: [] }, 'GBP')).toMatch(
      /^Nothing realised/,
    );
  });
});

describe('the money of an initiative', () => {
  let fixture: ComponentFixture<InitiativeMoneyComponent>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    await tick();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InitiativeMoneyComponent],
      providers: [provideRouter([]), ...provideTestHttp()],
    });
    fixture = TestBed.createComponent(InitiativeMoneyComponent);
    fixture.componentRef.setInput('initiativeId', 'i1');
    fixture.componentRef.setInput('status', 'completed');
    fixture.componentRef.setInput('canEdit', true);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await tick();
    httpMock().expectOne('/api/initiatives/i1/money').flush(MONEY);
    await settle();
  });
  afterEach(() => httpMock().verify());

  it('shows the case, expected against realised and payback', () => {
    expect(text(el.querySelector('[data-testid="money-case"]'))).toContain(
      'Expected benefit a year£80,000One-off cost£18,000',
    );
    expect(text(el.querySelector('[data-testid="money-payback"]'))).toBe(
      'Not paying back yet (expected 3.3 months).',
    );
    expect(text(el.querySelector('tbody tr'))).toContain(
      '2026-Q3 £20,000 £1,640 Calls about bills: 400 better than its baseline × £4.10',
    );
  });

  it('saves the case in minor units with the version read', async () => {
    const button = Array.from(el.querySelectorAll('button')).find(
      (b) => text(b) === 'Change the money case',
    );
    button?.click();
    await settle();
    const yearly = el.querySelector<HTMLInputElement>('input[name="yearly"]');
    expect(yearly?.value).toBe('80000');
    if (yearly) {
      yearly.value = '90,000';
      yearly.dispatchEvent(new Event('input'));
    }
    el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const put = httpMock().expectOne('/api/initiatives/i1/money');
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.get('If-Match')).toBe('"3"');
    expect(put.request.body).toMatchObject({
      expectedYearlyBenefitMinor: 9_000_000,
      oneOffCostMinor: 1_800_000,
    });
    put.flush(MONEY);
    await tick();
    fixture.detectChanges();
    await tick();
    httpMock().expectOne('/api/initiatives/i1/money').flush(MONEY);
  });

  it('offers the owner to publish the win once completed, and posts it once', async () => {
    const publish = Array.from(el.querySelectorAll('button')).find(
      (b) => text(b) === 'Publish the win',
    );
    publish?.click();
    await settle();
    for (const [name, value] of [
      ['learned', 'A lesson.'],
      ['youToldUs', 'You told us.'],
      ['weChanged', 'We changed.'],
    ]) {
      const field = el.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`);
      if (field) {
        field.value = value ?? '';
        field.dispatchEvent(new Event('input'));
      }
    }
    el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const post = httpMock().expectOne('/api/initiatives/i1/win');
    expect(post.request.body).toEqual({
      learned: 'A lesson.',
      youToldUs: 'You told us.',
      weChanged: 'We changed.',
    });
    expect(post.request.headers.get('Idempotency-Key')).toEqual(expect.any(String));
    post.flush({});
    await tick();
    fixture.detectChanges();
    await tick();
    httpMock()
      .expectOne('/api/initiatives/i1/money')
      .flush({ ...MONEY, winId: 'w1' });
    await settle();
    expect(text(el)).toContain("This initiative's win is published");
  });
});
