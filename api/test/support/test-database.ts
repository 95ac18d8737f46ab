import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of its own for one test file on the DATABASE_URL server; drop() removes it. */
export interface ServerTestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createServerTestDatabase(
  serverUrl: string,
  prefix = 'wp_test',
): Promise<ServerTestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
