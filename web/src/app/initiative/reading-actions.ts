import type { InitiativeResponse, ReadingResponse, Role } from '@waypoint/contracts';
import { mayCorrectReading, readingWithdrawalProblem, SPONSOR_ROLES } from '@waypoint/domain';

/** Who is looking, as the reading rules need it. */
export interface ReadingViewer {
  id: string;
  role: Role;
}

/** What the viewer may do to one reading of the history. */
export interface ReadingActions {
  correct: boolean;
  withdraw: boolean;
}

/**
 * Correct and withdraw, as the API allows them (docs/permissions.md and libs/domain): a reading
 * that still counts, by its recorder, the owner, the sponsor (while an executive) or an admin;
 * correcting also needs the right to record (owner, team or admin), withdrawing any relation.
 */
export function readingActions(
  reading: Pick<ReadingResponse, 'recordedBy' | 'supersededById' | 'withdrawal'>,
  initiative: Pick<InitiativeResponse, 'owner' | 'sponsor' | 'team'>,
  viewer: ReadingViewer | null,
): ReadingActions {
  if (!viewer) return { correct: false, withdraw: false };
  const isAdmin = viewer.role === 'admin';
  const isOwner = initiative.owner.id === viewer.id;
  const isSponsor = initiative.sponsor?.id === viewer.id && SPONSOR_ROLES.includes(viewer.role);
  const onTeam = initiative.team.some((m) => m.user.id === viewer.id);
  const may =
    mayCorrectReading({
      correctorId: viewer.id,
      recorderId: reading.recordedBy.id,
      isAdmin,
      isOwner,
      isSponsor,
    }) &&
    readingWithdrawalProblem({
      withdrawn: reading.withdrawal !== null,
      supersededById: reading.supersededById,
    }) === null;
  return {
    correct: may && (isAdmin || isOwner || onTeam),
    withdraw: may && (isAdmin || isOwner || isSponsor || onTeam),
  };
}
