import { CADENCE_WINDOWS, staleSince } from '@waypoint/domain';
import {
  distinctDrafts,
  measureStaleKey,
  type NotificationDraft,
  overdueStepDrafts,
  type StaleCandidateRow,
  staleMeasureDrafts,
  stepOverdueKey,
  utcToday,
} from './sweep-rules';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-03-01T12:00:00Z');

function candidate(overrides: Partial<StaleCandidateRow> = {}): StaleCandidateRow {
  return {
    measureId: 'm-1',
    measureName: 'Average wait',
    cadence: 'weekly',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    lastReadingAt: new Date(now.getTime() - 10 * DAY),
    initiativeId: 'i-1',
    initiativeTitle: 'Faster refunds',
    recipientId: 'u-1',
    toRecorder: true,
    ...overrides,
  };
}

describe('utcToday', () => {
  it('is the UTC calendar date, whatever the local time zone', () => {
    expect(utcToday(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
    expect(utcToday(new Date('2026-03-02T00:00:00+02:00'))).toBe('2026-03-01');
  });
});

describe('overdue steps', () => {
  it('reach the assignee once per step (the dedupe key names the step)', () => {
    const [draft, ...rest] = overdueStepDrafts([
      {
        stepId: 's-1',
        stepTitle: 'Map calls',
        dueDate: '2026-02-27',
        status: 'doing',
        assigneeId: 'u-2',
        initiativeId: 'i-1',
        initiativeTitle: 'Faster refunds',
      },
    ]);
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      kind: 'step_overdue',
      userId: 'u-2',
      initiativeId: 'i-1',
      dedupeKey: 'step-overdue:s-1',
      link: '/my-work',
    });
    expect(stepOverdueKey('s-1')).toBe('step-overdue:s-1');
  });
});

describe('stale measures', () => {
  it('leaves out measures that libs/domain does not find stale', () => {
    const fresh = candidate({ lastReadingAt: new Date(now.getTime() - 2 * DAY) });
    const exactlyAtTheLimit = candidate({
      measureId: 'm-2',
      lastReadingAt: new Date(
        now.getTime() -
          (CADENCE_WINDOWS.weekly.intervalDays + CADENCE_WINDOWS.weekly.graceDays) * DAY,
      ),
    });
    expect(staleMeasureDrafts([fresh, exactlyAtTheLimit], now)).toEqual([]);
  });

  it('nudges the recipient once per stale period: the key carries the date it went stale', () => {
    const row = candidate();
    const [draft] = staleMeasureDrafts([row], now);
    const since = staleSince(row.lastReadingAt, 'weekly', row.createdAt);
    expect(since?.toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(draft).toMatchObject({
      kind: 'measure_stale',
      userId: 'u-1',
      initiativeId: 'i-1',
      dedupeKey: 'measure-stale:m-1:2026-02-28',
      link: '/my-work?record=m-1',
    });
    // A later reading that goes stale again is a new period, so a new key.
    const later = candidate({ lastReadingAt: new Date(now.getTime() - 9.5 * DAY) });
    expect(staleMeasureDrafts([later], now)[0]?.dedupeKey).not.toBe(draft?.dedupeKey);
  });

  it('counts from the creation of a measure that was never read', () => {
    const never = candidate({
      lastReadingAt: null,
      cadence: 'monthly',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      toRecorder: false,
    });
    const [draft] = staleMeasureDrafts([never], now);
    expect(draft?.dedupeKey).toBe('measure-stale:m-1:2026-02-08');
    expect(draft?.body).toContain('it has no reading yet');
    expect(draft?.link).toBe('/initiatives/i-1');
    const young = candidate({ lastReadingAt: null, createdAt: new Date(now.getTime() - DAY) });
    expect(staleMeasureDrafts([young], now)).toEqual([]);
  });

  it('names a period without a start "never"', () => {
    expect(measureStaleKey('m-9', null)).toBe('measure-stale:m-9:never');
  });
});

describe('distinctDrafts', () => {
  const draft = (userId: string, dedupeKey: string | null): NotificationDraft => ({
    kind: 'step_overdue',
    title: 't',
    body: 'b',
    link: '/my-work',
    userId,
    initiativeId: null,
    dedupeKey,
  });

  it('drops repeats of a (user, key) pair and keeps drafts without a key', () => {
    const drafts = [
      draft('u-1', 'k'),
      draft('u-1', 'k'),
      draft('u-2', 'k'),
      draft('u-1', null),
      draft('u-1', null),
    ];
    expect(distinctDrafts(drafts)).toEqual([drafts[0], drafts[2], drafts[3], drafts[4]]);
  });
});
