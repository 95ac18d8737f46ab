import type { InitiativeResponse } from '@waypoint/contracts';
import { type PlanForm, planChanges } from './plan-editor.component';

const INITIATIVE = {
  problem: 'Callers wait',
  hypothesis: '',
  approach: 'engineering',
  customerGroups: [{ id: 'g1', name: 'Families', intent: 'grow', protected: false }],
  estimatedCustomerValue: 6,
  estimatedBusinessValue: null,
  readiness: { score: null, notes: '' },
} as unknown as InitiativeResponse;

const FORM: PlanForm = {
  problem: 'Callers wait',
  hypothesis: '',
  approach: 'engineering',
  customerGroupIds: ['g1'],
  estimatedCustomerValue: '6',
  estimatedBusinessValue: '',
  readinessScore: '',
  readinessNotes: '',
};

describe('planChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(planChanges(INITIATIVE, FORM)).toEqual({ request: {}, problems: {} });
  });

  it('sends what changed: texts trimmed, groups, estimates, readiness score and notes', () => {
    expect(
      planChanges(INITIATIVE, {
        ...FORM,
        hypothesis: '  Call-backs halve repeat calls ',
        approach: 'consumer_insight',
        customerGroupIds: ['g2', 'g1'],
        estimatedBusinessValue: '4',
        readinessScore: '3',
        readinessNotes: 'Branches are keen',
      }).request,
    ).toEqual({
      hypothesis: 'Call-backs halve repeat calls',
      approach: 'consumer_insight',
      customerGroupIds: ['g1', 'g2'],
      estimatedBusinessValue: 4,
      readiness: { score: 3, notes: 'Branches are keen' },
    });
  });

  it.each([
    ['estimatedCustomerValue', '11'],
    ['estimatedCustomerValue', '2.5'],
    ['estimatedBusinessValue', 'abc'],
    ['readinessScore', '0'],
    ['readinessScore', '6'],
  ] as const)('names the field %s when %s is typed', (field, text) => {
    const { problems } = planChanges(INITIATIVE, { ...FORM, [field]: text });
    expect(Object.keys(problems)).toEqual([field]);
  });
});
