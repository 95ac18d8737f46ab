import fc from 'fast-check';
import {
  DECISION_OUTCOME_VALUES,
  INITIATIVE_STATUS_VALUES,
  MILESTONE_STATE_VALUES,
  type MilestoneState,
} from '@waypoint/contracts';
import { MilestoneStartBlockedError, MilestoneTransitionError } from './errors';
import {
  assertCanStartMilestone,
  canApplyMilestoneEvent,
  initiativeNotActiveProblem,
  canStartMilestone,
  currentMilestoneIndex,
  isFinalMilestoneState,
  milestoneEventName,
  milestoneStartBlocker,
  milestoneTransition,
  nextMilestoneState,
  type MilestoneEvent,
} from './gate';
import { milestones } from '../test/factories';

const EVENTS: readonly MilestoneEvent[] = [
  { type: 'start' },
  { type: 'submit' },
  { type: 'resume' },
  ...DECISION_OUTCOME_VALUES.map((outcome): MilestoneEvent => ({ type: 'decide', outcome })),
];

/** The allowed transitions: state, event name, next state. Written out independently. */
const ALLOWED: readonly (readonly [MilestoneState, string, MilestoneState])[] = [
  ['planned', 'start', 'in_progress'],
  ['in_progress', 'submit', 'submitted'],
  ['submitted', 'decide:go', 'approved'],
  ['submitted', 'decide:go_with_conditions', 'approved'],
  ['submitted', 'decide:changes_requested', 'changes_requested'],
  ['submitted', 'decide:on_hold', 'on_hold'],
  ['submitted', 'decide:rejected', 'rejected'],
  ['on_hold', 'resume', 'in_progress'],
  ['changes_requested', 'resume', 'in_progress'],
];

const eventNamed = (name: string): MilestoneEvent => {
  const event = EVENTS.find((e) => milestoneEventName(e) === name);
  if (event === undefined) {
    throw new Error(`No event ${name}`);
  }
  return event;
};
const allowedKeys = new Set(ALLOWED.map(([state, name]) => `${state}|${name}`));
const FORBIDDEN = MILESTONE_STATE_VALUES.flatMap((state) =>
  EVENTS.map((event) => [state, milestoneEventName(event)] as const),
).filter(([state, name]) => !allowedKeys.has(`${state}|${name}`));

describe('milestone (gate) transitions', () => {
  it('covers the whole cross product of states and events', () => {
    expect(EVENTS).toHaveLength(8);
    expect(ALLOWED.length + FORBIDDEN.length).toBe(7 * 8);
    expect(FORBIDDEN).toHaveLength(47);
  });

  it.each(ALLOWED)('%s --%s--> %s', (state, name, next) => {
    const event = eventNamed(name);
    expect(milestoneTransition(state, event)).toBe(next);
    expect(nextMilestoneState(state, event)).toBe(next);
    expect(canApplyMilestoneEvent(state, event)).toBe(true);
  });

  it.each(FORBIDDEN)('%s refuses %s with a typed error', (state, name) => {
    const event = eventNamed(name);
    expect(canApplyMilestoneEvent(state, event)).toBe(false);
    expect(nextMilestoneState(state, event)).toBeNull();
    let caught: unknown;
    try {
      milestoneTransition(state, event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MilestoneTransitionError);
    expect(caught).toMatchObject({
      code: 'milestone_transition_forbidden',
      from: state,
      event: name,
      message: `A milestone in state "${state}" does not accept "${name}".`,
    });
  });

  it.each(MILESTONE_STATE_VALUES)('%s is final exactly when no event leaves it', (state) => {
    const leaves = EVENTS.some((event) => canApplyMilestoneEvent(state, event));
    expect(isFinalMilestoneState(state)).toBe(!leaves);
  });
});

describe('starting a milestone', () => {
  it.each([
    ['the first of an untouched track', milestones('planned', 'planned'), 0, true],
    ['the second before the first is approved', milestones('planned', 'planned'), 1, false],
    ['the second while the first is submitted', milestones('submitted', 'planned'), 1, false],
    ['the second while the first is on hold', milestones('on_hold', 'planned'), 1, false],
    ['the second after the first is approved', milestones('approved', 'planned'), 1, true],
    ['the third after two approvals', milestones('approved', 'approved', 'planned'), 2, true],
    [
      'the third when the second is rejected',
      milestones('approved', 'rejected', 'planned'),
      2,
      false,
    ],
    ['one already in progress', milestones('in_progress'), 0, false],
    ['one already approved', milestones('approved', 'planned'), 0, false],
    ['a position out of range', milestones('planned'), 1, false],
    ['a negative position', milestones('planned'), -1, false],
    ['a fractional position', milestones('planned', 'planned'), 0.5, false],
  ])('%s: %s', (_label, track, index, expected) => {
    expect(canStartMilestone(track, index)).toBe(expected);
    expect(milestoneStartBlocker(track, index) === null).toBe(expected);
  });

  it('says which predecessor must be approved first', () => {
    expect(milestoneStartBlocker(milestones('approved', 'in_progress', 'planned'), 2)).toBe(
      'Milestone 2 must be approved before milestone 3 can start.',
    );
    expect(milestoneStartBlocker(milestones('changes_requested'), 0)).toBe(
      'Milestone 1 is changes requested, not planned.',
    );
  });

  it('throws a typed error with the reason', () => {
    expect(() => assertCanStartMilestone(milestones('planned', 'planned'), 1)).toThrow(
      MilestoneStartBlockedError,
    );
    expect(() => assertCanStartMilestone(milestones('planned', 'planned'), 0)).not.toThrow();
  });

  it.each([
    [milestones(), null],
    [milestones('planned'), 0],
    [milestones('approved', 'in_progress', 'planned'), 1],
    [milestones('approved', 'approved'), null],
  ])('finds the current gate of %j: %s', (track, expected) => {
    expect(currentMilestoneIndex(track)).toBe(expected);
  });

  it('keeps at most one gate open on any track, whatever is attempted', () => {
    const attempt = fc.record({
      index: fc.nat({ max: 4 }),
      event: fc.constantFrom(...EVENTS),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(attempt, { maxLength: 60 }),
        (size, attempts) => {
          const track = milestones(
            ...Array.from({ length: size }, (): MilestoneState => 'planned'),
          );
          for (const { index, event } of attempts) {
            if (index >= size || !canApplyMilestoneEvent(track[index].state, event)) {
              continue;
            }
            if (event.type === 'start' && !canStartMilestone(track, index)) {
              continue;
            }
            track[index] = { state: milestoneTransition(track[index].state, event) };
            const current = currentMilestoneIndex(track);
            const after = current === null ? [] : track.slice(current + 1);
            expect(track.slice(0, current ?? size).every((m) => m.state === 'approved')).toBe(true);
            expect(after.every((m) => m.state === 'planned')).toBe(true);
          }
        },
      ),
    );
  });
});

describe('initiativeNotActiveProblem', () => {
  it.each(INITIATIVE_STATUS_VALUES)('initiative %s', (status) => {
    if (status === 'active') {
      expect(initiativeNotActiveProblem(status, 'start')).toBeNull();
      expect(initiativeNotActiveProblem(status, 'submit')).toBeNull();
    } else {
      const words = status.replaceAll('_', ' ');
      expect(initiativeNotActiveProblem(status, 'start')).toBe(
        `Milestones start only while the initiative is active; it is ${words}.`,
      );
      expect(initiativeNotActiveProblem(status, 'submit')).toBe(
        `Gates are submitted only while the initiative is active; it is ${words}.`,
      );
    }
  });
});
