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

/**
 * The elements that scroll the page: the document, and the shell's content (the app fills the
 * screen and its main element scrolls the page inside it, so the document itself never does).
 */
const PAGE_SCROLLERS = '.app-main';

/**
 * How many pixels the page scrolls sideways (0: not at all), in the document or the shell's
 * scroller. A table that scrolls inside its own container does not count.
 */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const scrollers = [
      document.documentElement,
      ...Array.from(document.querySelectorAll(selector)),
    ];
    return Math.max(...scrollers.map((el) => el.scrollWidth - el.clientWidth));
  }, PAGE_SCROLLERS);
}

/**
 * The outermost elements that stick out past the right edge of the screen, as `tag.class`
 * (at most five): what makes the page scroll sideways, for a failing test to name.
 */
export async function elementsPastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const past = (el: Element): boolean => el.getBoundingClientRect().right > edge;
    const name = (el: Element): string =>
      [el.tagName.toLowerCase(), ...Array.from(el.classList).slice(0, 2)].join('.');
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => past(el) && !(el.parentElement && past(el.parentElement)))
      .slice(0, 5)
      .map((el) => `${el.parentElement ? name(el.parentElement) + ' > ' : ''}${name(el)}`);
  });
}

/**
 * Saves a screenshot of the whole page (not only the screen) under
 * test-output/e2e/screenshots/<name>.png: for the picture, the shell lets its content grow to its
 * full height (the document then scrolls instead), and is put back afterwards.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const restore = await page.evaluate((selector) => {
    const grown = [
      document.querySelector('wp-root'),
      ...Array.from(document.querySelectorAll(selector)),
    ].filter((el): el is HTMLElement => el instanceof HTMLElement);
    const before = grown.map((el) => el.style.cssText);
    for (const el of grown) {
      el.style.setProperty('height', 'auto', 'important');
      el.style.setProperty('overflow', 'visible', 'important');
    }
    const key = `__wpGrown${Date.now()}`;
    (window as unknown as Record<string, unknown>)[key] = () =>
      grown.forEach((el, i) => (el.style.cssText = before[i] ?? ''));
    return key;
  }, PAGE_SCROLLERS);
  try {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  } finally {
    await page.evaluate((key) => {
      const put = (window as unknown as Record<string, (() => void) | undefined>)[key];
      put?.();
      delete (window as unknown as Record<string, unknown>)[key];
    }, restore);
  }
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
        // The charts that lay out after the page: ngx-charts and the readings chart (its drawing
        // follows a ResizeObserver's width).
        ...Array.from(document.querySelectorAll('svg.ngx-charts, svg.reading-chart__svg')).flatMap(
          (svg) =>
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
