import { readFileSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { SERVER_FILE, type ServerInfo } from './paths';

async function waitForExit(pid: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, 'SIGKILL');
}

export default async function globalTeardown(): Promise<void> {
  let info: ServerInfo;
  try {
    info = JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as ServerInfo;
  } catch {
    return;
  }
  try {
    process.kill(info.pid, 'SIGTERM');
    await waitForExit(info.pid, 10_000);
  } catch {
    // already gone
  }
  if (info.dataDir) rmSync(info.dataDir, { recursive: true, force: true });
  const serverUrl = process.env['DATABASE_URL'];
  if (info.database && serverUrl) {
    const name = new URL(info.database).pathname.slice(1);
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
