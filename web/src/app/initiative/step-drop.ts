import type { StepResponse, StepStatus } from '@waypoint/contracts';

/** Where a dragged step lands: its status, and its new position in the milestone if it moves. */
export interface StepPlacement {
  status: StepStatus;
  position?: number;
}

/**
 * Turns a drop on the board into a PATCH: `target` is the column dropped on (in position order,
 * without the dragged step when it comes from another column), `index` where it was dropped.
 * Positions count across the whole milestone, and the server renumbers the others.
 */
export function placementOf(
  step: StepResponse,
  status: StepStatus,
  target: readonly StepResponse[],
  index: number,
): StepPlacement {
  const others = target.filter((s) => s.id !== step.id);
  if (step.status === status) {
    // Within a column: take the place of the step now at that index.
    const sorted = [...target].sort((a, b) => a.position - b.position);
    const at = sorted[Math.min(index, sorted.length - 1)];
    return at && at.id !== step.id ? { status, position: at.position } : { status };
  }
  if (others.length === 0) return { status };
  const before = others[index];
  if (before) {
    return {
      status,
      position: step.position < before.position ? before.position - 1 : before.position,
    };
  }
  const last = others[others.length - 1];
  if (!last) return { status };
  return { status, position: step.position < last.position ? last.position : last.position + 1 };
}

/** The steps as they will be after the move (renumbered), for an optimistic board. */
export function applyPlacement(
  steps: readonly StepResponse[],
  step: StepResponse,
  placement: StepPlacement,
): StepResponse[] {
  const ordered = [...steps]
    .sort((a, b) => a.position - b.position)
    .filter((s) => s.id !== step.id);
  const position = placement.position ?? step.position;
  ordered.splice(Math.max(0, position - 1), 0, { ...step, status: placement.status });
  return ordered.map((s, i) => ({ ...s, position: i + 1 }));
}
