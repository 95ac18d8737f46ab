import type { InitiativeTemplate } from '@waypoint/contracts';

/**
 * The roads of seed 001 that weigh customers and values against each other: best customer
 * (segmentation such as RFM) and competing values (counter-measures as an early warning).
 */
export const VALUE_ROAD_TEMPLATES: readonly InitiativeTemplate[] = [
  {
    id: 'best_customer',
    name: 'Best customer road: segmentation (RFM)',
    approach: 'best_customer',
    description:
      'Data-driven segmentation such as RFM (recency, frequency, monetary value) focuses ' +
      'attention on the customers who have earned it: all customers are appreciated, some more.',
    milestones: [
      {
        title: 'Assemble customer data',
        goal: 'Join transactions and contacts into one view of each customer.',
        criteria: ['Data sources joined per customer', 'Data quality checked and gaps named'],
      },
      {
        title: 'Segment customers (RFM)',
        goal: 'Score recency, frequency and monetary value and form segments.',
        criteria: [
          'RFM scores computed for every active customer',
          'Segments named and sized',
          'Each segment mapped to a customer group with an intent (grow, nurture, retain, reduce cost to serve)',
        ],
      },
      {
        title: 'Design a treatment per segment',
        goal: 'Decide what each segment gets, and what must not be traded away.',
        criteria: ['Value proposition per segment written', 'Protected customer groups named'],
      },
      {
        title: 'Pilot and roll out',
        goal: 'Prove the treatments against a control group, then roll out.',
        criteria: ['Pilot compared with a control group', 'Roll-out plan approved'],
      },
    ],
    measures: [
      {
        name: 'Retention of best customers',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 80,
        target: 90,
        cadence: 'quarterly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Revenue per best customer',
        unit: 'EUR',
        perspective: 'business',
        direction: 'higher_is_better',
        baseline: 1200,
        target: 1400,
        cadence: 'quarterly',
        kpiClass: 'neutral',
      },
      {
        name: 'Cost to serve per low-value customer',
        unit: 'EUR',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 30,
        target: 22,
        cadence: 'quarterly',
        kpiClass: 'neutral',
      },
    ],
  },
  {
    id: 'competing_values',
    name: 'Competing values road: an early warning between values',
    approach: 'competing_values',
    description:
      'Acknowledge that efficiency and profit compete with customer value, find where they ' +
      'complement each other, and pair each customer measure with a business counter-measure ' +
      'as an early warning when one value acts to the detriment of the other.',
    milestones: [
      {
        title: 'Assess readiness for change',
        goal: 'Know how ready each department is, and where resistance will come from.',
        criteria: [
          'Readiness assessed in each department of the team',
          'Sources of resistance named',
        ],
      },
      {
        title: 'Name the competing values',
        goal: 'State the customer and business values at stake and where they collide.',
        criteria: [
          'Customer value and business value stated',
          'Where they complement and where they collide agreed with the sponsor',
        ],
      },
      {
        title: 'Set up the early warning',
        goal: 'Pair each customer measure with a business counter-measure and agree thresholds.',
        criteria: [
          'Each customer measure has a business counter-measure',
          'Thresholds that raise an alert agreed with the sponsor',
        ],
      },
      {
        title: 'Pilot with both values in view',
        goal: 'Run the change and watch both values each cycle.',
        criteria: ['Pilot run for a full cycle', 'Tension alerts reviewed and acted on'],
      },
      {
        title: 'Manage the tension and embed',
        goal: 'Keep the tension at a level that drives change without undermining it.',
        criteria: ['Both values improved or held', 'Early warning handed over to the line'],
      },
    ],
    measures: [
      {
        name: 'Customer satisfaction (CSAT)',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 72,
        target: 85,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Cost per contact',
        unit: 'EUR',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 6.5,
        target: 6,
        cadence: 'monthly',
        kpiClass: 'neutral',
        counterMeasureOf: 'Customer satisfaction (CSAT)',
      },
      {
        name: 'First-contact resolution',
        unit: '%',
        perspective: 'customer',
        direction: 'higher_is_better',
        baseline: 62,
        target: 78,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
      },
      {
        name: 'Average handling time',
        unit: 'min',
        perspective: 'business',
        direction: 'lower_is_better',
        baseline: 9,
        target: 8,
        cadence: 'monthly',
        kpiClass: 'customer_toxic',
        counterMeasureOf: 'First-contact resolution',
      },
    ],
  },
];
