/**
 * What the bench's baseline (scripts/perf/baseline-server.mjs) needs to answer as the app does,
 * and how its answers are compared with the app's. Used by `npm run bench` (before loading) and
 * by the spec that keeps the two together (api/test/perf/baseline-same-json.int-spec.ts).
 *
 * The rules come from where the app takes them (the permission table, libs/domain, the
 * contracts) and are handed to the baseline as BASELINE_RULES (it is plain JavaScript and cannot
 * import TypeScript): a change of a rule changes both servers.
 */
import { TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { INITIATIVE_TRANSITIONS, SPONSOR_ROLES } from '@waypoint/domain';
import { permissionRule, RELATION_ROLES } from '../../src/app/auth/permissions';

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

export interface Difference {
  path: string;
  app: unknown;
  baseline: unknown;
}

const show = (value: unknown): string =>
  value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 120);

/**
 * Deep comparison of two parsed JSON answers, key order included; `ignore` names paths whose
 * values differ by nature (a new id, the moment of recording) and are compared by presence only.
 */
export function differences(
  app: unknown,
  baseline: unknown,
  path = '$',
  ignore: readonly RegExp[] = [],
): Difference[] {
  if (ignore.some((re) => re.test(path))) {
    return (app === undefined) === (baseline === undefined) ? [] : [{ path, app, baseline }];
  }
  if (Array.isArray(app) && Array.isArray(baseline)) {
    const out: Difference[] = [];
    if (app.length !== baseline.length)
      out.push({ path: `${path}.length`, app: app.length, baseline: baseline.length });
    for (let i = 0; i < Math.min(app.length, baseline.length); i++)
      out.push(...differences(app[i], baseline[i], `${path}[${i}]`, ignore));
    return out;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(app) && isObject(baseline)) {
    const out: Difference[] = [];
    const a = Object.keys(app);
    const b = Object.keys(baseline);
    if (a.join(',') !== b.join(','))
      out.push({ path: `${path} (keys in order)`, app: a.join(','), baseline: b.join(',') });
    for (const key of a.filter((k) => k in baseline))
      out.push(...differences(app[key], baseline[key], `${path}.${key}`, ignore));
    return out;
  }
  return Object.is(app, baseline) ? [] : [{ path, app, baseline }];
}

export function describeDifference(d: Difference): string {
  return `${d.path}: app ${show(d.app)}, baseline ${show(d.baseline)}`;
}
