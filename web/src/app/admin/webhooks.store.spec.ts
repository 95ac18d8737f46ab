import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WebhookDeliveryResponse, WebhookResponse } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { deliveryDetail, testSentence } from './webhooks-page.component';
import { EMPTY_DRAFT, WebhooksStore } from './webhooks.store';

const hook: WebhookResponse = {
  id: 'w1',
  name: 'Portfolio channel',
  url: 'https://hooks.slack.com/services/T/B/x',
  events: ['gate_submitted', 'gate_decided'],
  format: 'slack',
  enabled: true,
  version: 2,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

const delivery: WebhookDeliveryResponse = {
  id: 'd1',
  event: 'gate_submitted',
  status: 'delivered',
  attempts: 1,
  responseCode: 200,
  error: null,
  createdAt: '2026-12-01T09:00:00Z',
  lastAttemptAt: '2026-12-01T09:00:01Z',
  deliveredAt: '2026-12-01T09:00:01Z',
  nextAttemptAt: null,
};

const page = <T>(items: T[]) => ({ items, total: items.length, limit: 200, offset: 0 });

describe('Administration › Webhooks', () => {
  it('says how each delivery went, in words', () => {
    expect(deliveryDetail(delivery)).toBe('1 attempt · the address answered 200');
    expect(
      deliveryDetail({
        ...delivery,
        status: 'failed',
        attempts: 8,
        responseCode: 500,
        error: 'The address answered 500',
      }),
    ).toBe('8 attempts: The address answered 500');
    expect(
      deliveryDetail({ ...delivery, status: 'dropped', error: 'The webhook was disabled' }),
    ).toBe('The webhook was disabled');
    expect(deliveryDetail({ ...delivery, status: 'pending', attempts: 0 })).toBe('Not sent yet');
    expect(testSentence(delivery)).toBe('Test delivered: the address answered 200.');
    expect(
      testSentence({ ...delivery, status: 'failed', error: 'Could not connect (ECONNREFUSED)' }),
    ).toBe('Test not delivered: Could not connect (ECONNREFUSED).');
  });

  describe('WebhooksStore', () => {
    afterEach(() => httpMock().verify());

    function start(): WebhooksStore {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), ...provideTestHttp(), WebhooksStore],
      });
      const store = TestBed.inject(WebhooksStore);
      TestBed.tick();
      httpMock()
        .expectOne('/api/webhooks?limit=200')
        .flush(page([hook]));
      return store;
    }

    it('registers with every event by default, and keeps the secret to show once', async () => {
      const store = start();
      const creating = store.create({ ...EMPTY_DRAFT, name: ' New ', url: ' https://x.test/h ' });
      const post = httpMock().expectOne({ method: 'POST', url: '/api/webhooks' });
      expect(post.request.headers.get('Idempotency-Key')).toEqual(expect.any(String));
      expect(post.request.body).toEqual({
        name: 'New',
        url: 'https://x.test/h',
        format: 'waypoint',
        events: ['gate_submitted', 'gate_decided', 'alert_raised', 'initiative_status_changed'],
      });
      post.flush({ ...hook, id: 'w2', name: 'New', secret: 'whsec_abc' });
      await creating;
      TestBed.tick();
      httpMock()
        .expectOne('/api/webhooks?limit=200')
        .flush(page([hook]));
      expect(store.secret()).toEqual({ webhookName: 'New', secret: 'whsec_abc' });
    });

    it('disables with If-Match, tests, and reads the delivery log of the webhook shown', async () => {
      const store = start();
      const disabling = store.setEnabled(hook, false);
      const patch = httpMock().expectOne({ method: 'PATCH', url: '/api/webhooks/w1' });
      expect(patch.request.headers.get('If-Match')).toBe('"2"');
      expect(patch.request.body).toEqual({ enabled: false });
      patch.flush({ ...hook, enabled: false, version: 3 });
      await disabling;
      TestBed.tick();
      httpMock()
        .expectOne('/api/webhooks?limit=200')
        .flush(page([hook]));

      store.showLog(hook);
      TestBed.tick();
      httpMock()
        .expectOne('/api/webhooks/w1/deliveries?limit=50')
        .flush(page([delivery]));
      const testing = store.test(hook);
      httpMock().expectOne({ method: 'POST', url: '/api/webhooks/w1/test' }).flush(delivery);
      await testing;
      TestBed.tick();
      httpMock()
        .expectOne('/api/webhooks/w1/deliveries?limit=50')
        .flush(page([delivery]));
      expect(store.tested()).toEqual({ webhookId: 'w1', delivery });
      expect(store.logWebhook()?.name).toBe('Portfolio channel');
    });
  });
});
