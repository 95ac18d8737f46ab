import type { InitiativeStatus } from '@waypoint/contracts';
import { STATUS_LABEL } from '../shared/vocabulary';

export const STATUS_ORDER: readonly InitiativeStatus[] = [
  'draft',
  'proposed',
  'active',
  'on_hold',
  'completed',
  'stopped',
];

/** One non-zero status count: "2 active", with the list it links to. */
export interface StatusPart {
  status: InitiativeStatus;
  text: string;
  link: PortfolioLink;
}

/** The non-zero counts in the usual order, each a link to the initiatives of that status. */
export function statusParts(byStatus: Readonly<Record<InitiativeStatus, number>>): StatusPart[] {
  return STATUS_ORDER.filter((s) => byStatus[s] > 0).map((s) => ({
    status: s,
    text: `${byStatus[s]} ${STATUS_LABEL[s].toLowerCase()}`,
    link: PORTFOLIO_LINKS.status(s),
  }));
}

/** "3 active, 1 proposed": the non-zero counts in the usual order. */
export function statusBreakdown(byStatus: Readonly<Record<InitiativeStatus, number>>): string {
  const parts = statusParts(byStatus).map((p) => p.text);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Where a headline card or a waiting gate leads: a path and its query. */
export interface PortfolioLink {
  path: string;
  queryParams?: Record<string, string>;
}

/**
 * The list behind each figure of the portfolio: the initiatives (all, or of one status), the
 * gates waiting (Approvals, or one gate's page), the open conditions (the conditions page), the
 * stale measures (KPI review, stale only).
 * The tension alerts lead to the alerts panel on the page itself (its `#alerts` anchor).
 */
export const PORTFOLIO_LINKS = {
  initiatives: { path: '/initiatives' } as PortfolioLink,
  status: (status: InitiativeStatus): PortfolioLink => ({
    path: '/initiatives',
    queryParams: { status },
  }),
  approvals: { path: '/approvals' } as PortfolioLink,
  gate: (milestoneId: string): PortfolioLink => ({ path: `/approvals/${milestoneId}` }),
  openConditions: { path: '/conditions' } as PortfolioLink,
  staleMeasures: { path: '/kpi-review', queryParams: { stale: 'true' } } as PortfolioLink,
} as const;

/** The anchor of the alerts panel, the Tension alerts card's target. */
export const ALERTS_ANCHOR = 'alerts';

/** What a card's figure covers: "In 2026-Q3" for the picked cycle, "Now" without one. */
export function cycleScope(cycleName: string | null): string {
  return cycleName ? `In ${cycleName}` : 'Now';
}

/** What a figure that does not depend on the cycle covers. */
export const TODAY_SCOPE = 'As of today';
