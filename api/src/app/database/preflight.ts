import { Client } from 'pg';
import { StartupError } from '../config';

/**
 * Connects once before the application starts, so that an unreachable or misconfigured
 * database stops start-up with one line that says what to fix.
 */
export async function preflightDatabase(url: string, display: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(explainConnectionError(error, display));
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function explainConnectionError(error: unknown, display: string): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the database host of ${display}: check the host name in DATABASE_URL`;
    case 'ECONNREFUSED':
      return `nothing answers at ${display}: check DATABASE_URL and that PostgreSQL is running`;
    case 'ETIMEDOUT':
      return `PostgreSQL at ${display} did not answer in time: check DATABASE_URL and the network`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login for ${display}: check the user and password in DATABASE_URL`;
    case '3D000':
      return `the database of ${display} does not exist: create it (createdb) or fix DATABASE_URL`;
    default: {
      const first = (e.message ?? String(error)).split('\n')[0];
      return /timeout/i.test(first ?? '')
        ? `PostgreSQL at ${display} did not answer within 5 s: check DATABASE_URL and the network`
        : `cannot connect to ${display} (${first}): check DATABASE_URL`;
    }
  }
}
