import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApprovalResponse, Page } from '@waypoint/contracts';
import { aProblem, httpMock, provideTestHttp } from '../auth/auth.testing';
import { provideIcons } from '../shared/icons';
import { ApprovalsPageComponent } from './approvals-page.component';
import { DecisionConfirmationStore } from './approvals-list.store';

function anApproval(overrides: Partial<ApprovalResponse> = {}): ApprovalResponse {
  return {
    submissionId: 's1',
    initiative: { id: 'i1', title: 'Call-backs instead of queueing' },
    milestone: { id: 'm1', title: 'Measure', position: 2, version: 4 },
    submittedAt: '2026-11-10T09:00:00.000Z',
    submittedBy: { id: 'u1', displayName: 'Morgan Manager' },
    waitingHours: 24 * 13,
    ...overrides,
  };
}

function page(items: ApprovalResponse[]): Page<ApprovalResponse> {
  return { items, total: items.length, limit: 100, offset: 0 };
}

describe('ApprovalsPageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), provideIcons()],
    });
  });
  afterEach(() => httpMock().verify());

  async function render(answer: (req: ReturnType<typeof expectList>) => void) {
    const fixture = TestBed.createComponent(ApprovalsPageComponent);
    fixture.detectChanges();
    TestBed.tick();
    answer(expectList());
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function expectList() {
    return httpMock().expectOne(
      (r) =>
        r.url === '/api/approvals' &&
        r.params.get('sort') === 'submittedAt' &&
        r.params.get('order') === 'asc',
    );
  }

  it('lists the waiting gates, oldest first as the API sorts them, with how long they wait', async () => {
    const element = await render((req) =>
      req.flush(
        page([
          anApproval(),
          anApproval({
            submissionId: 's2',
            initiative: { id: 'i2', title: 'Self-service' },
            milestone: { id: 'm2', title: 'Define', position: 1, version: 1 },
            waitingHours: 3,
          }),
        ]),
      ),
    );

    const titles = Array.from(element.querySelectorAll('li h2')).map((h) => h.textContent?.trim());
    expect(titles).toEqual(['Call-backs instead of queueing / Measure', 'Self-service / Define']);
    expect(element.querySelector('li a')?.getAttribute('href')).toBe('/approvals/m1');
    expect(element.textContent).toContain('Waiting for 13 days');
    expect(element.textContent).toContain('Waiting for 3 hours');
    expect(element.textContent).toContain('submitted by Morgan Manager');
    expect(element.querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows an empty state when nothing waits', async () => {
    const element = await render((req) => req.flush(page([])));

    expect(element.querySelector('h1')?.textContent).toContain('Approvals');
    expect(element.textContent).toContain('No gate is waiting for your decision');
  });

  it('shows the error with a way to try again', async () => {
    const element = await render((req) =>
      req.flush(aProblem(500, 'The database is down.'), { status: 500, statusText: 'Error' }),
    );

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The database is down.');
    (element.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    TestBed.tick();
    expectList().flush(page([anApproval()]));
  });

  it('confirms the decision just made, once', async () => {
    TestBed.inject(DecisionConfirmationStore).set({
      initiativeTitle: 'Call-backs instead of queueing',
      milestoneTitle: 'Measure',
      outcomeLabel: 'Go with conditions',
    });
    const element = await render((req) => req.flush(page([])));

    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Decision recorded: Go with conditions for Call-backs instead of queueing / Measure',
    );
    (element.querySelector('[role="status"] button') as HTMLButtonElement).click();
    expect(TestBed.inject(DecisionConfirmationStore).confirmation()).toBeNull();
  });
});
