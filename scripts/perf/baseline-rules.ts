/**
 * The app's rules the baseline server needs to answer as the app does, taken from where the app
 * takes them (the permission table, libs/domain, the contracts), handed to
 * scripts/perf/baseline-server.mjs as BASELINE_RULES (it is plain JavaScript and cannot import
 * TypeScript). One source: a change of a rule changes both servers.
 */
import { TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { INITIATIVE_TRANSITIONS, SPONSOR_ROLES } from '@waypoint/domain';
import { permissionRule, RELATION_ROLES } from '../../api/src/app/auth/permissions';

export function baselineRules(): string {
  return JSON.stringify({
    permissions: {
      'initiatives.read': permissionRule('initiatives.read'),
      'readings.record': permissionRule('readings.record'),
    },
    relationRoles: RELATION_ROLES,
    sponsorRoles: SPONSOR_ROLES,
    nextStatuses: INITIATIVE_TRANSITIONS,
    templateIds: TEMPLATE_ID_VALUES,
  });
}
