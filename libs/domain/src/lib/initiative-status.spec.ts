import { INITIATIVE_STATUS_VALUES, type InitiativeStatus } from '@waypoint/contracts';
import { InitiativeTransitionError } from './errors';
import {
  assertInitiativeTransition,
  canTransitionInitiative,
  isFinalInitiativeStatus,
  nextInitiativeStatuses,
} from './initiative-status';

/** The allowed changes, written out independently of the implementation's table. */
const ALLOWED: readonly (readonly [InitiativeStatus, InitiativeStatus])[] = [
  ['draft', 'proposed'],
  ['draft', 'stopped'],
  ['proposed', 'draft'],
  ['proposed', 'active'],
  ['proposed', 'stopped'],
  ['active', 'on_hold'],
  ['active', 'completed'],
  ['active', 'stopped'],
  ['on_hold', 'active'],
  ['on_hold', 'stopped'],
];

const key = (from: InitiativeStatus, to: InitiativeStatus): string => `${from}->${to}`;
const allowedKeys = new Set(ALLOWED.map(([from, to]) => key(from, to)));
const FORBIDDEN = INITIATIVE_STATUS_VALUES.flatMap((from) =>
  INITIATIVE_STATUS_VALUES.map((to) => [from, to] as const),
).filter(([from, to]) => !allowedKeys.has(key(from, to)));

describe('initiative status transitions', () => {
  it('covers the whole cross product of statuses', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(36);
    expect(FORBIDDEN).toHaveLength(26);
  });

  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransitionInitiative(from, to)).toBe(true);
    expect(() => assertInitiativeTransition(from, to)).not.toThrow();
    expect(nextInitiativeStatuses(from)).toContain(to);
  });

  it.each(FORBIDDEN)('forbids %s → %s with a typed error naming both', (from, to) => {
    expect(canTransitionInitiative(from, to)).toBe(false);
    expect(nextInitiativeStatuses(from)).not.toContain(to);
    let caught: unknown;
    try {
      assertInitiativeTransition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InitiativeTransitionError);
    expect(caught).toMatchObject({
      code: 'initiative_transition_forbidden',
      name: 'InitiativeTransitionError',
      from,
      to,
      message: `An initiative cannot go from "${from}" to "${to}".`,
    });
  });

  it.each([
    ['draft', false],
    ['proposed', false],
    ['active', false],
    ['on_hold', false],
    ['completed', true],
    ['stopped', true],
  ] as const)('%s is final: %s', (status, expected) => {
    expect(isFinalInitiativeStatus(status)).toBe(expected);
  });

  it('can stop an initiative from every status that is not final', () => {
    for (const status of INITIATIVE_STATUS_VALUES) {
      expect(canTransitionInitiative(status, 'stopped')).toBe(!isFinalInitiativeStatus(status));
    }
  });
});
