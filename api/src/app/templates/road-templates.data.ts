import type { InitiativeTemplate } from '@waypoint/contracts';
import { VALUE_ROAD_TEMPLATES } from './value-road-templates.data';

/** One template per road to customer-centricity (seed 001). */
export const ROAD_TEMPLATES: readonly InitiativeTemplate[] = [
  {
    id: 'engineering',
    name: 'Engineering road: six sigma across the board',
    approach: 'engineering',
    description:
      'Six sigma tools and practices applied across units: hear the voice of the customer, ' +
      'baseline process capability, redesign, then standardise and scale.',
    milestones: [
      {
        title: 'Voice of the customer',
        goal: 'Turn what customers say into critical-to-quality requirements.',
        criteria: [
          'Customer interviews and complaints analysed',
          'Critical-to-quality requirements listed with limits',
        ],
      },
      {
        title: 'Process capability baseline',
        goal: 'Know how capable each key process is today.',
        criteria: ['Key processes mapped', 'Sigma level of each key process measured'],
      },
      {
        title: 'Redesign and pilot',
        goal: 'Redesign the weakest process and prove it in a pilot.',
        criteria: ['Root causes verified', 'Pilot beats the baseline'],
      },
      {
        title: 'Standardise and scale',
        goal: 'Make the new process the standard in every unit.',
        criteria: ['Standard operating procedure published', 'Every unit trained and audited'],
      },
    ],
    measures: [
      {
        name: 'Customer effort score',
        unit: 'score 1-7',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 4.2,
        target: 3,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Process sigma level',
        unit: 'sigma',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 3,
        target: 4,
        cadence: 'quarterly',
        kpiClass: 'neutral',
      },
    ],
  },
  {
    id: 'strategic_differentiator',
    name: 'Strategic differentiator road: the brand in action',
    approach: 'strategic_differentiator',
    description:
      'Bake the customer promise into the value proposition and make it the brand in action: ' +
      'how every employee serves customers at the moments that matter.',
    milestones: [
      {
        title: 'Articulate the customer promise',
        goal: 'State the promise to the target customer groups in plain words.',
        criteria: [
          'Promise names the value for each target customer group',
          'Leadership has signed the promise off',
        ],
      },
      {
        title: 'Translate the promise into behaviours',
        goal: 'Say what keeping the promise looks like in each department.',
        criteria: [
          'Moments that matter identified',
          'Behaviours at each moment agreed with each department',
        ],
      },
      {
        title: 'Live the promise at the moments that matter',
        goal: 'Change what customers experience at the top moments.',
        criteria: ['Changes in place at the top three moments', 'Customer feedback collected'],
      },
      {
        title: 'Embed and review',
        goal: 'Align hiring, onboarding and recognition with the promise.',
        criteria: [
          'People processes aligned with the promise',
          'Results reviewed with the sponsor',
        ],
      },
    ],
    measures: [
      {
        name: 'Customers who recognise the promise',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 30,
        target: 60,
        cadence: 'quarterly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Share of wallet of target groups',
        unit: '%',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 18,
        target: 24,
        cadence: 'quarterly',
        kpiClass: 'neutral',
      },
    ],
  },
  {
    id: 'consumer_insight',
    name: 'Consumer decision-making road',
    approach: 'consumer_insight',
    description:
      'Understand how customers decide (behavioural economics, cognitive psychology) and help ' +
      'them decide well: a better choice for the customer, not a better mousetrap.',
    milestones: [
      {
        title: 'Map the decision journey',
        goal: 'Find where customers hesitate, drop out or regret.',
        criteria: ['Decision points mapped with real customers', 'Drop-out and regret measured'],
      },
      {
        title: 'Behavioural hypotheses',
        goal: 'Name the frictions and biases at work and how to help.',
        criteria: [
          'Each hypothesis is testable',
          'Each change helps the customer decide better, not just buy more',
        ],
      },
      {
        title: 'Experiment',
        goal: 'Test the hypotheses with controlled experiments.',
        criteria: ['Experiments designed with a control group', 'Results analysed'],
      },
      {
        title: 'Scale what helps customers',
        goal: 'Roll out the changes that helped customers and watch for regret.',
        criteria: ['Winning changes rolled out', 'Regret rate followed after roll-out'],
      },
    ],
    measures: [
      {
        name: 'Decision completion rate',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 45,
        target: 60,
        cadence: 'weekly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Purchases returned within 30 days',
        unit: '%',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 8,
        target: 5,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Conversion rate',
        unit: '%',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 5,
        target: 6.5,
        cadence: 'weekly',
        kpiClass: 'neutral',
      },
    ],
  },
  ...VALUE_ROAD_TEMPLATES,
];
