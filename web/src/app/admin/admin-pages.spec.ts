import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CustomerGroupResponse, UpdatedUserResponse, UserResponse } from '@waypoint/contracts';
import { aProblem, httpMock, provideTestHttp } from '../auth/auth.testing';
import { HttpErrorResponse } from '@angular/common/http';
import { auditQuery, NO_FILTER } from './audit.store';
import { groupChanges } from './customer-groups-admin-page.component';
import { cycleRefusal, suggestedCycle } from './cycles-admin-page.component';
import { demotes, UsersStore } from './users.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

const eve: UserResponse = {
  id: 'u-eve',
  email: 'eve@example.com',
  displayName: 'Eve Executive',
  role: 'executive',
  department: null,
  active: true,
  passwordSet: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('administration', () => {
  describe('cycles', () => {
    it('suggests the quarter after the latest cycle, or the running one when there is none', () => {
      expect(
        suggestedCycle([{ endsOn: '2026-09-30' }, { endsOn: '2026-12-31' }], 'quarter'),
      ).toEqual({ name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
      expect(suggestedCycle([{ endsOn: '2026-12-31' }], 'month').name).toBe('2027-01');
      expect(suggestedCycle([], 'quarter', '2026-12-06')).toEqual({
        name: '2026-Q4',
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
      });
    });

    it('says a refusal in words', () => {
      const refusal = (status: number, body: object) =>
        cycleRefusal(new HttpErrorResponse({ status, error: body }));
      expect(
        refusal(422, {
          ...aProblem(
            422,
            'The cycle must end after it starts: 1 Jan 2026 is not after 1 Apr 2026.',
          ),
          code: 'cycle_period_invalid',
        }),
      ).toBe('The last day must come after the first, and a cycle lasts at most a year.');
      expect(
        refusal(422, {
          ...aProblem(
            422,
            'Its dates can no longer change: 1 cycle review was written for this cycle.',
          ),
          code: 'cycle_in_use',
        }),
      ).toBe('Its dates can no longer change: 1 cycle review was written for this cycle.');
      expect(refusal(412, aProblem(412))).toMatch(/Someone changed this cycle meanwhile/);
      const overlap =
        '1 Apr 2030 to 15 Apr 2030 overlaps the cycle "2030-Q1", which runs from 1 Jan 2030 to 31 Mar 2030; cycles must not overlap. Pick other dates.';
      expect(refusal(422, { ...aProblem(422, overlap), code: 'cycle_overlap' })).toBe(overlap);
    });
  });

  it('sends only the changed fields of a customer group', () => {
    const group = {
      name: 'Loyal',
      intent: 'retain',
      description: '',
      valueProposition: 'Care',
      protected: false,
    } as CustomerGroupResponse;
    expect(
      groupChanges(group, {
        name: ' Loyal ',
        intent: 'nurture',
        description: '',
        valueProposition: 'Care',
        protected: true,
      }),
    ).toEqual({ intent: 'nurture', protected: true });
  });

  it('asks the audit trail for the filter, the last day included', () => {
    expect(
      auditQuery(
        { ...NO_FILTER, action: 'create', fromDay: '2026-12-01', toDay: '2026-12-06' },
        25,
      ),
    ).toEqual({
      action: 'create',
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
      limit: 25,
      offset: 25,
    });
    expect(auditQuery(NO_FILTER, 0)).toEqual({ limit: 25, offset: 0 });
  });

  it('knows which change of role takes the right to sponsor away', () => {
    expect(demotes('executive', 'member')).toBe(true);
    expect(demotes('executive', 'admin')).toBe(true);
    expect(demotes('manager', 'member')).toBe(false);
    expect(demotes('executive', 'executive')).toBe(false);
  });

  describe('UsersStore', () => {
    afterEach(() => httpMock().verify());

    function start(): UsersStore {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), ...provideTestHttp(), UsersStore],
      });
      const store = TestBed.inject(UsersStore);
      TestBed.tick();
      httpMock()
        .expectOne('/api/users?limit=200')
        .flush({ items: [eve], total: 1, limit: 200, offset: 0 });
      httpMock()
        .expectOne('/api/departments?limit=200')
        .flush({ items: [], total: 0, limit: 200, offset: 0 });
      httpMock()
        .expectOne('/api/users/sponsors?limit=200')
        .flush({
          items: [{ id: 'u-sam', displayName: 'Sam', department: null }],
          total: 1,
          limit: 200,
          offset: 0,
        });
      return store;
    }

    it('keeps the sponsorships a demotion took away, and resolves them one by one', async () => {
      const store = start();
      const changing = store.update(eve, { role: 'member' });
      const patch = httpMock().expectOne({ method: 'PATCH', url: '/api/users/u-eve' });
      expect(patch.request.headers.get('If-Match')).toBe('"3"');
      expect(patch.request.body).toEqual({ role: 'member' });
      const answer: UpdatedUserResponse = {
        ...eve,
        role: 'member',
        version: 4,
        affectedSponsorships: [
          { id: 'i1', title: 'Faster refunds' },
          { id: 'i2', title: 'Fewer repeat calls' },
        ],
      };
      patch.flush(answer);
      await changing;
      TestBed.tick();
      httpMock()
        .match(() => true)
        .forEach((r) => r.flush({ items: [], total: 0, limit: 200, offset: 0 }));

      expect(store.lost()?.person).toBe('Eve Executive');
      expect(store.lost()?.initiatives.map((i) => i.newSponsor)).toEqual([null, null]);

      const reassigning = store.reassign('i1', {
        id: 'u-sam',
        displayName: 'Sam',
        department: null,
      });
      httpMock()
        .expectOne({ method: 'GET', url: '/api/initiatives/i1' })
        .flush({ id: 'i1', version: 7 });
      await tick();
      const sponsor = httpMock().expectOne({ method: 'PATCH', url: '/api/initiatives/i1' });
      expect(sponsor.request.headers.get('If-Match')).toBe('"7"');
      expect(sponsor.request.body).toEqual({ sponsorId: 'u-sam' });
      sponsor.flush({ id: 'i1', version: 8 });
      await reassigning;

      expect(store.lost()?.initiatives.map((i) => i.newSponsor)).toEqual(['Sam', null]);
    });

    it('hands over the set-password link of a new person', async () => {
      const store = start();
      const creating = store.create({
        email: 'new@example.com',
        displayName: 'New',
        role: 'member',
        departmentId: 'd1',
      });
      const post = httpMock().expectOne({ method: 'POST', url: '/api/users' });
      expect(post.request.headers.get('Idempotency-Key')).toEqual(expect.any(String));
      post.flush({
        user: { ...eve, id: 'u-new', displayName: 'New' },
        setPasswordUrl: 'http://x/set-password?token=t',
        setPasswordExpiresAt: '2026-12-07T10:00:00Z',
      });
      await creating;
      TestBed.tick();
      httpMock()
        .expectOne('/api/users?limit=200')
        .flush({ items: [], total: 0, limit: 200, offset: 0 });

      expect(store.created()?.setPasswordUrl).toBe('http://x/set-password?token=t');
    });
  });
});
