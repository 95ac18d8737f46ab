import { randomBytes } from 'node:crypto';
import { call, type Session } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** A name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${randomBytes(4).toString('hex')}`;
}

export interface CreatedDepartment {
  id: string;
  name: string;
  version: number;
}

/** A department created through the API (so it is audited), by the given admin. */
export async function postDepartment(
  t: TestApp,
  session: Session,
  name = uniqueName('Dept'),
): Promise<CreatedDepartment> {
  const res = await call(t, session, 'POST', '/api/departments', { name });
  if (res.status !== 201) throw new Error(`create department: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedDepartment;
}

/** A customer group created through the API. */
export async function postCustomerGroup(
  t: TestApp,
  session: Session,
  fields: { name?: string; intent?: string; protected?: boolean } = {},
): Promise<{ id: string; name: string; version: number }> {
  const res = await call(t, session, 'POST', '/api/customer-groups', {
    name: fields.name ?? uniqueName('Group'),
    intent: fields.intent ?? 'grow',
    ...(fields.protected === undefined ? {} : { protected: fields.protected }),
  });
  if (res.status !== 201) throw new Error(`create group: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; name: string; version: number };
}
