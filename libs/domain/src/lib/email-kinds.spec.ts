import { EMAIL_KIND_VALUES, NOTIFICATION_KIND_VALUES } from '@waypoint/contracts';
import { emailKindOf, nextDigestAt, notificationKindsOf, retryDelayMs } from './email-kinds';

describe('emailKindOf', () => {
  it.each([
    ['gate_submitted', 'gate_waiting'],
    ['gate_decided', 'gate_decided'],
    ['conditions_open', 'gate_decided'],
    ['plan_reviewed', 'gate_decided'],
    ['step_assigned', 'step'],
    ['step_overdue', 'step'],
    ['measure_stale', 'measure_stale'],
    ['alert_raised', 'alert_raised'],
  ] as const)('emails a %s notification as %s', (kind, emailKind) => {
    expect(emailKindOf(kind)).toBe(emailKind);
  });

  it('gives every kind of email at least one notification kind', () => {
    for (const kind of EMAIL_KIND_VALUES) {
      expect(notificationKindsOf(kind, NOTIFICATION_KIND_VALUES).length).toBeGreaterThan(0);
    }
  });
});

describe('nextDigestAt', () => {
  it.each([
    ['2030-04-15T06:59:59Z', 7, '2030-04-15T07:00:00.000Z'],
    ['2030-04-15T07:00:00Z', 7, '2030-04-16T07:00:00.000Z'],
    ['2030-04-15T23:30:00Z', 7, '2030-04-16T07:00:00.000Z'],
    ['2030-12-31T08:00:00Z', 0, '2031-01-01T00:00:00.000Z'],
  ])('after %s at %i h is %s', (at, hour, due) => {
    expect(nextDigestAt(new Date(at), hour).toISOString()).toBe(due);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16000],
    [20, 60000],
    [1000, 60000],
  ])('after %i failures waits %i ms (base 1 s, cap 1 min)', (attempts, ms) => {
    expect(retryDelayMs(attempts, 1000, 60000)).toBe(ms);
  });
});
