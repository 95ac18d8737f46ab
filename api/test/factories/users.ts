import { randomBytes } from 'node:crypto';
import type { Role } from '@waypoint/contracts';
import { hash, argon2id } from 'argon2';
import type { Pool } from 'pg';

export const TEST_PASSWORD = 'correct-horse-battery-staple-42';

let passwordHash: Promise<string> | null = null;
function testPasswordHash(): Promise<string> {
  passwordHash ??= hash(TEST_PASSWORD, { type: argon2id, memoryCost: 4096, timeCost: 2 });
  return passwordHash;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  departmentId: string;
  password: string;
}

export async function createDepartment(
  sql: Pool,
  name = `Dept ${randomBytes(3).toString('hex')}`,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return rows.rows[0]?.id ?? '';
}

/** A user with the test password, straight into the database. */
export async function createUser(
  sql: Pool,
  overrides: Partial<Omit<TestUser, 'id' | 'password'>> & {
    active?: boolean;
    displayName?: string;
  } = {},
): Promise<TestUser> {
  const role = overrides.role ?? 'member';
  const email = overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const departmentId = overrides.departmentId ?? (await createDepartment(sql));
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO users (email, display_name, role, department_id, password_hash, active)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      email,
      overrides.displayName ?? `Test ${role}`,
      role,
      departmentId,
      await testPasswordHash(),
      overrides.active ?? true,
    ],
  );
  return { id: rows.rows[0]?.id ?? '', email, role, departmentId, password: TEST_PASSWORD };
}
