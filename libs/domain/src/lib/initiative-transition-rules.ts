import type { InitiativeStatus, MilestoneState, Role } from '@waypoint/contracts';
import { DomainError } from './errors';
import { type PersonCheck, sponsorProblem } from './initiative-people';

/**
 * Rules of the initiative lifecycle beside the allowed moves themselves
 * (`assertInitiativeTransition`): who may make a move, and what it needs first.
 */

const words = (value: string): string => value.replaceAll('_', ' ');

/**
 * The owner proposes the plan to the sponsor; the sponsor accepts it (DOMAIN.md, seed 000:
 * executives buy in before the work starts). Admins may do both. Null when allowed.
 */
export function transitionActorProblem(
  from: InitiativeStatus,
  to: InitiativeStatus,
  actor: { role: Role; isOwner: boolean; isSponsor: boolean },
): string | null {
  if (actor.role === 'admin') return null;
  if (from === 'draft' && to === 'proposed' && !actor.isOwner) {
    return 'Only the owner of the initiative (or an admin) can propose it.';
  }
  if (from === 'proposed' && to === 'active' && !actor.isSponsor) {
    return 'Only the sponsor of the initiative (or an admin) can accept the proposal and activate it.';
  }
  return null;
}

/**
 * Sending a proposed plan back for rework (anyone but its owner, who may simply withdraw it)
 * needs the reason the team reads (DOMAIN.md: decisions carry a rationale). Null when allowed.
 */
export function sendBackReasonProblem(
  from: InitiativeStatus,
  to: InitiativeStatus,
  isOwner: boolean,
  note: string | undefined,
): string | null {
  if (from !== 'proposed' || to !== 'draft' || isOwner) return null;
  return (note ?? '').trim() === ''
    ? 'Say why the plan goes back for rework: the owner and the team read the reason.'
    : null;
}

/** What is missing before an initiative can be proposed: a milestone and an active executive sponsor. */
export function proposalBlockers(
  milestoneCount: number,
  sponsorId: string | null,
  sponsor: PersonCheck | undefined,
): string[] {
  const blockers: string[] = [];
  if (milestoneCount === 0) blockers.push('it has no milestone: add at least one');
  if (sponsorId === null) {
    blockers.push('it has no sponsor: choose an active executive as sponsor');
  } else {
    const problem = sponsorProblem(sponsorId, sponsor);
    if (problem) blockers.push(problem.replace(/^sponsorId: /, '').replace(/\.$/, ''));
  }
  return blockers;
}

/** Every milestone must be approved before the initiative is completed by hand. */
export function completionBlockers(
  milestones: readonly { title: string; state: MilestoneState }[],
): string[] {
  return milestones
    .filter((milestone) => milestone.state !== 'approved')
    .map((milestone) => `milestone "${milestone.title}" is ${words(milestone.state)}`);
}

/**
 * Index of the milestone that activating starts: the first, when none has started yet (all
 * planned, never started); null when work is already under way.
 */
export function milestoneToStartOnActivation(
  milestones: readonly { state: MilestoneState; startedAt: Date | null }[],
): number | null {
  if (milestones.length === 0) return null;
  const noneStarted = milestones.every(
    (milestone) => milestone.state === 'planned' && milestone.startedAt === null,
  );
  return noneStarted ? 0 : null;
}

/** The message of a move whose prerequisites are missing. */
export function blockedDetail(to: InitiativeStatus, blockers: readonly string[]): string {
  const verb: Record<InitiativeStatus, string> = {
    draft: 'sent back to draft',
    proposed: 'proposed',
    active: 'activated',
    on_hold: 'put on hold',
    completed: 'completed',
    stopped: 'stopped',
  };
  return `The initiative cannot be ${verb[to]} yet: ${blockers.join('; ')}.`;
}

/** Throws `initiative_transition_blocked` naming every missing prerequisite, if any. */
export function assertTransitionUnblocked(to: InitiativeStatus, blockers: readonly string[]): void {
  if (blockers.length > 0) {
    throw new DomainError('initiative_transition_blocked', blockedDetail(to, blockers));
  }
}
