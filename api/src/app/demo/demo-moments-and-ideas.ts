import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MomentResponse } from '@waypoint/contracts';
import type { Actor } from '../auth';
import { atStoryTime } from '../common';
import { IdeasService } from '../ideas';
import { MomentsService } from '../moments';
import { after } from './demo-calendar';
import type { Group, Person } from './demo-story';

/** A moment of a demo journey: its name, how customers experience it now, and by whom. */
interface StoryMoment {
  name: string;
  rating: number;
  ratedBy: Person;
  note: string;
  /** Demo initiatives (by title) in flight here, and measures (by name) that track it. */
  initiatives?: string[];
  measures?: string[];
}

const JOURNEYS: Record<Group, StoryMoment[]> = {
  'Loyal families': [
    {
      name: 'Choose',
      rating: 4,
      ratedBy: 'priya',
      note: 'Brand tracker, Q3.',
      initiatives: ['Brand promise in every branch'],
    },
    { name: 'Buy', rating: 4, ratedBy: 'priya', note: 'Checkout survey.' },
    {
      name: 'Get help',
      rating: 2,
      ratedBy: 'morgan',
      note: 'Complaints about waiting at peak doubled since spring.',
      initiatives: ['Call-backs instead of queueing'],
      measures: ['Average wait at peak', 'Loyal families satisfaction'],
    },
    {
      name: 'Renew',
      rating: 2,
      ratedBy: 'morgan',
      note: 'Renewal letters confuse; 40 lapses a month.',
    },
  ],
  'New digital customers': [
    { name: 'Choose', rating: 4, ratedBy: 'priya', note: 'App store reviews.' },
    {
      name: 'Get started',
      rating: 2,
      ratedBy: 'priya',
      note: 'Half stop before their first order.',
      initiatives: ['Guided onboarding for digital customers'],
      measures: ['First order within 14 days'],
    },
    {
      name: 'Get help',
      rating: 3,
      ratedBy: 'morgan',
      note: 'Chat answers in minutes, not always right.',
    },
  ],
  'Small businesses': [
    { name: 'Choose', rating: 3, ratedBy: 'priya', note: 'Lost pitches, sales notes.' },
    { name: 'Buy', rating: 4, ratedBy: 'priya', note: 'Account managers report few problems.' },
    {
      name: 'Get help',
      rating: 1,
      ratedBy: 'morgan',
      note: 'No named contact; calls bounce between teams.',
    },
    {
      name: 'Renew',
      rating: 3,
      ratedBy: 'priya',
      note: 'Retention steady, not growing.',
      initiatives: ['Know our best small-business customers'],
      measures: ['Small-business retention'],
    },
  ],
  'Occasional buyers': [
    {
      name: 'Buy',
      rating: 3,
      ratedBy: 'morgan',
      note: 'Most re-order by phone.',
      initiatives: ['Self-service for occasional buyers'],
      measures: ['Orders completed without a call'],
    },
    { name: 'Get help', rating: 2, ratedBy: 'morgan', note: 'Long calls for simple questions.' },
  ],
};

interface StoryIdea {
  key: string;
  by: Person;
  group: Group;
  moment: string;
  title: string;
  pain: string;
  evidence: string;
  customerImpact: number;
  businessValue: number;
  effort: number;
  meToos?: Array<{ by: Person; evidence: string }>;
  triage?:
    | { merge: string; by: Person }
    | { decline: string; by: Person }
    | {
        promote: { approach: 'consumer_insight'; sponsor: Person; hypothesis: string };
        by: Person;
      };
}

/** Submitted in this order, a day apart; "me too"s and triage follow. */
const IDEAS: StoryIdea[] = [
  {
    key: 'callback',
    by: 'mika',
    group: 'Loyal families',
    moment: 'Get help',
    title: 'Call me back at a time I choose',
    pain: 'Families on the phone at peak wait twenty minutes and hang up.',
    evidence: 'Listened to 30 calls on Monday morning: 11 asked to be called back.',
    customerImpact: 8,
    businessValue: 6,
    effort: 2,
    meToos: [
      { by: 'lee', evidence: 'Same at the branch desk: people ask us to ring them later.' },
      { by: 'sam', evidence: 'The phone system can book slots; nobody switched it on.' },
    ],
  },
  {
    key: 'renewal',
    by: 'lee',
    group: 'Loyal families',
    moment: 'Renew',
    title: 'Show the renewal price before the reminder',
    pain: 'Families learn the new price only when the renewal letter arrives, and many let it lapse.',
    evidence: '40 lapsed renewals a month; a third of the calls in renewal week ask about price.',
    customerImpact: 7,
    businessValue: 8,
    effort: 2,
    meToos: [{ by: 'mika', evidence: 'Complaint log: "price shock" is the top renewal tag.' }],
    triage: {
      by: 'morgan',
      promote: {
        approach: 'consumer_insight',
        sponsor: 'erin',
        hypothesis: 'Families told the price a month ahead renew more and call less.',
      },
    },
  },
  {
    key: 'basket',
    by: 'sam',
    group: 'New digital customers',
    moment: 'Get started',
    title: 'Keep the basket across phone and laptop',
    pain: 'New customers start on the phone, finish on the laptop and find an empty basket.',
    evidence: 'Analytics: 18% of first baskets are abandoned when the device changes.',
    customerImpact: 6,
    businessValue: 8,
    effort: 3,
    meToos: [{ by: 'mika', evidence: 'Heard it twice in the onboarding interviews.' }],
  },
  {
    key: 'contact',
    by: 'mika',
    group: 'Small businesses',
    moment: 'Get help',
    title: 'One named contact for each small business',
    pain: 'Small businesses are passed between three teams before anyone helps.',
    evidence: 'Small-business complaints mention "transferred" in half the cases.',
    customerImpact: 9,
    businessValue: 5,
    effort: 4,
  },
  {
    key: 'ringback',
    by: 'priya',
    group: 'Loyal families',
    moment: 'Get help',
    title: 'Ring back instead of holding',
    pain: 'Holding music for twenty minutes.',
    evidence: 'Three complaints this week.',
    customerImpact: 7,
    businessValue: 5,
    effort: 2,
    triage: { by: 'morgan', merge: 'callback' },
  },
  {
    key: 'parking',
    by: 'sam',
    group: 'Occasional buyers',
    moment: 'Buy',
    title: 'Free parking at the branches',
    pain: 'Occasional buyers pay for parking to collect an order.',
    evidence: 'Two comments in the branch survey.',
    customerImpact: 3,
    businessValue: 1,
    effort: 4,
    triage: {
      by: 'priya',
      decline:
        'The car parks belong to the landlords; collecting at the door, which self-service brings, solves it for more people.',
    },
  },
  {
    key: 'reorder',
    by: 'priya',
    group: 'Occasional buyers',
    moment: 'Get help',
    title: 'Answer simple questions by text',
    pain: 'Occasional buyers call for opening hours and order status.',
    evidence: 'Call reasons: 35% of their calls are one of five simple questions.',
    customerImpact: 5,
    businessValue: 7,
    effort: 2,
    meToos: [{ by: 'lee', evidence: 'Those calls are a quarter of my day.' }],
  },
];

/** The moments and the backlog of the demo (issue 17), played after the initiatives' story. */
@Injectable()
export class DemoMomentsAndIdeas {
  constructor(
    private readonly modules: ModuleRef,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private get<T>(type: new (...args: never[]) => T): T {
    return this.modules.get(type, { strict: false });
  }

  async play(
    people: Record<Person, { id: string }>,
    groups: Record<Group, string>,
    now = new Date(),
  ): Promise<void> {
    const as = (p: Person): Actor => ({ userId: people[p].id, requestId: null });
    const moments = this.get(MomentsService);
    const ideas = this.get(IdeasService);
    const initiatives = await this.ids(`SELECT id, title AS name FROM initiatives`);
    const measures = await this.ids(`SELECT id, name FROM measures`);
    // The journeys were mapped three weeks ago; ideas come in over the last two weeks.
    let at = after(now, -21);
    const tick = async <T>(hours: number, work: () => Promise<T>): Promise<T> => {
      at = after(at, 0, hours);
      return atStoryTime(at, work);
    };
    const byGroup = new Map<string, MomentResponse>();
    for (const [group, journey] of Object.entries(JOURNEYS) as Array<[Group, StoryMoment[]]>) {
      for (const m of journey) {
        const created = await tick(1, () =>
          moments.create({ customerGroupId: groups[group], name: m.name }, as('morgan')),
        );
        const rated = await tick(1, () =>
          moments.update(
            created.id,
            created.version,
            {
              rating: m.rating,
              ratingNote: m.note,
              ...(m.measures
                ? { measureIds: m.measures.flatMap((n) => measures.get(n) ?? []) }
                : {}),
            },
            as(m.ratedBy),
          ),
        );
        byGroup.set(`${group}/${m.name}`, rated);
        for (const title of m.initiatives ?? []) {
          const id = initiatives.get(title);
          if (!id) continue;
          const linked = (await moments.ofInitiative(id)).map((l) => l.id);
          await tick(0.5, () => moments.linkInitiative(id, [...linked, rated.id], as('morgan')));
        }
      }
    }
    at = after(now, -14);
    const ideaIds = new Map<string, { id: string; version: number }>();
    for (const idea of IDEAS) {
      const moment = byGroup.get(`${idea.group}/${idea.moment}`);
      if (!moment) continue;
      const { key, by, group, meToos, triage, ...fields } = idea;
      void triage;
      const created = await tick(24, () =>
        ideas.submit({ ...fields, customerGroupId: groups[group], momentId: moment.id }, as(by)),
      );
      let version = created.version;
      for (const meToo of meToos ?? []) {
        const after = await tick(3, () => ideas.meToo(created.id, meToo.evidence, as(meToo.by)));
        version = after.version;
      }
      ideaIds.set(key, { id: created.id, version });
    }
    for (const idea of IDEAS) {
      const own = ideaIds.get(idea.key);
      const triage = idea.triage;
      if (!own || !triage) continue;
      if ('merge' in triage) {
        const into = ideaIds.get(triage.merge);
        if (into) await tick(2, () => ideas.merge(own.id, own.version, into.id, as(triage.by)));
      } else if ('decline' in triage) {
        await tick(2, () => ideas.decline(own.id, own.version, triage.decline, as(triage.by)));
      } else {
        const plan = triage.promote;
        await tick(2, () =>
          ideas.promote(
            own.id,
            {
              approach: plan.approach,
              sponsorId: people[plan.sponsor].id,
              hypothesis: plan.hypothesis,
              teamIds: [people[idea.by].id],
            },
            as(triage.by),
          ),
        );
      }
    }
  }

  private async ids(sql: string): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.txHost.tx.query(sql);
    return new Map(rows.map((r) => [r.name, r.id]));
  }
}
