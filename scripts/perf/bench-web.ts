/**
 * `npm run bench:web -- [--runs 3] [--initiatives 10000] [--database-url URL]
 *   [--database waypoint_bench] [--reseed] [--no-doc]`
 *
 * Two figures of the web's first screen, in headless Chromium against the built app (dist/) on the
 * bench database:
 *
 * - **The JavaScript of a first visit to the sign-in page**: a fresh browser context (empty cache,
 *   no session) opens /sign-in and waits until the network is idle; every JavaScript response it
 *   loaded until then is listed, not only what index.html names (the lazy chunks of the route,
 *   its guards and providers too). Each file is counted raw (decoded bytes) and brotli-compressed
 *   at the level of the server's precompressed assets
 *   (`api/src/app/web-host/precompressed-assets.ts`: brotli quality 11), plus what the server
 *   actually sent for this browser's Accept-Encoding.
 * - **The largest contentful paint of /portfolio**, signed in as an executive: one warm-up visit
 *   (the first visit after start waits for cold answers), then `--runs` visits in fresh contexts;
 *   the median is the figure. Each visit also says when the tension chart was drawn and which
 *   element was the largest contentful paint.
 */
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { type Browser, chromium, type Response } from 'playwright-core';
import { CliArgs, fail } from './cli-args';
import { machine, median, writeSection } from './bench-report';
import { ensureDataset } from './bench-dataset';
import { ensureBuilt, ROOT, signIn, startApp } from './bench-servers';
import { SEED_PASSWORD } from './seed-plan';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The issue's goals (#18). */
const GOAL_LCP_MS = 1200;
const GOAL_RAW_BYTES = 400_000;
const GOAL_BROTLI_BYTES = 110_000;

export interface ScriptFile {
  /** Path of the URL, e.g. `/chunk-ABC.js`. */
  path: string;
  raw: number;
  /** Brotli at quality 11, the level of the server's precompressed assets. */
  brotli: number;
  /** What went over the wire for this browser: bytes and Content-Encoding ('' = none). */
  sent: number;
  encoding: string;
}

export interface Visit {
  lcp: number;
  chart: number;
  element: string;
}

/** Brotli size at the level the server precompresses its assets with (quality 11). */
export function brotliSize(body: Buffer): number {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }).length;
}

function isScript(response: Response): boolean {
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  return type === 'script' || /javascript/.test(contentType);
}

/** Every JavaScript file a first visit to /sign-in loads until the network is idle. */
async function signInScripts(browser: Browser, base: string): Promise<ScriptFile[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const pending: Array<Promise<ScriptFile | null>> = [];
  try {
    const page = await context.newPage();
    page.on('response', (response) => {
      if (!isScript(response)) return;
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return {
            path: new URL(response.url()).pathname,
            raw: body.length,
            brotli: brotliSize(body),
            sent: sizes.responseBodySize,
            encoding: response.headers()['content-encoding'] ?? '',
          };
        })().catch(() => null),
      );
    });
    await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The page is drawn; anything still to come (a prefetch, a late chunk) is counted as well.
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(pending)).filter((f): f is ScriptFile => f !== null);
    return files.sort((a, b) => b.raw - a.raw);
  } finally {
    await context.close();
  }
}

/** One visit of /portfolio in a fresh context (empty cache), signed in. */
async function portfolioVisit(browser: Browser, base: string, cookie: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: { time: number; element: string } };
      w.__lcp = { time: 0, element: '' };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const lcp = entry as PerformanceEntry & { element?: Element | null };
          const el = lcp.element;
          const text = (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          w.__lcp = {
            time: entry.startTime,
            element: el
              ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${text}"`
              : '?',
          };
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`${base}/portfolio`);
    await page.locator('.chart__canvas--tension svg').first().waitFor({ timeout: 120_000 });
    const chart = await page.evaluate(() => performance.now());
    // LCP entries stop at the first input; none comes, so a moment lets the last one arrive.
    await page.waitForTimeout(500);
    const lcp = await page.evaluate(
      () => (window as unknown as { __lcp: { time: number; element: string } }).__lcp,
    );
    return { lcp: lcp.time, chart, element: lcp.element };
  } finally {
    await context.close();
  }
}

const cell = (text: string): string => text.replace(/\|/g, '/');
const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
const met = (ok: boolean): string => (ok ? 'met' : 'not met');

async function main(): Promise<void> {
  const args = new CliArgs(process.argv.slice(2));
  const runs = args.positiveInt('runs', 3);
  const adminUrl =
    args.text('database-url') ??
    process.env['DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  ensureBuilt(['api', 'web']);
  const { url, fixtures } = await ensureDataset({
    adminUrl,
    databaseName: args.text('database') ?? 'waypoint_bench',
    initiatives: args.positiveInt('initiatives', 10_000),
    reseed: args.flag('reseed'),
  });
  const app = await startApp(url, 10);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
  });
  let scripts: ScriptFile[] = [];
  let warmUp: Visit | undefined;
  const visits: Visit[] = [];
  try {
    const cookie = await signIn(app.base, fixtures.readerEmail, SEED_PASSWORD);
    warmUp = await portfolioVisit(browser, app.base, cookie);
    process.stderr.write(`warm-up: LCP ${warmUp.lcp.toFixed(0)} ms\n`);
    for (let run = 1; run <= runs; run++) {
      const visit = await portfolioVisit(browser, app.base, cookie);
      visits.push(visit);
      process.stderr.write(
        `run ${run}: LCP ${visit.lcp.toFixed(0)} ms (${visit.element}), chart drawn at ${visit.chart.toFixed(0)} ms\n`,
      );
    }
    // Last, so that the server has its assets precompressed (as it has soon after it starts).
    scripts = await signInScripts(browser, app.base);
  } finally {
    await browser.close();
    await app.stop();
  }
  const client = await import('pg').then((pg) => new pg.Client({ connectionString: url }));
  await client.connect();
  const version =
    (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
      ?.v ?? '?';
  await client.end();

  const raw = scripts.reduce((sum, f) => sum + f.raw, 0);
  const brotli = scripts.reduce((sum, f) => sum + f.brotli, 0);
  const sent = scripts.reduce((sum, f) => sum + f.sent, 0);
  const lcpMedian = median(visits.map((v) => v.lcp));
  const encodings = [...new Set(scripts.map((f) => f.encoding || 'none'))].join(', ');
  const lines = [
    `Run: \`npm run bench:web -- ${process.argv.slice(2).join(' ')}\` on ${new Date().toISOString()}, ${fixtures.counts.initiatives} initiatives, ${fixtures.counts.readings} readings; headless Chromium 1366x900, the built app (dist/).`,
    ...machine(version).map((line) => `${line}.`),
    '',
    `**JavaScript of a first visit to the sign-in page** (fresh context, /sign-in, until the network is idle): ${scripts.length} files, ${kb(raw)} raw (goal <= ${kb(GOAL_RAW_BYTES)}: ${met(raw <= GOAL_RAW_BYTES)}), ${kb(brotli)} brotli (goal <= ${kb(GOAL_BROTLI_BYTES)}: ${met(brotli <= GOAL_BROTLI_BYTES)}). Brotli at quality 11, as the server precompresses its assets. Sent to this Chromium over http: ${kb(sent)} (${encodings}).`,
    '',
    '| File | Raw | Brotli | Sent (encoding) |',
    '|---|--:|--:|--:|',
    ...scripts.map(
      (f) =>
        `| ${f.path} | ${kb(f.raw)} | ${kb(f.brotli)} | ${kb(f.sent)} (${f.encoding || 'none'}) |`,
    ),
    `| **Total** | **${kb(raw)}** | **${kb(brotli)}** | **${kb(sent)}** |`,
    '',
    `**Largest contentful paint of /portfolio** (signed in as an executive, a fresh context each visit, after one warm-up visit): median of ${visits.length} **${lcpMedian.toFixed(0)} ms** (goal < ${GOAL_LCP_MS} ms: ${met(lcpMedian < GOAL_LCP_MS)}).`,
    '',
    '| Visit | Largest contentful paint | Element | Tension chart drawn |',
    '|---|--:|---|--:|',
    ...(warmUp
      ? [
          `| warm-up (not counted) | ${warmUp.lcp.toFixed(0)} ms | ${cell(warmUp.element)} | ${warmUp.chart.toFixed(0)} ms |`,
        ]
      : []),
    ...visits.map(
      (v, i) =>
        `| ${i + 1} | ${v.lcp.toFixed(0)} ms | ${cell(v.element)} | ${v.chart.toFixed(0)} ms |`,
    ),
  ].join('\n');
  process.stdout.write(`${lines}\n`);
  if (!args.flag('no-doc')) {
    writeSection(join(ROOT, 'docs', 'performance.md'), lines, 'bench-web');
    process.stdout.write('Written to docs/performance.md\n');
  }
}

if (require.main === module) {
  main().catch((error: unknown) =>
    fail(
      `bench:web failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    ),
  );
}
