import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const OUTPUT = join(ROOT, 'test-output', 'e2e');
export const SCREENSHOTS = join(OUTPUT, 'screenshots');
