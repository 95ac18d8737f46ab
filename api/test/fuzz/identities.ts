/** The fuzzer's callers: anonymous, and one demo account per role through a personal API token. */
export const ROLES = ['anonymous', 'admin', 'executive', 'manager', 'member'] as const;
export type RoleName = (typeof ROLES)[number];

export const DEMO_PASSWORD = 'waypoint-demo-2026';

export const DEMO_EMAILS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  admin: 'admin@waypoint.test',
  executive: 'executive@waypoint.test',
  manager: 'manager@waypoint.test',
  member: 'member@waypoint.test',
};

export interface Identity {
  role: RoleName;
  userId: string | null;
  tokenId: string | null;
  headers: Record<string, string>;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * Signs each demo account in once and creates a personal API token for it: the fuzzer calls
 * with Bearer tokens, so fuzzing login or logout never locks out the callers it needs.
 */
export async function setUpIdentities(baseUrl: string): Promise<Record<RoleName, Identity>> {
  const identities = {
    anonymous: { role: 'anonymous', userId: null, tokenId: null, headers: {} },
  } as Record<RoleName, Identity>;
  for (const [role, email] of Object.entries(DEMO_EMAILS) as [RoleName, string][]) {
    const cookie = await signIn(baseUrl, email);
    const res = await fetch(`${baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl, Cookie: cookie },
      body: JSON.stringify({ name: `contract fuzzer (${role})` }),
    });
    const created = (await res.json()) as { id: string; token: string };
    if (res.status !== 201) throw new Error(`token for ${role}: ${res.status}`);
    const headers = { Authorization: `Bearer ${created.token}` };
    const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers })).json()) as {
      id: string;
    };
    identities[role] = { role, userId: me.id, tokenId: created.id, headers };
  }
  return identities;
}
