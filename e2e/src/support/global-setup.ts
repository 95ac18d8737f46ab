import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTemplate } from './app';
import { chromiumPath } from './chromium';
import { OUTPUT, ROOT, SCREENSHOTS } from './paths';

/** Where global-teardown.ts (same process) finds the clean-up of the run's template. */
export const TEMPLATE_CLEAN_UP = Symbol.for('waypoint.e2e.templateCleanUp');

/**
 * Checks once for the whole browser suite that Chromium and the production build are there,
 * empties test-output/e2e, and loads the demo data once into a template that every spec file's
 * own database is copied from (app-per-file.ts).
 */
export default async function globalSetup(): Promise<void> {
  chromiumPath();
  const main = join(ROOT, 'dist', 'api', 'main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist', 'web', 'browser', 'index.html'))) {
    throw new Error(
      'The production build is missing: run `npx nx run-many -t build -p api web` first.',
    );
  }
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  (globalThis as Record<symbol, unknown>)[TEMPLATE_CLEAN_UP] = await prepareTemplate();
}
