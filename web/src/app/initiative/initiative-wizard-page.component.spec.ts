import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { InitiativeTemplate, MetaResponse, SponsorResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import {
  InitiativeWizardPageComponent,
  changedMeasureValues,
} from './initiative-wizard-page.component';

const DMAIC: InitiativeTemplate = {
  id: 'dmaic',
  name: 'DMAIC',
  approach: 'engineering',
  description: 'Define, measure, analyse, improve, control.',
  milestones: [
    { title: 'Define', goal: '', criteria: [] },
    { title: 'Measure', goal: '', criteria: [] },
  ],
  measures: [
    {
      name: 'Defects per million',
      unit: 'defects',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 6210,
      target: 233,
      cadence: 'monthly',
      kpiClass: 'neutral',
    },
  ],
};

const ERIN: SponsorResponse = {
  id: '7d0c1d7e-9a51-4a4e-8d2c-3f1f2b8c9e01',
  displayName: 'Erin Executive',
  department: { id: 'd1', name: 'Finance' },
};

const META: MetaResponse = {
  version: '1.0.0',
  installationId: '3b0c1d7e-9a51-4a4e-8d2c-3f1f2b8c9e02',
  installedAt: '2026-01-01T00:00:00.000Z',
  demo: true,
  database: 'server',
  currency: 'GBP',
};

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    TestBed.tick();
    await Promise.resolve();
  }
}

describe('InitiativeWizardPageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InitiativeWizardPageComponent],
      providers: [provideRouter([]), ...provideTestHttp()],
    });
  });

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = [...Array.from(root.querySelectorAll('button'))].find(
      (b) => b.textContent?.trim() === text,
    );
    if (!found) throw new Error(`No button ${text}`);
    return found;
  }

  it('plans from a template and creates it with the confirmed baselines in one call, with an Idempotency-Key', async () => {
    const fixture = TestBed.createComponent(InitiativeWizardPageComponent);
    const root = fixture.nativeElement as HTMLElement;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await settle();
    httpMock()
      .expectOne((r) => r.url === '/api/templates')
      .flush({ items: [DMAIC], total: 1, limit: 50, offset: 0 });
    httpMock()
      .expectOne((r) => r.url === '/api/customer-groups')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    httpMock()
      .expectOne((r) => r.url === '/api/users/sponsors')
      .flush({ items: [ERIN], total: 1, limit: 200, offset: 0 });
    httpMock().expectOne('/api/meta').flush(META);
    await settle();
    await fixture.whenStable();

    const radio = root.querySelector<HTMLInputElement>('input[type=radio][value=dmaic]');
    expect(radio).not.toBeNull();
    radio?.click();
    button(root, 'Next').click();
    await fixture.whenStable();

    // The title is required, as on the server: Next stays on the plan.
    button(root, 'Next').click();
    await fixture.whenStable();
    expect(root.querySelector('h2')?.textContent).toContain('The plan');
    expect(root.textContent).toContain('Give the initiative a title.');

    const title = root.querySelector<HTMLInputElement>('input[formcontrolname=title]');
    if (!title) throw new Error('no title field');
    title.value = 'Shorter forms';
    title.dispatchEvent(new Event('input'));
    const sponsor = root.querySelector<HTMLSelectElement>('select[formcontrolname=sponsorId]');
    if (!sponsor) throw new Error('no sponsor field');
    expect(Array.from(sponsor.options).map((o) => o.textContent?.trim())).toEqual([
      'Choose later',
      'Erin Executive · Finance',
    ]);
    sponsor.value = ERIN.id;
    sponsor.dispatchEvent(new Event('change'));
    button(root, 'Next').click();
    await fixture.whenStable();
    expect(root.querySelector('h2')?.textContent).toContain('Review and create');
    expect(root.textContent).toContain('Define → Measure');
    expect(root.textContent).toContain('Erin Executive');

    const baseline = root.querySelector<HTMLInputElement>(
      'input[aria-label="Baseline of Defects per million"]',
    );
    if (!baseline) throw new Error('no baseline field');
    expect(baseline.value).toBe('6210');
    baseline.value = '5800';
    baseline.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    button(root, 'Create initiative').click();
    const request = httpMock().expectOne('/api/initiatives');
    expect(request.request.body).toEqual({
      title: 'Shorter forms',
      approach: 'engineering',
      sponsorId: ERIN.id,
      template: 'dmaic',
      measures: [{ name: 'Defects per million', baseline: 5800, target: 233 }],
    });
    expect(request.request.headers.get('Idempotency-Key')).toBeTruthy();
    request.flush({ id: 'new-1' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/initiatives', 'new-1']);
  });

  it('shows the server field errors under the field', async () => {
    const fixture = TestBed.createComponent(InitiativeWizardPageComponent);
    const root = fixture.nativeElement as HTMLElement;
    await settle();
    httpMock()
      .expectOne((r) => r.url === '/api/templates')
      .flush({ items: [], total: 0, limit: 50, offset: 0 });
    httpMock()
      .expectOne((r) => r.url === '/api/customer-groups')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    httpMock()
      .expectOne((r) => r.url === '/api/users/sponsors')
      .flush({ items: [], total: 0, limit: 200, offset: 0 });
    httpMock().expectOne('/api/meta').flush(META);
    await fixture.whenStable();
    button(root, 'Next').click();
    await fixture.whenStable();
    const title = root.querySelector<HTMLInputElement>('input[formcontrolname=title]');
    const approach = root.querySelector<HTMLSelectElement>('select[formcontrolname=approach]');
    if (!title || !approach) throw new Error('no fields');
    title.value = 'Taken';
    title.dispatchEvent(new Event('input'));
    approach.value = 'engineering';
    approach.dispatchEvent(new Event('change'));
    button(root, 'Next').click();
    await fixture.whenStable();
    button(root, 'Create initiative').click();
    httpMock()
      .expectOne('/api/initiatives')
      .flush(
        { title: 'Invalid', status: 400, errors: { title: ['This title is already used.'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    await fixture.whenStable();
    expect(root.querySelector('h2')?.textContent).toContain('The plan');
    await settle();
    await fixture.whenStable();
    expect(root.querySelector('mat-error')?.textContent).toContain('This title is already used.');
  });
});

describe('the money case on the last step of the wizard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InitiativeWizardPageComponent],
      providers: [provideRouter([]), ...provideTestHttp()],
    });
  });

  /** The wizard on its last step with a title and an approach, the currency known (EUR). */
  async function onTheLastStep(): Promise<{ root: HTMLElement; navigate: jest.SpyInstance }> {
    const fixture = TestBed.createComponent(InitiativeWizardPageComponent);
    const root = fixture.nativeElement as HTMLElement;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await settle();
    for (const url of ['/api/templates', '/api/customer-groups', '/api/users/sponsors']) {
      httpMock()
        .expectOne((r) => r.url === url)
        .flush({ items: [], total: 0, limit: 50, offset: 0 });
    }
    httpMock()
      .expectOne('/api/meta')
      .flush({ ...META, currency: 'EUR' });
    await fixture.whenStable();
    const click = (text: string) =>
      Array.from(root.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === text)
        ?.click();
    click('Next');
    await fixture.whenStable();
    const title = root.querySelector<HTMLInputElement>('input[formcontrolname=title]');
    const approach = root.querySelector<HTMLSelectElement>('select[formcontrolname=approach]');
    if (!title || !approach) throw new Error('no fields');
    title.value = 'Call-backs';
    title.dispatchEvent(new Event('input'));
    approach.value = 'consumer_insight';
    approach.dispatchEvent(new Event('change'));
    click('Next');
    await fixture.whenStable();
    return { root, navigate };
  }

  function type(root: HTMLElement, name: string, value: string): void {
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (!field) throw new Error(`no field ${name}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === text,
    );
    if (!found) throw new Error(`No button ${text}`);
    return found;
  }

  it('left empty, creates the initiative alone', async () => {
    const { root, navigate } = await onTheLastStep();
    expect(root.textContent).toContain('Expected benefit a year (EUR)');
    button(root, 'Create initiative').click();
    httpMock().expectOne('/api/initiatives').flush({ id: 'new-1' });
    await settle();
    httpMock().expectNone('/api/initiatives/new-1/money');
    expect(navigate).toHaveBeenCalledWith(['/initiatives', 'new-1']);
  });

  it('names what is not an amount and does not create until it is corrected', async () => {
    const { root } = await onTheLastStep();
    type(root, 'yearly', 'a lot');
    await settle();
    expect(root.textContent).toContain(
      'Expected benefit a year: write an amount such as 12,500 or 12,500.50.',
    );
    expect(button(root, 'Create initiative').disabled).toBe(true);
    httpMock().expectNone('/api/initiatives');
  });

  it('writes the case after creating, as the money editor does; refused, a retry writes only the money', async () => {
    const { root, navigate } = await onTheLastStep();
    type(root, 'yearly', '40,000');
    type(root, 'oneOff', '12,000.50');
    type(root, 'assumptions', '800 fewer calls a month.');
    await settle();
    button(root, 'Create initiative').click();
    const created = httpMock().expectOne('/api/initiatives');
    expect(created.request.body).toEqual({ title: 'Call-backs', approach: 'consumer_insight' });
    created.flush({ id: 'new-1' });
    await settle();
    const put = httpMock().expectOne('/api/initiatives/new-1/money');
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.has('If-Match')).toBe(false);
    expect(put.request.body).toEqual({
      expectedYearlyBenefitMinor: 4_000_000,
      oneOffCostMinor: 1_200_050,
      runningCostMinor: 0,
      assumptions: '800 fewer calls a month.',
      benefitStartsOn: null,
    });
    put.flush(
      { title: 'Invalid', status: 400, detail: 'The amount is too large.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toContain(
      'The initiative is created, but its money case was not saved.',
    );
    expect(navigate).not.toHaveBeenCalled();

    type(root, 'oneOff', '12,000');
    await settle();
    button(root, 'Save the money case').click();
    await settle();
    httpMock().expectNone('/api/initiatives');
    const again = httpMock().expectOne('/api/initiatives/new-1/money');
    expect(again.request.body).toMatchObject({ oneOffCostMinor: 1_200_000 });
    again.flush({});
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/initiatives', 'new-1']);
  });
});

describe('changedMeasureValues', () => {
  const template = [
    { name: 'Cost per contact', baseline: 6.5, target: 6 },
    { name: 'Satisfaction', baseline: 70, target: 80 },
  ];
  it('keeps only the measures whose typed baseline or target differs from the template', () => {
    expect(
      changedMeasureValues(
        template,
        new Map([
          ['Cost per contact', { baseline: '6.4', target: '6', fromFirstReading: false }],
          ['Satisfaction', { baseline: '70', target: '80', fromFirstReading: false }],
        ]),
      ),
    ).toEqual([{ name: 'Cost per contact', baseline: 6.4, target: 6 }]);
  });
  it('leaves out what is not a number', () => {
    expect(
      changedMeasureValues(
        template,
        new Map([['Satisfaction', { baseline: '', target: '80', fromFirstReading: false }]]),
      ),
    ).toEqual([]);
  });
  it('sends a null baseline for "baseline from the first reading", whatever was typed', () => {
    expect(
      changedMeasureValues(
        template,
        new Map([['Satisfaction', { baseline: 'abc', target: '85', fromFirstReading: true }]]),
      ),
    ).toEqual([{ name: 'Satisfaction', baseline: null, target: 85 }]);
  });
});
