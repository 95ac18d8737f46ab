import { IconName } from './shared/icons';

/** A main place of the app, as shown in the navigation. */
export interface Place {
  /** Route path, without the leading slash. */
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
}

/** The places of the app, in navigation order (see DOMAIN.md, "main places"). */
export const PLACES: readonly Place[] = [
  { path: 'portfolio', label: 'Portfolio', icon: 'portfolio' },
  { path: 'approvals', label: 'Approvals', icon: 'approvals' },
  { path: 'initiatives', label: 'Initiatives', icon: 'initiative' },
  { path: 'my-work', label: 'My work', icon: 'my-work' },
  { path: 'cycles', label: 'Cycles', icon: 'cycles' },
  { path: 'customer-groups', label: 'Customer groups', icon: 'customer-groups' },
  { path: 'kpi-review', label: 'KPI review', icon: 'kpi-review' },
  { path: 'brief', label: 'Brief', icon: 'brief' },
];

export const DEFAULT_PLACE = 'portfolio';
