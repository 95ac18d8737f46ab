import type { InitiativeTemplate, TemplateMeasure } from '@waypoint/contracts';
import { ROAD_TEMPLATES } from './road-templates.data';

const firstContactResolution: TemplateMeasure = {
  name: 'First-contact resolution',
  unit: '%',
  perspective: 'customer',
  direction: 'higher_is_better',
  baseline: 62,
  target: 80,
  cadence: 'monthly',
  kpiClass: 'customer_centric',
};

/** Six sigma DMAIC: define, measure, analyse, improve, control. */
const DMAIC: InitiativeTemplate = {
  id: 'dmaic',
  name: 'DMAIC (six sigma)',
  approach: 'engineering',
  description:
    'Define, measure, analyse, improve, control: a data-driven cycle to remove the causes of ' +
    'defects that customers feel, one gate per phase.',
  milestones: [
    {
      title: 'Define',
      goal: 'Agree the problem, the customers it hurts and the scope.',
      criteria: [
        'Problem statement and scope signed off by the sponsor',
        'Affected customer groups and their critical-to-quality needs named',
        'Project charter with team and timeline agreed',
      ],
    },
    {
      title: 'Measure',
      goal: 'Measure the current process and set the baseline.',
      criteria: [
        'Data collection plan agreed',
        'Baseline of every measure recorded',
        'Measurement system checked for reliability',
      ],
    },
    {
      title: 'Analyse',
      goal: 'Find the root causes and verify them with data.',
      criteria: [
        'Process mapped end to end',
        'Root causes identified and verified with data',
        'Causes ranked by their effect on customers',
      ],
    },
    {
      title: 'Improve',
      goal: 'Design, pilot and prove the improvements.',
      criteria: [
        'Solutions chosen against the verified root causes',
        'Pilot run and compared with the baseline',
        'Roll-out plan approved',
      ],
    },
    {
      title: 'Control',
      goal: 'Hold the gains.',
      criteria: [
        'Control plan with owners and thresholds in place',
        'Procedures and training updated',
        'Handover to the process owner accepted',
      ],
    },
  ],
  measures: [
    firstContactResolution,
    {
      name: 'Defects per million opportunities',
      unit: 'DPMO',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 6200,
      target: 3000,
      cadence: 'monthly',
      kpiClass: 'neutral',
    },
  ],
};

/** The A3 report's seven boxes, folded into five gates. */
const A3: InitiativeTemplate = {
  id: 'a3',
  name: 'A3 problem solving',
  approach: 'engineering',
  description:
    'The lean A3 report on one page: background, current condition, goal, root cause, ' +
    'countermeasures, plan and follow-up, folded into five gates.',
  milestones: [
    {
      title: 'Background and current condition',
      goal: 'Say why this matters to customers and show how the work is done today.',
      criteria: [
        'Background states the customer and business impact',
        'Current condition drawn from direct observation',
        'Baseline measured',
      ],
    },
    {
      title: 'Goal and root cause',
      goal: 'Set a measurable target condition and find why the gap exists.',
      criteria: [
        'Target condition stated as a measurable goal',
        'Root causes found (five whys, fishbone)',
        'Root causes confirmed with the people doing the work',
      ],
    },
    {
      title: 'Countermeasures',
      goal: 'Choose countermeasures that address each root cause.',
      criteria: [
        'Each root cause has a countermeasure',
        'Countermeasures agreed with the people affected',
      ],
    },
    {
      title: 'Plan',
      goal: 'Plan who does what, by when.',
      criteria: ['Plan names an owner and a date for every action', 'Plan agreed by the sponsor'],
    },
    {
      title: 'Follow-up',
      goal: 'Check the results against the goal and make the new way the standard.',
      criteria: [
        'Results compared with the target condition',
        'Standard work updated',
        'Learnings shared with other teams',
      ],
    },
  ],
  measures: [
    {
      name: 'Order lead time',
      unit: 'days',
      perspective: 'customer',
      direction: 'lower_is_better',
      baseline: 10,
      target: 5,
      cadence: 'weekly',
      kpiClass: 'customer_centric',
    },
    {
      name: 'Rework rate',
      unit: '%',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 12,
      target: 6,
      cadence: 'monthly',
      kpiClass: 'neutral',
    },
  ],
};

/** Every template, in the order the web offers them: the two methods, then the five roads. */
export const INITIATIVE_TEMPLATES: readonly InitiativeTemplate[] = [DMAIC, A3, ...ROAD_TEMPLATES];
