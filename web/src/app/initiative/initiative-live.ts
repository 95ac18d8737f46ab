import { DestroyRef } from '@angular/core';
import type { LiveEventKind } from '@waypoint/contracts';
import type { LiveUpdatesService } from '../shared/live-updates.service';
import type { InitiativeDetailStore } from './initiative-detail.store';

type Part =
  | 'initiative'
  | 'milestonesPage'
  | 'decisionsByMilestone'
  | 'stepsPage'
  | 'measuresPage'
  | 'value'
  | 'reviewsPage'
  | 'commentsPage'
  | 'historyPage';

/** What to refetch on the initiative page for each kind of change (all tabs). */
export const PARTS_OF: Readonly<Record<LiveEventKind, readonly Part[]>> = {
  initiative: ['initiative', 'historyPage'],
  milestone: ['milestonesPage', 'initiative', 'historyPage'],
  decision: ['milestonesPage', 'decisionsByMilestone', 'initiative', 'historyPage'],
  step: ['stepsPage', 'historyPage'],
  measure: ['measuresPage', 'value', 'historyPage'],
  reading: ['measuresPage', 'value', 'historyPage'],
  review: ['reviewsPage', 'historyPage'],
  comment: ['commentsPage'],
  notification: [],
  alert: ['historyPage'],
  // A promotion is audited on the initiative it created; moments are watched by their own panel.
  idea: ['historyPage'],
  moment: [],
  self_assessment: [],
};
const ALL_PARTS = [...new Set(Object.values(PARTS_OF).flat())];

/**
 * Keeps the initiative page current: changes to this initiative (debounced) refetch the parts
 * they concern; after a reconnect everything is refetched. Values stay on screen while they
 * reload, and form input lives outside the resources, so nothing the user typed is lost.
 */
export function refreshOnLiveChanges(
  store: InitiativeDetailStore,
  live: LiveUpdatesService,
  destroyRef: DestroyRef,
): void {
  const kinds = new Set<LiveEventKind>();
  live.watch(
    (event) => {
      if (event.initiativeId === null || event.initiativeId !== store.id()) return false;
      kinds.add(event.kind);
      return true;
    },
    () => {
      const parts =
        kinds.size === 0 ? ALL_PARTS : [...new Set([...kinds].flatMap((kind) => PARTS_OF[kind]))];
      kinds.clear();
      for (const part of parts) store[part].reload();
    },
    { destroyRef },
  );
}
