import { planFromIdea, problemFromIdea } from './idea-promotion';

const idea = {
  title: 'Call back instead of queueing',
  pain: 'Families wait 20 minutes at peak.',
  evidence: '312 complaints in October.',
  customerGroupId: 'g1',
  customerImpact: 8,
  businessValue: 6,
};

describe('planFromIdea', () => {
  it("fills what the manager left out from the idea's data", () => {
    expect(planFromIdea(idea, { approach: 'engineering' })).toEqual({
      approach: 'engineering',
      title: 'Call back instead of queueing',
      problem: 'Families wait 20 minutes at peak.\n\nEvidence: 312 complaints in October.',
      customerGroupIds: ['g1'],
      estimatedCustomerValue: 8,
      estimatedBusinessValue: 6,
    });
  });

  it('keeps what the manager changed, and always serves the idea’s group', () => {
    const plan = planFromIdea(idea, {
      title: 'Call-backs at peak',
      problem: 'Rewritten.',
      customerGroupIds: ['g2'],
      estimatedCustomerValue: 0,
      estimatedBusinessValue: 9,
    });
    expect(plan).toMatchObject({
      title: 'Call-backs at peak',
      problem: 'Rewritten.',
      customerGroupIds: ['g1', 'g2'],
      estimatedCustomerValue: 0,
      estimatedBusinessValue: 9,
    });
    expect(planFromIdea(idea, { customerGroupIds: ['g2', 'g1'] }).customerGroupIds).toEqual([
      'g2',
      'g1',
    ]);
  });

  it('states the problem without evidence when there is none, cut to the field limit', () => {
    expect(problemFromIdea({ pain: 'Slow.', evidence: '  ' })).toBe('Slow.');
    const long = problemFromIdea({ pain: 'x'.repeat(4000), evidence: 'y' });
    expect([...long]).toHaveLength(4000);
    expect(long.endsWith('…')).toBe(true);
  });
});
