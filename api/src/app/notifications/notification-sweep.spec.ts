import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EmailOutbox } from '../email';
import { NotificationSweep } from './notification-sweep';
import type { NotificationsRepository } from './notifications.repository';
import type { OverdueStepRow, StaleCandidateRow } from './sweep-rules';
import type { SweepRepository } from './sweep.repository';

const NOW = new Date('2026-12-07T09:00:00Z');

function overdue(i: number): OverdueStepRow {
  return {
    stepId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    stepTitle: `Step ${i}`,
    dueDate: '2026-11-01',
    status: 'doing',
    assigneeId: 'u1',
    initiativeId: 'i1',
    initiativeTitle: 'Initiative',
  };
}

function stale(i: number): StaleCandidateRow {
  return {
    measureId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    measureName: `Measure ${i}`,
    cadence: 'weekly',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    lastReadingAt: null,
    initiativeId: 'i1',
    initiativeTitle: 'Initiative',
    recipientId: 'u1',
    toRecorder: true,
  };
}

/** A repository over fixed candidates that pages as the SQL does (keyset, limit). */
function sweepOver(steps: OverdueStepRow[], measures: StaleCandidateRow[]) {
  const calls: string[] = [];
  const sweep = {
    overdueSteps: (
      _today: string,
      _user: string | null,
      page: { after: { stepId: string } | null; limit: number },
    ) => {
      calls.push(`steps after ${page.after?.stepId.slice(-2) ?? '-'}`);
      const from = page.after ? steps.findIndex((s) => s.stepId === page.after?.stepId) + 1 : 0;
      return Promise.resolve(steps.slice(from, from + page.limit));
    },
    staleCandidates: (
      _now: Date,
      _user: string | null,
      page: { afterMeasureId: string | null; limit: number },
    ) => {
      calls.push(`measures after ${page.afterMeasureId?.slice(-2) ?? '-'}`);
      const from = page.afterMeasureId
        ? measures.findIndex((m) => m.measureId === page.afterMeasureId) + 1
        : 0;
      return Promise.resolve(measures.slice(from, from + page.limit));
    },
  };
  const written: string[] = [];
  const notifications = {
    insertDrafts: (drafts: Array<{ dedupeKey: string }>) => {
      written.push(...drafts.map((d) => d.dedupeKey));
      return Promise.resolve(drafts);
    },
  };
  const txHost = { withTransaction: <T>(work: () => Promise<T>) => work() };
  const email = { enqueue: () => Promise.resolve() };
  const service = new NotificationSweep(
    sweep as unknown as SweepRepository,
    notifications as unknown as NotificationsRepository,
    txHost as unknown as TransactionHost<TransactionalAdapterTypeOrm>,
    email as unknown as EmailOutbox,
  );
  return { service, calls, written };
}

describe('NotificationSweep: a page at a time', () => {
  it('reads every candidate in pages and writes each once', async () => {
    const steps = Array.from({ length: 5 }, (_, i) => overdue(i + 1));
    const measures = Array.from({ length: 4 }, (_, i) => stale(i + 1));
    const { service, calls, written } = sweepOver(steps, measures);
    service.pageSize = 2;

    expect(await service.run({ now: NOW })).toEqual({ stepOverdue: 5, measureStale: 4 });
    expect(calls).toEqual([
      'steps after -',
      'steps after 02',
      'steps after 04',
      'measures after -',
      'measures after 02',
      'measures after 04',
    ]);
    expect(new Set(written).size).toBe(9);
  });

  it('stops after one short page', async () => {
    const { service, calls } = sweepOver([overdue(1)], []);
    expect(await service.run({ now: NOW })).toEqual({ stepOverdue: 1, measureStale: 0 });
    expect(calls).toEqual(['steps after -', 'measures after -']);
  });
});
