import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { SCREENSHOTS, SERVER_FILE, type ServerInfo } from './paths';

export function server(): ServerInfo {
  return JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as ServerInfo;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface Viewport {
  width: number;
  height: number;
}

export const WIDE: Viewport = { width: 1366, height: 900 };
export const PHONE: Viewport = { width: 375, height: 812 };

export async function openContext(
  browser: Browser,
  viewport: Viewport = WIDE,
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server().baseUrl,
    viewport,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
}

/** Saves a full-page screenshot under test-output/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (through the DevTools protocol, so the app's CSP stays on). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: unknown[];
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
