import { join } from 'node:path';
import type { Role } from '@waypoint/contracts';
import { declaredEndpoints, type OpenApiLike } from '../../src/app/auth/permissions-doc';
import { PERMISSIONS } from '../../src/app/auth/permissions';
import { operationKey, webClientWrites } from '../support/web-client-calls';
import { useTestApp } from '../support/use-test-app';

const SHARED = join(__dirname, '..', '..', '..', 'web', 'src', 'app', 'shared');

/**
 * The roles of the people who run an initiative: a manager (owner), a team member, a sponsor
 * (an executive). A permission counts when it grants one of these roles, or a relation to the
 * initiative (owner, sponsor, team); admin-only writes are the administration's, out of scope.
 */
const INITIATIVE_ROLES: readonly Role[] = ['manager', 'member', 'executive'];

/** Writes such a person may call that the web deliberately does not make, and why. */
const NOT_IN_THE_WEB: Readonly<Record<string, string>> = {
  'POST /api/auth/logout':
    'the web signs out through POST /api/auth/sso/logout, which ends the session too and names the identity provider’s sign-out; the plain one is for other clients',
  'POST /api/cycles':
    'a cycle of any dates is for scripts and imports; in the app an executive opens the next cycle (POST /api/cycles/next) and renames or re-dates it (PATCH)',
};

describe('every write a manager, owner, team member or sponsor may call is made by the web', () => {
  const t = useTestApp();
  let writes: string[];
  let webCalls: string[];

  beforeAll(async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as OpenApiLike;
    writes = declaredEndpoints(doc)
      .filter((endpoint) => endpoint.method !== 'GET')
      .filter((endpoint) => {
        if (endpoint.isPublic) return true;
        if (endpoint.permission === null) return false;
        const rule = PERMISSIONS[endpoint.permission];
        const relations: readonly string[] = 'relations' in rule ? rule.relations : [];
        return relations.length > 0 || rule.roles.some((r) => INITIATIVE_ROLES.includes(r));
      })
      .map((endpoint) => operationKey(endpoint.method, endpoint.path));
    webCalls = webClientWrites(SHARED);
  });

  it('finds the writes on both sides (the reading of each side works)', () => {
    expect(writes).toEqual(
      expect.arrayContaining(['POST /api/milestones/{}/submit', 'PATCH /api/steps/{}']),
    );
    expect(writes).not.toContain('POST /api/users');
    // A table entry chosen by a union key (MILESTONES_API[action]) yields each member.
    expect(webCalls).toEqual(
      expect.arrayContaining([
        'POST /api/milestones/{}/start',
        'POST /api/milestones/{}/submit',
        'POST /api/milestones/{}/resume',
      ]),
    );
    expect(webCalls.filter((call) => call.includes('<unevaluated'))).toEqual([]);
  });

  it('has a client call for each, or an exception with its reason', () => {
    const missing = writes.filter((key) => !webCalls.includes(key) && !(key in NOT_IN_THE_WEB));
    expect(missing).toEqual([]);
  });

  it('keeps no exception the web has since learned or the API no longer offers', () => {
    const stale = Object.keys(NOT_IN_THE_WEB).filter(
      (key) => webCalls.includes(key) || !writes.includes(key),
    );
    expect(stale).toEqual([]);
  });
});
