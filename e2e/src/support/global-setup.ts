import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium';
import { OUTPUT, ROOT, SCREENSHOTS } from './paths';

/**
 * Checks once for the whole browser suite that Chromium and the production build are there, and
 * empties test-output/e2e. Each spec file starts an app of its own (app-per-file.ts).
 */
export default function globalSetup(): void {
  chromiumPath();
  const main = join(ROOT, 'dist', 'api', 'main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist', 'web', 'browser', 'index.html'))) {
    throw new Error(
      'The production build is missing: run `npx nx run-many -t build -p api web` first.',
    );
  }
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}
