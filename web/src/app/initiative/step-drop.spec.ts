import type { StepResponse, StepStatus } from '@waypoint/contracts';
import { applyPlacement, placementOf } from './step-drop';

function step(id: string, position: number, status: StepStatus): StepResponse {
  return {
    id,
    milestoneId: 'm',
    initiativeId: 'i',
    position,
    title: id,
    assignee: null,
    dueDate: null,
    status,
    movedFromMilestoneId: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const a = step('a', 1, 'todo');
const b = step('b', 2, 'todo');
const c = step('c', 3, 'doing');
const d = step('d', 4, 'todo');
const all = [a, b, c, d];
const column = (status: StepStatus) => all.filter((s) => s.status === status);

describe('placementOf', () => {
  it('reorders within a column by taking the place of the step at the drop index', () => {
    expect(placementOf(a, 'todo', column('todo'), 2)).toEqual({ status: 'todo', position: 4 });
    expect(placementOf(d, 'todo', column('todo'), 0)).toEqual({ status: 'todo', position: 1 });
    expect(placementOf(b, 'todo', column('todo'), 1)).toEqual({ status: 'todo' });
  });

  it('moves to another column before the step at the drop index', () => {
    const target = column('todo');
    expect(placementOf(c, 'todo', target, 0)).toEqual({ status: 'todo', position: 1 });
    expect(placementOf(c, 'todo', target, 2)).toEqual({ status: 'todo', position: 3 });
    expect(placementOf(a, 'doing', column('doing'), 0)).toEqual({ status: 'doing', position: 2 });
  });

  it('moves to the end of another column, or just changes status in an empty one', () => {
    expect(placementOf(a, 'doing', column('doing'), 1)).toEqual({ status: 'doing', position: 3 });
    expect(placementOf(d, 'doing', column('doing'), 1)).toEqual({ status: 'doing', position: 4 });
    expect(placementOf(a, 'done', column('done'), 0)).toEqual({ status: 'done' });
  });
});

describe('applyPlacement', () => {
  it('renumbers the milestone and changes the status', () => {
    const after = applyPlacement(all, a, { status: 'doing', position: 3 });
    expect(after.map((s) => `${s.id}${s.position}${s.status}`)).toEqual([
      'b1todo',
      'c2doing',
      'a3doing',
      'd4todo',
    ]);
  });

  it('keeps the position when only the status changes', () => {
    const after = applyPlacement(all, b, { status: 'done' });
    expect(after.find((s) => s.id === 'b')).toMatchObject({ position: 2, status: 'done' });
  });
});
