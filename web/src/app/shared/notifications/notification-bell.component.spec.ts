import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { NotificationPage, NotificationResponse } from '@waypoint/contracts';
import { aUser, httpMock, provideTestHttp, startAs } from '../../auth/auth.testing';
import { provideIcons } from '../icons';
import { bellLabel, NotificationBellComponent } from './notification-bell.component';
import { NotificationsStore } from './notifications.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

function aNotification(overrides: Partial<NotificationResponse> = {}): NotificationResponse {
  return {
    id: 'n1',
    kind: 'gate_submitted',
    title: 'Gate waiting for your decision: Pilot',
    body: 'Max submitted milestone 1 "Pilot" of "Faster refunds" for decision.',
    link: '/approvals',
    initiativeId: 'i1',
    createdAt: '2026-12-06T10:00:00Z',
    readAt: null,
    ...overrides,
  };
}

const page = (items: NotificationResponse[], unreadCount: number): NotificationPage => ({
  items,
  total: items.length,
  limit: 8,
  offset: 0,
  unreadCount,
});

it('names the count of the bell for screen readers', () => {
  expect(bellLabel(0)).toBe('Notifications, none unread');
  expect(bellLabel(3)).toBe('Notifications, 3 unread');
});

describe('the notification bell', () => {
  beforeAll(() => {
    // jsdom has no Popover API: the panel's hidePopover() is a no-op here.
    HTMLElement.prototype.hidePopover ??= function hidePopover() {
      return undefined;
    };
  });
  afterEach(() => httpMock().verify());

  async function start(role: 'executive' | 'member') {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideTestHttp(), provideIcons()],
    });
    await startAs(aUser(role));
    const fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    await tick();
    return fixture;
  }

  it('shows the unread count and the latest notifications, and counts the gates and plans waiting', async () => {
    const fixture = await start('executive');
    httpMock()
      .expectOne('/api/notifications?limit=8')
      .flush(
        page([aNotification(), aNotification({ id: 'n2', readAt: '2026-12-06T11:00:00Z' })], 1),
      );
    httpMock()
      .expectOne('/api/approvals?limit=1')
      .flush({ items: [], total: 4, limit: 1, offset: 0 });
    httpMock()
      .expectOne((r) => r.url === '/api/initiatives' && r.params.get('status') === 'proposed')
      .flush({ items: [], total: 2, limit: 1, offset: 0 });
    await tick();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('.bell-button')?.getAttribute('aria-label')).toBe(
      'Notifications, 1 unread',
    );
    expect(el.querySelector('.bell-button__badge')?.textContent?.trim()).toBe('1');
    expect(el.querySelectorAll('.bell-item')).toHaveLength(2);
    expect(el.querySelector('.bell-item__time')?.textContent).toContain('6 Dec 2026');
    expect(TestBed.inject(NotificationsStore).waitingGates()).toBe(6);
  });

  it('asks nothing of Approvals for a member', async () => {
    await start('member');
    httpMock().expectOne('/api/notifications?limit=8').flush(page([], 0));
    httpMock().expectNone((r) => r.url.startsWith('/api/approvals'));
    httpMock().expectNone((r) => r.url.startsWith('/api/initiatives'));
    expect(TestBed.inject(NotificationsStore).waitingGates()).toBeNull();
  });

  it('opens a notification at its place and marks it read', async () => {
    const fixture = await start('member');
    httpMock()
      .expectOne('/api/notifications?limit=8')
      .flush(page([aNotification()], 1));
    await tick();
    fixture.detectChanges();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const el = fixture.nativeElement as HTMLElement;

    el.querySelector<HTMLButtonElement>('.bell-item__open')?.click();
    await tick();

    expect(navigate).toHaveBeenCalledWith('/approvals');
    httpMock().expectOne({ method: 'POST', url: '/api/notifications/n1/read' }).flush(null);
    await tick();
    TestBed.tick();
    await tick();
    httpMock().expectOne('/api/notifications?limit=8').flush(page([], 0));
  });

  it('marks all read and reloads the count', async () => {
    const fixture = await start('member');
    httpMock()
      .expectOne('/api/notifications?limit=8')
      .flush(page([aNotification()], 1));
    await tick();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const markAll = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Mark all read'),
    );

    markAll?.click();
    httpMock()
      .expectOne({ method: 'POST', url: '/api/notifications/read-all' })
      .flush({ marked: 1, unreadCount: 0 });
    await tick();
    httpMock()
      .expectOne('/api/notifications?limit=8')
      .flush(page([aNotification({ readAt: '2026-12-06T12:00:00Z' })], 0));
    await tick();
    fixture.detectChanges();

    expect(el.querySelector('.bell-button__badge')).toBeNull();
    expect(el.querySelector('.bell-item--unread')).toBeNull();
  });
});
