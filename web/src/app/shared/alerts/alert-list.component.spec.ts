import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ALERTS_API } from '../api';
import { AlertListComponent, indexText, moveText } from './alert-list.component';
import { ALERT_LIST_LIMIT } from './alert-list.store';
import { alertPage, anAlert } from './alert-list.testing';

@Component({
  imports: [AlertListComponent],
  template: `<wp-alert-list [initiativeId]="initiativeId()" />`,
})
class HostComponent {
  readonly initiativeId = signal<string | null>(null);
}

describe('AlertListComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  /** Lets the answer of a write reach the component (the reload it asks for is then pending). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
  }

  async function show(initiativeId: string | null, ...items: ReturnType<typeof anAlert>[]) {
    fixture.componentInstance.initiativeId.set(initiativeId);
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === ALERTS_API.list);
    request.flush(alertPage(items));
    await fixture.whenStable();
    fixture.detectChanges();
    return request.request;
  }

  it('asks for the live alerts of every initiative on the portfolio, linking each initiative', async () => {
    const request = await show(null, anAlert());
    expect(request.params.get('status')).toBe('live');
    expect(request.params.get('initiativeId')).toBeNull();
    expect(request.params.get('limit')).toBe(String(ALERT_LIST_LIMIT));
    expect(el.querySelector('h2')?.textContent).toBe('Tension alerts');
    const link = el.querySelector('.wp-alert__meta a');
    expect(link?.textContent?.trim()).toBe('Self-service for occasional buyers');
    expect(link?.getAttribute('href')).toBe('/initiatives/i3');
    expect(el.querySelector('.wp-alert__title')?.textContent).toContain(
      'Customer value falls as business value rises',
    );
  });

  it("shows the initiative's indices in % and the measures behind them, one initiative's alerts", async () => {
    const request = await show('i3', anAlert());
    expect(request.params.get('initiativeId')).toBe('i3');
    expect(el.querySelector('.wp-alert__meta a')).toBeNull();
    const indices = Array.from(el.querySelectorAll('.wp-alert__indices dd')).map((d) =>
      d.textContent?.trim(),
    );
    expect(indices).toEqual(['0% → -40% (-40 points)', '17% → 50% (+33 points)']);
    expect(el.querySelector('.wp-alert__moves li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Satisfaction of loyal families: 60 → 52 pts (-40 points of progress)',
    );
  });

  it('shows the note of an acknowledged alert, who wrote it, and no buttons without rights', async () => {
    await show(
      'i3',
      anAlert({
        status: 'acknowledged',
        acknowledgement: {
          by: { id: 'u1', displayName: 'Olivia Owner' },
          at: '2026-12-02T09:00:00.000Z',
          note: 'We call the ten lowest-scoring families.',
        },
      }),
    );
    expect(el.querySelector('.wp-alert__status')?.textContent).toBe('Acknowledged');
    expect(el.querySelector('.wp-alert__note p')?.textContent).toBe(
      'We call the ten lowest-scoring families.',
    );
    expect(el.querySelector('.wp-alert__note footer')?.textContent).toContain('Olivia Owner');
    expect(el.querySelectorAll('.wp-alert__actions button')).toHaveLength(0);
  });

  it('acknowledges with a note (refusing an empty one) and reloads', async () => {
    await show('i3', anAlert({ can: { acknowledge: true, dismiss: false } }));
    const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.wp-alert__actions button'));
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Acknowledge']);
    buttons[0]?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const form = el.querySelector('form') as HTMLFormElement;
    expect(el.querySelector('label')?.textContent).toContain('What will you do about it?');
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('what you will do');
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = '  Pause the push to self-service.  ';
    textarea.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    const post = http.expectOne(ALERTS_API.acknowledge('a1'));
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ note: 'Pause the push to self-service.' });
    post.flush(anAlert({ status: 'acknowledged' }));
    await settle();
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([]));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('No open alerts');
  });

  it('dismisses with a reason for an executive, and says so when the API refuses', async () => {
    await show(null, anAlert({ can: { acknowledge: false, dismiss: true } }));
    el.querySelector<HTMLButtonElement>('.wp-alert__actions button')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('label')?.textContent).toContain('Why is it dismissed?');
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = 'Known price of the pilot.';
    textarea.dispatchEvent(new Event('input'));
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const post = http.expectOne(ALERTS_API.dismiss('a1'));
    expect(post.request.body).toEqual({ reason: 'Known price of the pilot.' });
    post.flush(
      { title: 'Unprocessable', status: 422, detail: 'This alert is resolved.' },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    http.expectOne((r) => r.url === ALERTS_API.list).flush(alertPage([anAlert()]));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('This alert is resolved.');
  });

  it('says when there are none', async () => {
    await show('i3');
    expect(el.textContent).toContain('No open alerts');
  });

  it('says when the list could not be loaded', async () => {
    fixture.componentInstance.initiativeId.set('i3');
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === ALERTS_API.list)
      .flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'The alerts could not be loaded.',
    );
  });

  it('formats indices and moves through the one index format', () => {
    expect(indexText({ opening: null, closing: 0.2, change: null })).toBe('not measured');
    expect(indexText({ opening: 0.42, closing: 0.3, change: -0.12 })).toBe(
      '42% → 30% (-12 points)',
    );
    const move = anAlert().moves[0];
    if (!move) throw new Error('fixture');
    expect(moveText({ ...move, opening: { readingId: null, value: 60, observedAt: null } })).toBe(
      'baseline 60 → 52 pts (-40 points of progress)',
    );
    // Money carries its currency where the locale writes it, on both ends.
    expect(
      moveText({
        ...move,
        unit: 'EUR',
        opening: { readingId: 'r1', value: 6.1, observedAt: null },
        closing: { ...move.closing, value: 6.5 },
      }),
    ).toBe('€6.10 → €6.50 (-40 points of progress)');
    expect(moveText({ ...move, unit: '/10', closing: { ...move.closing, value: 8 } })).toBe(
      '60 → 8/10 (-40 points of progress)',
    );
  });
});
