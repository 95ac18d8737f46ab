import type { MilestoneState } from '@waypoint/contracts';
import { gateMoves } from './gate-moves';

describe('gateMoves (the gate workflow of libs/domain)', () => {
  it.each<[MilestoneState, string[]]>([
    ['planned', ['start']],
    ['in_progress', ['checklist', 'submit']],
    // Sent back: the checklist can change, but the gate is resumed before it is submitted again.
    ['changes_requested', ['checklist', 'resume']],
    ['on_hold', ['resume']],
    ['submitted', []],
    ['approved', []],
    ['rejected', []],
  ])('%s', (state, expected) => {
    const moves = gateMoves(state);
    expect(Object.entries(moves).flatMap(([move, allowed]) => (allowed ? [move] : []))).toEqual(
      expected,
    );
  });
});
