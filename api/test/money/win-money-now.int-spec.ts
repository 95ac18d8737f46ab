import type {
  InitiativeMoneyResponse,
  Page,
  PortfolioMoneyResponse,
  WinResponse,
} from '@waypoint/contracts';
import { createCycle } from '../factories/domain';
import { initiativeFor } from '../factories/gates';
import type { Session } from '../support/auth';
import { idempotencyKey, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

/**
 * A win's money is the snapshot of the day it was published; beside it the money today, by the
 * one definition the initiative's money and the portfolio's payback use, for those who may read
 * the initiative.
 */
describe('a win: its money on the day it was published, and today', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;
  let initiativeId = '';
  let winId = '';

  const enter = (cycleId: string, amountMinor: number) =>
    send(t, cast.owner, 'POST', `/api/initiatives/${initiativeId}/realised-benefits`, {
      cycleId,
      amountMinor,
      evidenceUrl: 'https://finance.example.com/bills',
      note: 'Finance confirmed the calls avoided.',
    });
  const winAs = async (session: Session): Promise<WinResponse> => {
    const listed = await send<Page<WinResponse>>(t, session, 'GET', '/api/wins');
    expect(listed.status).toBe(200);
    const fromList = listed.body.items.find((w) => w.id === winId);
    const one = await send<WinResponse>(t, session, 'GET', `/api/wins/${winId}`);
    expect(one.status).toBe(200);
    expect(fromList).toEqual(one.body);
    return one.body;
  };

  beforeAll(async () => {
    const q1 = await createCycle(t.sql, '2026-Q1', '2026-01-01', '2026-03-31');
    const q2 = await createCycle(t.sql, '2026-Q2', '2026-04-01', '2026-06-30');
    initiativeId = await initiativeFor(t, cast, { status: 'completed' });
    const plan = await send(t, cast.owner, 'PUT', `/api/initiatives/${initiativeId}/money`, {
      expectedYearlyBenefitMinor: 24_000_00,
      oneOffCostMinor: 6_000_00,
      runningCostMinor: 1_200_00,
      assumptions: 'A call about a bill costs £4.10 of agent time.',
      benefitStartsOn: '2026-01-01',
    });
    expect(plan.status).toBe(201);
    expect((await enter(q1, 3_000_00)).status).toBe(201);
    const published = await send<WinResponse>(
      t,
      cast.owner,
      'POST',
      `/api/initiatives/${initiativeId}/win`,
      {
        learned: 'Plain bills beat any script.',
        youToldUs: 'You told us your bill was hard to read.',
        weChanged: 'We rewrote it in plain words.',
      },
      idempotencyKey(),
    );
    expect(published.status).toBe(201);
    winId = published.body.id;
    // The money of the day it was published, and today's the same day.
    expect(published.body.money.realisedMinor).toBe(3_000_00);
    expect(published.body.now).toEqual({
      realisedMinor: 3_000_00,
      payback: published.body.money.payback,
    });
    // Realised benefit entered after the win: the initiative's money moves on, the win does not.
    expect((await enter(q2, 4_000_00)).status).toBe(201);
  });

  it('keeps the snapshot, and gives today’s money by the definition of the portfolio and the initiative', async () => {
    const win = await winAs(cast.executive);
    expect(win.money.realisedMinor).toBe(3_000_00);
    expect(win.now?.realisedMinor).toBe(7_000_00);
    expect(win.now?.payback).not.toEqual(win.money.payback);

    const portfolio = await send<PortfolioMoneyResponse>(
      t,
      cast.executive,
      'GET',
      '/api/portfolio/money',
    );
    const completed = portfolio.body.completed.find((c) => c.initiative.id === initiativeId);
    expect(win.now).toEqual({
      realisedMinor: completed?.realisedMinor,
      payback: completed?.payback,
    });
    const own = await send<InitiativeMoneyResponse>(
      t,
      cast.owner,
      'GET',
      `/api/initiatives/${initiativeId}/money`,
    );
    expect(win.now).toEqual({
      realisedMinor: own.body.realisedTotalMinor,
      payback: own.body.payback,
    });
  });

  it('gives today’s money to those who may read the initiative only', async () => {
    expect((await winAs(cast.owner)).now?.realisedMinor).toBe(7_000_00);
    expect((await winAs(cast.member)).now?.realisedMinor).toBe(7_000_00);
    const outside = await winAs(cast.outsider);
    expect(outside.now).toBeNull();
    expect(outside.money.realisedMinor).toBe(3_000_00);
  });
});
