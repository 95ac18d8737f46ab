import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const OUTPUT = join(ROOT, 'test-output', 'e2e');
export const SCREENSHOTS = join(OUTPUT, 'screenshots');
export const SERVER_FILE = join(OUTPUT, 'server.json');

export interface ServerInfo {
  baseUrl: string;
  pid: number;
  dataDir: string | null;
  database: string | null;
}
