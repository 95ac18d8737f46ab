import {
  blockedDetail,
  completionBlockers,
  milestoneToStartOnActivation,
  proposalBlockers,
  sendBackReasonProblem,
  transitionActorProblem,
} from './initiative-transition-rules';

const someone = { role: 'manager' as const, isOwner: false, isSponsor: false };

describe('who may move an initiative', () => {
  it.each([
    ['draft', 'proposed', { ...someone, isOwner: true }, null],
    ['draft', 'proposed', { ...someone, role: 'executive' as const, isSponsor: true }, /owner/],
    ['draft', 'proposed', { ...someone, role: 'admin' as const }, null],
    ['proposed', 'active', { ...someone, role: 'executive' as const, isSponsor: true }, null],
    ['proposed', 'active', { ...someone, isOwner: true }, /sponsor/],
    ['proposed', 'active', { ...someone, role: 'admin' as const }, null],
    ['proposed', 'draft', { ...someone, isOwner: true }, null],
    ['proposed', 'draft', { ...someone, role: 'executive' as const, isSponsor: true }, null],
    ['active', 'on_hold', { ...someone, isOwner: true }, null],
    ['active', 'stopped', { ...someone, role: 'executive' as const, isSponsor: true }, null],
  ] as const)('%s → %s by %o', (from, to, actor, expected) => {
    const problem = transitionActorProblem(from, to, actor);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('a plan sent back for rework', () => {
  it.each([
    ['proposed', 'draft', false, undefined, /Say why/],
    ['proposed', 'draft', false, '   ', /Say why/],
    ['proposed', 'draft', false, 'Add a counter-measure.', null],
    ['proposed', 'draft', true, undefined, null],
    ['proposed', 'active', false, undefined, null],
    ['active', 'on_hold', false, undefined, null],
  ] as const)('%s → %s (owner: %s, note %p)', (from, to, isOwner, note, expected) => {
    const problem = sendBackReasonProblem(from, to, isOwner, note);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('what a proposal needs', () => {
  const executive = { id: 'e', role: 'executive' as const, active: true };

  it('needs nothing more with a milestone and an active executive sponsor', () => {
    expect(proposalBlockers(1, 'e', executive)).toEqual([]);
  });

  it('names both a missing milestone and a missing sponsor', () => {
    expect(proposalBlockers(0, null, undefined)).toEqual([
      'it has no milestone: add at least one',
      'it has no sponsor: choose an active executive as sponsor',
    ]);
  });

  it('refuses a sponsor who is deactivated or no longer an executive', () => {
    expect(proposalBlockers(2, 'e', { ...executive, active: false })).toEqual([
      'the sponsor e is deactivated',
    ]);
    expect(proposalBlockers(2, 'e', { ...executive, role: 'manager' })).toEqual([
      'the sponsor must be an executive; e is a manager',
    ]);
  });
});

describe('completion and activation', () => {
  it('lists every milestone not approved yet', () => {
    expect(
      completionBlockers([
        { title: 'Define', state: 'approved' },
        { title: 'Measure', state: 'in_progress' },
        { title: 'Control', state: 'changes_requested' },
      ]),
    ).toEqual(['milestone "Measure" is in progress', 'milestone "Control" is changes requested']);
    expect(completionBlockers([{ title: 'Define', state: 'approved' }])).toEqual([]);
  });

  it('starts the first milestone only when none has started', () => {
    const planned = { state: 'planned' as const, startedAt: null };
    expect(milestoneToStartOnActivation([planned, planned])).toBe(0);
    expect(milestoneToStartOnActivation([])).toBeNull();
    expect(
      milestoneToStartOnActivation([{ state: 'in_progress', startedAt: new Date() }, planned]),
    ).toBeNull();
    expect(milestoneToStartOnActivation([{ state: 'on_hold', startedAt: new Date() }])).toBeNull();
  });

  it('words the 422 detail with the move and every blocker', () => {
    expect(blockedDetail('proposed', ['a', 'b'])).toBe(
      'The initiative cannot be proposed yet: a; b.',
    );
  });
});
