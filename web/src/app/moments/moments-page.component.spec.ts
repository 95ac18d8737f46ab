import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MomentResponse } from '@waypoint/contracts';
import { aUser, httpMock, provideTestHttp, startAs } from '../auth/auth.testing';
import { aMeasure } from '../shared/measure.testing';
import { measureChoices, MomentsPageComponent } from './moments-page.component';

const tick = () => new Promise((resolve) => setTimeout(resolve));

const WAIT = aMeasure({
  id: 'm-wait',
  name: 'Average wait at peak',
  customerGroup: { id: 'g-families', name: 'Loyal families', protected: true },
  initiative: { id: 'i1', title: 'Call-backs', status: 'active' },
});
const RETENTION = aMeasure({
  id: 'm-retention',
  name: 'Small-business retention',
  customerGroup: { id: 'g-small', name: 'Small businesses', protected: false },
  initiative: { id: 'i2', title: 'Business line', status: 'active' },
});
const CONVERSION = aMeasure({
  id: 'm-conversion',
  name: 'Conversion rate',
  initiative: { id: 'i3', title: 'Shorter forms', status: 'draft' },
});

const GET_HELP: MomentResponse = {
  id: 'mo1',
  customerGroupId: 'g-small',
  name: 'Get help',
  description: '',
  position: 1,
  rating: 2,
  ratingNote: 'Long waits.',
  ratedBy: null,
  ratedAt: null,
  measures: [{ id: 'm-wait', name: 'Average wait at peak', initiativeId: 'i1' }],
  activeInitiatives: [],
  openIdeas: 0,
  version: 4,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('measureChoices', () => {
  it('offers the linked measures first, then the group’s own, then the others', () => {
    expect(
      measureChoices([CONVERSION, RETENTION, WAIT], 'g-small', GET_HELP.measures).map((c) => c.id),
    ).toEqual(['m-wait', 'm-retention', 'm-conversion']);
  });

  it('keeps a linked measure that is not listed, by its name', () => {
    expect(
      measureChoices([], 'g-small', [{ id: 'gone', name: 'Old measure', initiativeId: 'i9' }]),
    ).toEqual([{ id: 'gone', name: 'Old measure', initiative: '' }]);
  });
});

describe('MomentsPageComponent: the measures that track a moment', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MomentsPageComponent],
      providers: [provideRouter([]), ...provideTestHttp()],
    });
  });
  afterEach(() => httpMock().verify());

  it('a manager ticks a measure and saves: the moment is sent with its measures, If-Match', async () => {
    await startAs(aUser('manager'));
    const fixture = TestBed.createComponent(MomentsPageComponent);
    const root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await tick();
    httpMock().expectOne('/api/moments/heat-map').flush({ groups: [], columns: [], cells: [] });
    httpMock()
      .expectOne((r) => r.url === '/api/customer-groups')
      .flush({
        items: [{ id: 'g-small', name: 'Small businesses' }],
        total: 1,
        limit: 200,
        offset: 0,
      });
    await tick();
    fixture.detectChanges();
    httpMock()
      .expectOne((r) => r.url === '/api/moments' && r.params.get('customerGroupId') === 'g-small')
      .flush({ items: [GET_HELP], total: 1, limit: 50, offset: 0 });
    await tick();
    fixture.detectChanges();
    await fixture.whenStable();

    const edit = Array.from(root.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Rename or rate'),
    );
    edit?.click();
    fixture.detectChanges();
    await tick();
    const list = httpMock().expectOne(
      (r) => r.url === '/api/measures' && r.params.get('limit') === '200',
    );
    list.flush({ items: [CONVERSION, RETENTION, WAIT], total: 3, limit: 200, offset: 0 });
    await tick();
    fixture.detectChanges();
    await fixture.whenStable();

    const boxes = Array.from(
      root.querySelectorAll<HTMLInputElement>('.journey__measures input[type=checkbox]'),
    );
    const labels = boxes.map((b) => b.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(labels).toEqual([
      'Average wait at peak · Call-backs',
      'Small-business retention · Business line',
      'Conversion rate · Shorter forms',
    ]);
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    boxes[1]?.click();
    fixture.detectChanges();
    root.querySelector<HTMLFormElement>('form.journey__form')?.dispatchEvent(new Event('submit'));
    await tick();
    const patch = httpMock().expectOne('/api/moments/mo1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"4"');
    expect(patch.request.body).toEqual({ measureIds: ['m-wait', 'm-retention'] });
    patch.flush({ ...GET_HELP, version: 5 });
    await tick();
    fixture.detectChanges();
    await tick();
    // Saved: the page reads the heat map and the journey again.
    httpMock().expectOne('/api/moments/heat-map').flush({ groups: [], columns: [], cells: [] });
    httpMock()
      .expectOne((r) => r.url === '/api/moments')
      .flush({ items: [{ ...GET_HELP, version: 5 }], total: 1, limit: 50, offset: 0 });
    await tick();
    fixture.detectChanges();
    expect(root.textContent).toContain('Saved "Get help".');
  });
});
