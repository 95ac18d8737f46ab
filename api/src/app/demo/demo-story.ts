import type {
  Approach,
  CreateMeasureRequest,
  DecisionOutcome,
  ReviewDecision,
  StepStatus,
} from '@waypoint/contracts';
import { MONEY_STORY, UNCELEBRATED_STORY } from './demo-money';

/**
 * The demo organisation's story across three quarterly cycles: the call centre replaces
 * queueing with call-backs (a gate waiting for the executive), marketing moves occasional buyers
 * to self-service (cheaper to serve, but the protected loyal families are less satisfied: a
 * tension alert), a segmentation initiative waiting to be activated, one put on hold and one
 * stopped at its first gate.
 */

export type Person = 'morgan' | 'priya' | 'erin' | 'jordan' | 'mika' | 'lee' | 'sam';
export type Group =
  | 'Loyal families'
  | 'New digital customers'
  | 'Small businesses'
  | 'Occasional buyers';

export interface StoryMeasure
  extends Omit<CreateMeasureRequest, 'customerGroupId' | 'counterMeasureId' | 'recorderId'> {
  key: string;
  group?: Group;
  counterMeasureOf?: string;
  recorder?: Person;
  /**
   * One value per observation, oldest first: three cycles, two per cycle, or one per cycle for a
   * measure read once a quarter (`cadence: 'quarterly'` with `oncePerCycle`).
   */
  values: number[];
  /** Read once per cycle, in its middle (a quarterly KPI), instead of twice. */
  oncePerCycle?: boolean;
  /** The reading taken for the current gate (after it started). */
  latest?: number;
}

export interface StoryGate {
  title: string;
  goal: string;
  criteria: string[];
  measures: string[];
  dueInDays: number;
  /** What the owner tells the decider when submitting the gate. */
  note?: string;
  /** Comments on the gate after it was submitted, a few hours apart. */
  comments?: Array<{ by: Person; body: string }>;
  /** What happens at this gate in the story; absent: planned. */
  play?:
    | 'in_progress'
    | 'submitted'
    | { outcome: DecisionOutcome; rationale?: string; conditions?: string[] };
  steps?: Array<{ title: string; assignee?: Person; status: StepStatus; dueInDays: number }>;
}

export interface StoryInitiative {
  title: string;
  problem: string;
  hypothesis: string;
  approach: Approach;
  owner: Person;
  sponsor: Person;
  team: Person[];
  groups: Group[];
  estimated: { customer: number; business: number };
  readiness: { score: number; notes: string };
  measures: StoryMeasure[];
  gates: StoryGate[];
  /** Status the story leaves it in when no gate decision decides it. */
  status: 'draft' | 'proposed' | 'active';
  reviews?: Array<{
    cycle: number;
    intent: string;
    predictedChange: string;
    decision: ReviewDecision;
    learnings: string;
    nextIntent: string;
  }>;
}

export const PEOPLE: Record<
  Person,
  {
    email: string;
    displayName: string;
    role: 'manager' | 'executive' | 'member';
    department: string;
  }
> = {
  morgan: {
    email: 'manager@waypoint.test',
    displayName: 'Morgan Manager',
    role: 'manager',
    department: 'Customer Service',
  },
  priya: {
    email: 'priya@waypoint.test',
    displayName: 'Priya Patel',
    role: 'manager',
    department: 'Marketing',
  },
  erin: {
    email: 'executive@waypoint.test',
    displayName: 'Erin Executive',
    role: 'executive',
    department: 'Finance',
  },
  jordan: {
    email: 'jordan@waypoint.test',
    displayName: 'Jordan Lee',
    role: 'executive',
    department: 'Operations',
  },
  mika: {
    email: 'member@waypoint.test',
    displayName: 'Mika Member',
    role: 'member',
    department: 'Operations',
  },
  lee: {
    email: 'lee@waypoint.test',
    displayName: 'Lee Chen',
    role: 'member',
    department: 'Customer Service',
  },
  sam: { email: 'sam@waypoint.test', displayName: 'Sam Rivera', role: 'member', department: 'IT' },
};

export const STORY: StoryInitiative[] = [
  {
    title: 'Call-backs instead of queueing',
    problem:
      'Callers wait 38 minutes on average at peak; a third hang up before they reach anyone.',
    hypothesis:
      'Offering a call-back at a chosen time cuts waiting without lowering first-contact resolution.',
    approach: 'engineering',
    owner: 'morgan',
    sponsor: 'erin',
    team: ['mika', 'lee', 'sam'],
    groups: ['New digital customers', 'Small businesses'],
    estimated: { customer: 8, business: 6 },
    readiness: {
      score: 4,
      notes: 'Team keen; telephony change needs IT time in the second cycle.',
    },
    measures: [
      {
        key: 'wait',
        name: 'Average wait at peak',
        unit: 'min',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 38,
        target: 15,
        cadence: 'weekly',
        kpiClass: 'customer_centric',
        recorder: 'lee',
        values: [38, 36, 31, 27, 24],
        latest: 22,
      },
      {
        key: 'fcr',
        name: 'First-contact resolution',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 61,
        target: 75,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
        recorder: 'lee',
        values: [61, 62, 64, 66, 68],
        latest: 69,
      },
      {
        key: 'cpc',
        name: 'Cost per contact',
        unit: '£',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 6.4,
        target: 5.2,
        cadence: 'monthly',
        kpiClass: 'neutral',
        recorder: 'mika',
        values: [6.4, 6.3, 6.1, 5.9, 5.8],
        latest: 5.7,
      },
    ],
    gates: [
      {
        title: 'Define',
        goal: 'Agree the problem, the customers it hurts and how we measure it.',
        criteria: [
          'Problem statement agreed with the sponsor',
          'Baseline of waiting measured',
          'Cross-functional team formed',
        ],
        measures: ['wait'],
        dueInDays: -60,
        note: 'Baseline agreed with the team; the switch logs back up the 38 minutes.',
        play: { outcome: 'go' },
      },
      {
        title: 'Measure',
        goal: 'Know where the waiting comes from, hour by hour and by reason for calling.',
        criteria: [
          'Call reasons sampled for two weeks',
          'Peak hours mapped',
          'Call-back pilot designed',
        ],
        measures: ['wait', 'fcr'],
        dueInDays: 5,
        note: 'Waiting at peak is down to 22 minutes with Monday call-backs. Two steps are still open: the script is in review and the rota slots wait for the rota team; cost per contact is not linked yet because finance closes the month next week.',
        play: 'submitted',
        comments: [
          {
            by: 'lee',
            body: 'The Monday numbers include the bank holiday week, so the drop may be a little flattering.',
          },
          {
            by: 'mika',
            body: 'Cost per contact for November is in: 5.8, down from 6.1. I will link it once finance signs it off.',
          },
        ],
        steps: [
          { title: 'Sample 500 calls by reason', assignee: 'lee', status: 'done', dueInDays: -20 },
          {
            title: 'Map peak hours from the switch logs',
            assignee: 'sam',
            status: 'done',
            dueInDays: -10,
          },
          { title: 'Design the call-back script', assignee: 'mika', status: 'doing', dueInDays: 3 },
          {
            title: 'Agree call-back slots with the rota team',
            assignee: 'mika',
            status: 'todo',
            dueInDays: -2,
          },
        ],
      },
      {
        title: 'Analyse',
        goal: 'Find the root causes of peak waiting.',
        criteria: ['Root causes ranked', 'Pilot scope agreed'],
        measures: ['wait', 'fcr', 'cpc'],
        dueInDays: 45,
      },
      {
        title: 'Improve',
        goal: 'Pilot call-backs in two teams and compare.',
        criteria: ['Pilot run for a full cycle', 'Results reviewed with the team'],
        measures: ['wait', 'fcr', 'cpc'],
        dueInDays: 100,
      },
      {
        title: 'Control',
        goal: 'Make call-backs the way we work and keep watching.',
        criteria: ['Owner for the measure named', 'Monthly review in the team meeting'],
        measures: ['wait', 'cpc'],
        dueInDays: 160,
      },
    ],
    status: 'active',
    reviews: [
      {
        cycle: 0,
        intent: 'Measure waiting properly before changing anything.',
        predictedChange: 'No change in waiting; a trustworthy baseline.',
        decision: 'adopt',
        learnings: 'Peak is Monday morning and the first working day of the month.',
        nextIntent: 'Try call-backs for Monday mornings.',
      },
      {
        cycle: 1,
        intent: 'Offer call-backs on Monday mornings.',
        predictedChange: 'Waiting at peak down by a quarter.',
        decision: 'adapt',
        learnings:
          'Customers like choosing a slot; some call-backs were missed when rotas changed.',
        nextIntent: 'Tie call-back slots to the rota and extend to all peaks.',
      },
    ],
  },
  {
    title: 'Self-service for occasional buyers',
    problem: 'One-off buyers cost as much to serve through the call centre as our best customers.',
    hypothesis:
      'Guided self-service halves the cost to serve occasional buyers without hurting loyal families.',
    approach: 'competing_values',
    owner: 'priya',
    sponsor: 'jordan',
    team: ['mika', 'lee'],
    groups: ['Occasional buyers', 'Loyal families'],
    estimated: { customer: 4, business: 8 },
    readiness: {
      score: 3,
      notes: 'Marketing and operations disagree on how far to push self-service.',
    },
    measures: [
      {
        key: 'cts',
        name: 'Cost to serve per order',
        unit: '£',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 12,
        target: 8,
        cadence: 'monthly',
        kpiClass: 'neutral',
        recorder: 'mika',
        values: [12, 11.8, 11, 10.2, 9.6],
        latest: 9.1,
      },
      {
        key: 'selfserve',
        name: 'Orders completed without a call',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 35,
        target: 60,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
        recorder: 'mika',
        counterMeasureOf: 'cts',
        group: 'Occasional buyers',
        values: [35, 37, 42, 47, 52],
        latest: 54,
      },
      {
        key: 'loyal',
        name: 'Loyal families satisfaction',
        unit: '/10',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 8.4,
        target: 9,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
        recorder: 'lee',
        group: 'Loyal families',
        values: [8.4, 8.5, 8.6, 8.3, 8],
        latest: 7.9,
      },
    ],
    gates: [
      {
        title: 'Frame the trade-off',
        goal: 'Agree what we save and what we must not lose.',
        criteria: ['Protected groups named', 'Counter-measures agreed'],
        measures: ['cts', 'loyal'],
        dueInDays: -40,
        note: 'Loyal families are protected in the plan; their satisfaction is our counter-measure.',
        play: {
          outcome: 'go_with_conditions',
          rationale: 'Go, but the loyal families must not pay for the savings.',
          conditions: [
            'Report loyal-family satisfaction to the sponsor every month',
            'Keep a human route for loyal families in every self-service flow',
          ],
        },
      },
      {
        title: 'Pilot self-service',
        goal: 'Move the simplest orders to guided self-service.',
        criteria: ['Two order types online', 'Opt-out to a person tested'],
        measures: ['cts', 'selfserve', 'loyal'],
        dueInDays: 20,
        play: 'in_progress',
        steps: [
          {
            title: 'Build the guided re-order flow',
            assignee: 'mika',
            status: 'doing',
            dueInDays: 7,
          },
          {
            title: 'Interview five loyal families about the change',
            assignee: 'lee',
            status: 'blocked',
            dueInDays: 2,
          },
        ],
      },
      {
        title: 'Scale',
        goal: 'Roll out what worked, keep what the loyal families need.',
        criteria: ['Roll-out plan approved'],
        measures: ['cts', 'selfserve', 'loyal'],
        dueInDays: 90,
      },
    ],
    status: 'active',
    reviews: [
      {
        cycle: 1,
        intent: 'Steer occasional buyers to the website.',
        predictedChange: 'Cost to serve down 10% with no change for loyal families.',
        decision: 'adapt',
        learnings:
          'Savings came, but loyal families were caught by the same routing and complained.',
        nextIntent: 'Route loyal families to a person; keep self-service for one-off buyers.',
      },
    ],
  },
  {
    title: 'Know our best small-business customers',
    problem: 'We treat a florist ordering weekly the same as a one-off buyer.',
    hypothesis: 'An RFM segmentation shows which small businesses earn a named contact.',
    approach: 'best_customer',
    owner: 'morgan',
    sponsor: 'erin',
    team: ['sam'],
    groups: ['Small businesses'],
    estimated: { customer: 6, business: 7 },
    readiness: { score: 3, notes: 'Data is in three systems; IT can join it next cycle.' },
    measures: [
      {
        key: 'retention',
        name: 'Small-business retention',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 78,
        target: 85,
        cadence: 'quarterly',
        kpiClass: 'customer_centric',
        values: [],
      },
      {
        key: 'revenue',
        name: 'Revenue from top segment',
        unit: 'k£',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 410,
        target: 480,
        cadence: 'quarterly',
        kpiClass: 'neutral',
        values: [],
      },
    ],
    gates: [
      {
        title: 'Segment',
        goal: 'Score every small business on recency, frequency and value.',
        criteria: ['RFM scores for all accounts', 'Segments reviewed with sales'],
        measures: ['retention'],
        dueInDays: 30,
      },
      {
        title: 'Serve the best differently',
        goal: 'Give the top segment a named contact.',
        criteria: ['Named contacts assigned'],
        measures: ['retention', 'revenue'],
        dueInDays: 120,
      },
    ],
    status: 'proposed',
  },
  {
    title: 'Brand promise in every branch',
    problem: 'The promise on our posters is not what customers meet at the counter.',
    hypothesis: 'Branch teams who design their own promise keep it.',
    approach: 'strategic_differentiator',
    owner: 'priya',
    sponsor: 'erin',
    team: ['lee'],
    groups: ['Loyal families'],
    estimated: { customer: 6, business: 4 },
    readiness: { score: 2, notes: 'Branch managers are stretched this quarter.' },
    // Read once a quarter: the frozen budget cut counter hours this quarter, and the loyal
    // families' recommend score fell from last quarter's reading (the alert rises between cycles).
    measures: [
      {
        key: 'nps',
        name: 'Branch recommend score',
        unit: 'NPS',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 18,
        target: 30,
        cadence: 'quarterly',
        kpiClass: 'customer_centric',
        recorder: 'lee',
        group: 'Loyal families',
        oncePerCycle: true,
        values: [18, 21, 19],
      },
      {
        key: 'hours',
        name: 'Counter staff hours per branch',
        unit: 'h/week',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 120,
        target: 100,
        cadence: 'quarterly',
        kpiClass: 'neutral',
        recorder: 'lee',
        oncePerCycle: true,
        values: [120, 118, 104],
      },
    ],
    gates: [
      {
        title: 'Listen',
        goal: 'Hear what customers expect at the counter.',
        criteria: ['Twenty customer conversations held'],
        measures: ['nps'],
        dueInDays: -5,
        play: {
          outcome: 'on_hold',
          rationale:
            'Budget is frozen until the next planning round; keep the conversations, pause the spend.',
        },
      },
      {
        title: 'Co-design',
        goal: 'Each branch writes its promise.',
        criteria: ['Promises written in three branches'],
        measures: ['nps'],
        dueInDays: 80,
      },
    ],
    status: 'active',
  },
  {
    title: 'Guided onboarding for digital customers',
    problem: 'New digital customers drop out before their first order.',
    hypothesis: 'A guided first week doubles first orders.',
    approach: 'consumer_insight',
    owner: 'morgan',
    sponsor: 'jordan',
    team: ['sam'],
    groups: ['New digital customers'],
    estimated: { customer: 5, business: 5 },
    readiness: { score: 2, notes: 'Overlaps with the app team’s roadmap.' },
    measures: [
      {
        key: 'first',
        name: 'First order within 14 days',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 22,
        target: 40,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
        recorder: 'sam',
        values: [22, 23],
        latest: 23,
      },
    ],
    gates: [
      {
        title: 'Discover',
        goal: 'Learn why new customers stop.',
        criteria: ['Drop-out interviews done'],
        measures: ['first'],
        dueInDays: -15,
        play: {
          outcome: 'rejected',
          rationale:
            'The app team is rebuilding onboarding this year; we stop here rather than build it twice.',
        },
      },
    ],
    status: 'active',
  },
  MONEY_STORY,
  UNCELEBRATED_STORY,
];
