import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import type { E2eApp } from './app';
import { SCREENSHOTS } from './paths';

let current: E2eApp | null = null;

/** Set by app-per-file.ts for the spec file being run. */
export function setApp(app: E2eApp): void {
  current = app;
}

/** The app of this spec file (started by app-per-file.ts before the file's own hooks). */
export function server(): Pick<E2eApp, 'baseUrl'> {
  if (!current) throw new Error('the app of this spec file has not started');
  return current;
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

/**
 * Waits until the page is at rest as a person would see it: no loading indicator is showing (an
 * indeterminate progress bar, a "Loading…" status), and neither the charts nor the page's width
 * changed for `quietMs`. ngx-charts lays its axes out in a second pass (after measuring the tick
 * labels), so a chart that has appeared may still move; this waits until it has stopped.
 */
export async function pageAtRest(page: Page, quietMs = 300): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const state = window as unknown as { __wpLayout?: { shape: string; since: number } };
      const visible = (el: Element): boolean => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      };
      const loading =
        Array.from(document.querySelectorAll('mat-progress-bar[mode="indeterminate"]')).some(
          visible,
        ) ||
        Array.from(document.querySelectorAll('[role="status"]')).some(
          (el) => visible(el) && /^\s*Loading/.test(el.textContent ?? ''),
        );
      const round = (n: number): number => Math.round(n * 10) / 10;
      const shape = [
        loading ? 'loading' : 'loaded',
        String(document.documentElement.scrollWidth),
        ...Array.from(document.querySelectorAll('svg.ngx-charts')).flatMap((svg) =>
          [svg, ...Array.from(svg.querySelectorAll('g, text, path, circle, rect'))].map((el) => {
            const box = el.getBoundingClientRect();
            return [box.x, box.y, box.width, box.height].map(round).join(',');
          }),
        ),
      ].join(';');
      const now = performance.now();
      if (state.__wpLayout?.shape !== shape) {
        state.__wpLayout = { shape, since: now };
        return false;
      }
      return !loading && now - state.__wpLayout.since >= quiet;
    },
    quietMs,
    { polling: 50 },
  );
}
