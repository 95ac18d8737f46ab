/**
 * Ids of records that exist, by resource, so valid requests reach real records. Seeded from
 * the list endpoints, then learnt from every answer (new records join the pool).
 */
import fc from 'fast-check';
import type { Identity, RoleName } from './identities';

const RESOURCES = new Set([
  'users',
  'departments',
  'customer-groups',
  'initiatives',
  'milestones',
  'steps',
  'measures',
  'readings',
  'cycles',
  'comments',
  'notifications',
  'tokens',
  'decisions',
  'conditions',
  // not targets of ids elsewhere: listed so their ids do not land in the parent's pool
  'cycle-reviews',
  'history',
  'value',
]);

/** Resources whose records belong to one user: pooled per role. */
const PERSONAL = new Set(['notifications', 'tokens']);

/** Field or parameter name → resource (teamIds → users, customerGroupId → customer-groups). */
function resourceForField(field: string): string | null {
  const name = field.replace(/Ids?$/, '').replace(/s$/, '');
  if (RESOURCES.has(field)) return field;
  if (['team', 'sponsor', 'owner', 'actor', 'assignee', 'member', 'user'].includes(name)) {
    return 'users';
  }
  if (name === 'customerGroup' || name === 'customer-group') return 'customer-groups';
  if (name === 'cycle') return 'cycles';
  if (RESOURCES.has(`${name}s`)) return `${name}s`;
  if (name === 'entity' || name === 'target') return '*';
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PER_RESOURCE = 300;

export class IdPool {
  private readonly ids = new Map<string, Set<string>>();

  /** ids: the fuzzer's own users and tokens, which it must not deactivate or revoke. */
  constructor(private readonly protectedIds: Set<string>) {}

  add(resource: string, id: unknown, role?: RoleName): void {
    if (typeof id !== 'string' || !UUID.test(id) || this.protectedIds.has(id)) return;
    const key = PERSONAL.has(resource) ? `${resource}:${role ?? ''}` : resource;
    const set = this.ids.get(key) ?? new Set<string>();
    if (set.size < MAX_PER_RESOURCE) set.add(id);
    this.ids.set(key, set);
  }

  /** An arbitrary over existing ids of the resource a field or path segment names, or null. */
  arbitraryFor(fieldOrResource: string, role?: RoleName): fc.Arbitrary<string> | null {
    const resource = resourceForField(fieldOrResource);
    if (!resource) return null;
    let ids: string[];
    if (resource === '*') {
      ids = [...this.ids.values()].flatMap((s) => [...s]).slice(0, 500);
    } else {
      const key = PERSONAL.has(resource) ? `${resource}:${role ?? ''}` : resource;
      ids = [...(this.ids.get(key) ?? [])];
    }
    if (ids.length === 0) return null;
    // Mostly existing records; sometimes an unknown one.
    return fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    );
  }

  /** Learns ids from an answer of the operation at `path` (items of a page, or one record). */
  learn(path: string, role: RoleName, text: string, contentType: string | null): void {
    if (!contentType?.startsWith('application/json') || !text) return;
    const segments = path.split('/').filter((s) => !s.startsWith('{'));
    const resource = [...segments].reverse().find((s) => RESOURCES.has(s));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    this.walk(body, resource ?? null, role, 0);
  }

  private walk(value: unknown, resource: string | null, role: RoleName, depth: number): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) this.walk(item, resource, role, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (resource && 'id' in record) this.add(resource, record['id'], role);
    for (const [key, child] of Object.entries(record)) {
      if (key === 'items') this.walk(child, resource, role, depth + 1);
      else if (RESOURCES.has(key)) this.walk(child, key, role, depth + 1);
    }
  }
}

async function get(baseUrl: string, path: string, identity: Identity): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { headers: identity.headers });
  const text = await res.text();
  return res.status === 200 ? (JSON.parse(text) as unknown) : null;
}

const itemsOf = (page: unknown): { id: string }[] =>
  ((page as { items?: { id: string }[] } | null)?.items ?? []).filter((i) => UUID.test(i.id));

/** Seeds the pool from the list endpoints (as admin, and per role for personal records). */
export async function collectIds(
  baseUrl: string,
  identities: Record<RoleName, Identity>,
): Promise<IdPool> {
  const protectedIds = new Set(
    Object.values(identities).flatMap((i) => [i.userId, i.tokenId].filter((x) => x !== null)),
  );
  const pool = new IdPool(protectedIds);
  const admin = identities.admin;
  const seed = async (path: string, identity = admin): Promise<unknown> => {
    const body = await get(baseUrl, path, identity);
    pool.learn(path.split('?')[0] ?? path, identity.role, JSON.stringify(body), 'application/json');
    return body;
  };
  for (const list of ['users', 'departments', 'customer-groups', 'cycles']) {
    await seed(`/api/${list}?limit=200`);
  }
  for (const identity of Object.values(identities)) {
    if (identity.userId) await seed('/api/notifications?limit=200', identity);
  }
  const initiatives = itemsOf(await seed('/api/initiatives?limit=200'));
  for (const { id } of initiatives) {
    await seed(`/api/initiatives/${id}/comments?limit=200`);
    const measures = itemsOf(await seed(`/api/initiatives/${id}/measures?limit=200`));
    for (const m of measures.slice(0, 5)) await seed(`/api/measures/${m.id}/readings?limit=50`);
    const milestones = itemsOf(await seed(`/api/initiatives/${id}/milestones?limit=200`));
    for (const m of milestones) {
      await seed(`/api/milestones/${m.id}`);
      await seed(`/api/milestones/${m.id}/steps?limit=200`);
      await seed(`/api/milestones/${m.id}/decisions?limit=200`);
    }
  }
  return pool;
}
