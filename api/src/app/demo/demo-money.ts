import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Actor } from '../auth';
import { atStoryTime } from '../common';
import { InitiativeTransitionsService, InitiativesRepository } from '../initiatives';
import { MoneyService, WinsService } from '../money';
import { after, demoCycles } from './demo-calendar';
import type { DemoPerson } from './demo-story.runner';
import type { Person, StoryInitiative } from './demo-story';
import { DemoMoneyRepository } from './demo-money.repository';

export const CLEAR_BILLS = 'Bills customers can read';

/**
 * Show the money and wins (issue 17) in the demo: a completed initiative that earned its money
 * back (its calls about bills fell quarter by quarter, at £4.10 of agent time a call; finance confirmed
 * the last quarter's saving with evidence) and published its win; and money cases for the
 * active initiatives, so the portfolio shows expected against realised by road and department.
 */
export const MONEY_STORY: StoryInitiative = {
  title: CLEAR_BILLS,
  problem: 'One call in five to the call centre is someone who cannot read their bill.',
  hypothesis: 'A bill in plain words, with the reason for every change, ends most of those calls.',
  approach: 'engineering',
  owner: 'morgan',
  sponsor: 'erin',
  team: ['lee', 'mika'],
  groups: ['Loyal families', 'Occasional buyers'],
  estimated: { customer: 7, business: 7 },
  readiness: { score: 4, notes: 'Billing and the call centre already share a weekly meeting.' },
  measures: [
    {
      key: 'billcalls',
      name: 'Calls about bills per month',
      unit: '',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 4200,
      target: 2500,
      cadence: 'monthly',
      kpiClass: 'neutral',
      recorder: 'lee',
      values: [4200, 3900, 3400, 3000, 2700, 2600],
      latest: 2550,
    },
    {
      key: 'billclear',
      name: 'Customers who say their bill is clear',
      unit: '%',
      perspective: 'customer',
      direction: 'higher_is_better',
      baseline: 48,
      target: 75,
      cadence: 'monthly',
      kpiClass: 'customer_centric',
      recorder: 'mika',
      group: 'Loyal families',
      values: [48, 55, 63, 70, 74, 77],
      latest: 78,
    },
  ],
  gates: [
    {
      title: 'Define and measure',
      goal: 'Know why people call about their bills.',
      criteria: ['500 bill calls sampled by reason'],
      measures: ['billcalls', 'billclear'],
      dueInDays: -170,
      play: { outcome: 'go' },
    },
    {
      title: 'Improve',
      goal: 'Send the plain bill to every household.',
      criteria: ['New bill live for all customers'],
      measures: ['billcalls', 'billclear'],
      dueInDays: -100,
      play: { outcome: 'go' },
    },
    {
      title: 'Control',
      goal: 'Keep the calls down for a full quarter.',
      criteria: ['A quarter of readings below 2,800 calls'],
      measures: ['billcalls', 'billclear'],
      dueInDays: -30,
      play: { outcome: 'go', rationale: 'Calls held down for the quarter: complete it.' },
    },
  ],
  status: 'active',
};

export const RENEWALS = 'Renewal letters in plain words';

/**
 * A second completed initiative with results whose owner has not published its win yet: the
 * owner's "Publish the win" has something true to do in the demo.
 */
export const UNCELEBRATED_STORY: StoryInitiative = {
  title: RENEWALS,
  problem: 'Renewal letters read like contracts; customers call to ask what changes for them.',
  hypothesis: 'A renewal letter that says what changes, in a few lines, ends the calls.',
  approach: 'consumer_insight',
  owner: 'morgan',
  sponsor: 'jordan',
  team: ['mika'],
  groups: ['Small businesses'],
  estimated: { customer: 6, business: 5 },
  readiness: { score: 4, notes: 'The letters team asked for this.' },
  measures: [
    {
      key: 'renewcalls',
      name: 'Calls about renewal letters per month',
      unit: '',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 900,
      target: 500,
      cadence: 'monthly',
      kpiClass: 'neutral',
      recorder: 'mika',
      values: [900, 860, 760, 680, 610, 560],
      latest: 540,
    },
  ],
  gates: [
    {
      title: 'Rewrite and send',
      goal: 'Every renewal letter in plain words.',
      criteria: ['New letter sent for a full quarter'],
      measures: ['renewcalls'],
      dueInDays: -25,
      play: { outcome: 'go', rationale: 'Calls fell by a third: complete it.' },
    },
  ],
  status: 'active',
};

/** Money cases of the story's initiatives (minor units of GBP), with their assumptions. */
const CASES: ReadonlyArray<{
  title: string;
  yearly: number;
  oneOff: number;
  running: number;
  assumptions: string;
  startsAfterDays: number;
}> = [
  {
    title: CLEAR_BILLS,
    yearly: 80_000_00,
    oneOff: 18_000_00,
    running: 4_000_00,
    assumptions:
      'About 1,600 fewer calls about bills a month at £4.10 of agent time each; the bill redesign and print set-up cost £18,000 once; £4,000 a year keeps the wording up to date.',
    startsAfterDays: 0,
  },
  {
    title: RENEWALS,
    yearly: 15_000_00,
    oneOff: 3_000_00,
    running: 0,
    assumptions: 'About 300 fewer calls a month at £4.10 each; the rewrite costs £3,000 once.',
    startsAfterDays: 30,
  },
  {
    title: 'Call-backs instead of queueing',
    yearly: 60_000_00,
    oneOff: 25_000_00,
    running: 6_000_00,
    assumptions:
      'Fewer abandoned calls keep about 150 customers a year worth £400 each; the telephony change costs £25,000; call-back slots need £6,000 a year of rota time.',
    startsAfterDays: 90,
  },
  {
    title: 'Self-service for occasional buyers',
    yearly: 120_000_00,
    oneOff: 40_000_00,
    running: 10_000_00,
    assumptions:
      'Cost to serve an occasional order falls from £12 to £8 on 30,000 orders a year; the guided re-order flow costs £40,000 to build and £10,000 a year to run.',
    startsAfterDays: 60,
  },
];

@Injectable()
export class DemoMoneyStory {
  constructor(private readonly modules: ModuleRef) {}

  private get<T>(type: new (...args: never[]) => T): T {
    return this.modules.get(type, { strict: false });
  }

  /** Plays after the main story: completes the bills initiative, states the money, the win. */
  async play(people: Record<Person, DemoPerson>, now = new Date()): Promise<void> {
    const [first, , current] = demoCycles(now);
    if (!first || !current) return;
    const repository = this.get(DemoMoneyRepository);
    const initiatives = await repository.initiatives(CASES.map((c) => c.title));
    const cycleIds = await repository.cycleIdsByName();
    const owner = (id: string): Actor => ({ userId: id, requestId: null });
    const billsId = initiatives.get(CLEAR_BILLS)?.id;
    const morgan = people.morgan;
    const money = this.get(MoneyService);

    for (const c of CASES) {
      const initiative = initiatives.get(c.title);
      if (!initiative) continue;
      const { id, ownerId } = initiative;
      await atStoryTime(after(first.start, -7), () =>
        money.putPlan(
          id,
          null,
          {
            expectedYearlyBenefitMinor: c.yearly,
            oneOffCostMinor: c.oneOff,
            runningCostMinor: c.running,
            assumptions: c.assumptions,
            benefitStartsOn: after(first.start, c.startsAfterDays).toISOString().slice(0, 10),
          },
          owner(ownerId),
        ),
      );
    }
    if (!billsId) return;
    const renewals = initiatives.get(RENEWALS)?.id;
    // What a call a month fewer is worth, for the business measure of each calls initiative.
    const values = [
      {
        initiativeId: renewals,
        measure: 'Calls about renewal letters per month',
        basis:
          'Each call a month fewer than before saves £4.10 of agent time a month: £12.30 over a quarter’s cycle.',
      },
      {
        initiativeId: billsId,
        measure: 'Calls about bills per month',
        basis:
          'Each call a month fewer than before saves £4.10 of agent time a month (finance’s cost per handled call, 2026): £12.30 over a quarter’s cycle.',
      },
    ];
    for (const value of values) {
      const measureId = value.initiativeId
        ? await repository.measureId(value.initiativeId, value.measure)
        : null;
      if (!measureId) continue;
      await atStoryTime(after(first.start, -6), () =>
        money.putValuePerUnit(
          measureId,
          { valuePerUnitMinor: 1230, basis: value.basis },
          owner(morgan.id),
        ),
      );
    }
    const previous = demoCycles(now)[1];
    const previousId = previous ? cycleIds.get(previous.name) : undefined;
    if (previous && previousId) {
      await atStoryTime(after(previous.end, 5), () =>
        money.enter(
          billsId,
          {
            cycleId: previousId,
            amountMinor: 21_500_00,
            evidenceUrl: 'https://finance.example.com/reports/bill-calls-saving',
            note: 'Finance measured the agent hours no longer spent on bill calls, and the reprints saved.',
          },
          owner(morgan.id),
        ),
      );
    }
    const completeAt = after(now, -20);
    const complete = async (id: string | undefined): Promise<void> => {
      const found = id ? await this.get(InitiativesRepository).findById(id) : null;
      if (!found || found.status !== 'active') return;
      await this.get(InitiativeTransitionsService).transition(
        found.id,
        found.version,
        { to: 'completed' },
        { ...owner(morgan.id), role: morgan.role },
      );
    };
    await atStoryTime(completeAt, () => complete(billsId));
    await atStoryTime(after(now, -3), () => complete(initiatives.get(RENEWALS)?.id));
    await atStoryTime(after(completeAt, 2), () =>
      this.get(WinsService).publish(
        billsId,
        {
          learned:
            'Most bill calls were about three lines nobody could read. Rewriting them with customers did more than any script for the agents.',
          youToldUs:
            'You told us your bill was hard to follow, and that you had to call us to understand a change.',
          weChanged:
            'We rewrote the bill in plain words with you, and every change now says why it happened.',
        },
        owner(morgan.id),
      ),
    );
  }
}
