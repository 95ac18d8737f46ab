import type { ExitCriterion, MilestoneState } from '@waypoint/contracts';
import { MILESTONE_STATE_VALUES } from '@waypoint/contracts';
import {
  applyCriteriaUpdate,
  milestoneRemovalProblem,
  initiativePlanProblem,
  milestonePlanProblem,
  moveTo,
  reorderProblem,
} from './milestone-plan';

const existing: ExitCriterion[] = [
  { id: 'a', label: 'Problem agreed', checked: false },
  { id: 'b', label: 'Data collected', checked: true },
];
let counter = 0;
const newId = (): string => `new-${++counter}`;

describe('applyCriteriaUpdate', () => {
  beforeEach(() => {
    counter = 0;
  });

  it.each<[MilestoneState, boolean, boolean]>([
    ['planned', true, false],
    ['in_progress', true, true],
    ['changes_requested', false, true],
    ['submitted', false, false],
    ['approved', false, false],
    ['on_hold', false, false],
    ['rejected', false, false],
  ])('in %s: relabel allowed %s, check allowed %s', (state, relabel, check) => {
    const relabelled = applyCriteriaUpdate(
      existing,
      [
        { id: 'a', label: 'Problem agreed by all' },
        { id: 'b', label: 'Data collected' },
      ],
      state,
      newId,
    );
    expect(relabelled.problems.length === 0).toBe(relabel);
    const checked = applyCriteriaUpdate(
      existing,
      [
        { id: 'a', label: 'Problem agreed', checked: true },
        { id: 'b', label: 'Data collected' },
      ],
      state,
      newId,
    );
    expect(checked.problems.length === 0).toBe(check);
  });

  it('keeps ids and checks, adds new unchecked items, and counts removal and reordering as edits', () => {
    const result = applyCriteriaUpdate(
      existing,
      [{ id: 'b', label: 'Data collected' }, { label: 'Sponsor briefed' }],
      'planned',
      newId,
    );
    expect(result).toEqual({
      criteria: [
        { id: 'b', label: 'Data collected', checked: true },
        { id: 'new-1', label: 'Sponsor briefed', checked: false },
      ],
      problems: [],
    });
    const reordered = applyCriteriaUpdate(
      existing,
      [...existing].reverse(),
      'changes_requested',
      newId,
    );
    expect(reordered.problems).toEqual([
      'Exit criteria can be added, removed or relabelled only while the milestone is planned or in progress; it is changes requested.',
    ]);
    const same = applyCriteriaUpdate(existing, existing, 'submitted', newId);
    expect(same).toEqual({ criteria: existing, problems: [] });
  });

  it('names unknown and repeated ids, and a new item checked too early', () => {
    const result = applyCriteriaUpdate(
      existing,
      [
        { id: 'zz', label: 'Ghost' },
        { id: 'a', label: 'Problem agreed' },
        { id: 'a', label: 'Problem agreed' },
        { label: 'New', checked: true },
      ],
      'planned',
      newId,
    );
    expect(result.problems).toEqual([
      'No exit criterion with the id "zz" on this milestone.',
      'The exit criterion "a" is listed twice.',
      'Exit criteria can be checked or unchecked only while the milestone is in progress or has changes requested; it is planned.',
    ]);
  });
});

describe('reorderProblem and moveTo', () => {
  const track = (...states: MilestoneState[]) =>
    states.map((state, i) => ({ id: `m${i + 1}`, position: i + 1, state }));

  it('moves planned milestones within 1..n, never before a started or decided one', () => {
    const milestones = track('approved', 'in_progress', 'planned', 'planned');
    expect(reorderProblem(milestones, 'm4', 3)).toBeNull();
    expect(reorderProblem(milestones, 'm4', 2)).toBe(
      'A milestone cannot move before milestone 2, which is in progress.',
    );
    expect(reorderProblem(milestones, 'm2', 4)).toBe(
      'Only a planned milestone can be moved; this one is in progress.',
    );
    expect(reorderProblem(milestones, 'm3', 5)).toBe('The position must be between 1 and 4.');
    expect(reorderProblem(milestones, 'm3', 0)).toBe('The position must be between 1 and 4.');
    expect(reorderProblem(milestones, 'nope', 1)).toBe('No such milestone.');
    expect(reorderProblem(track('planned', 'planned'), 'm2', 1)).toBeNull();
  });

  it('moves an id to a 1-based position and keeps the others in order', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(['a', 'b', 'c'], 'b', 2)).toEqual(['a', 'b', 'c']);
    expect(moveTo(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
  });
});

describe('plan problems', () => {
  it('closes the plan of a completed or stopped initiative', () => {
    expect(initiativePlanProblem('completed')).toMatch(/completed/);
    expect(initiativePlanProblem('stopped')).toMatch(/stopped/);
    for (const status of ['draft', 'proposed', 'active', 'on_hold'] as const) {
      expect(initiativePlanProblem(status)).toBeNull();
    }
  });

  it('keeps a milestone plannable until it is submitted', () => {
    const open = MILESTONE_STATE_VALUES.filter((state) => milestonePlanProblem(state) === null);
    expect(open).toEqual(['planned', 'in_progress', 'changes_requested', 'on_hold']);
    expect(milestonePlanProblem('approved')).toBe(
      'The milestone is approved: a decided milestone does not change.',
    );
  });
});

describe('milestoneRemovalProblem', () => {
  it.each([
    ['planned', 0, null],
    ['planned', 1, 'The milestone has 1 step: move or remove it first.'],
    ['planned', 3, 'The milestone has 3 steps: move or remove them first.'],
    ['in_progress', 0, 'Only a planned milestone can be removed: this one is in progress.'],
    ['approved', 0, 'Only a planned milestone can be removed: this one is approved.'],
  ] as const)('%s with %i steps: %s', (state, steps, problem) => {
    expect(milestoneRemovalProblem(state, steps)).toBe(problem);
  });
});
