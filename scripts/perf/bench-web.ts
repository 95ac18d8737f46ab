/**
 * `npm run bench:web -- [--runs 3] [--initiatives 10000] [--database-url URL]
 *   [--database waypoint_bench] [--reseed] [--no-doc]`
 *
 * Opens the portfolio in headless Chromium against the bench database and reports the largest
 * contentful paint (PerformanceObserver) and when the tension chart was drawn, plus the initial
 * JavaScript of dist/web/browser (the scripts and modulepreloads of index.html and every module
 * they import statically: what loads before first render) raw, gzip and brotli.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CliArgs, fail } from './cli-args';
import { machine, writeSection } from './bench-report';
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

interface Sizes {
  /** What index.html names: script tags and modulepreload links. */
  named: string[];
  /** Everything the browser loads before first render: the named files and their static imports. */
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** The scripts and module preloads named by index.html. */
export function namedScripts(html: string): string[] {
  const tags = html.matchAll(/<(?:script|link)\b[^>]*>/g);
  const files: string[] = [];
  for (const [tag] of tags) {
    const isScript = tag.startsWith('<script');
    if (!isScript && !/\srel="modulepreload"/.test(tag)) continue;
    const ref = /\s(?:src|href)="([^"]+\.m?js)"/.exec(tag)?.[1];
    if (ref && !/^(?:https?:)?\/\//.test(ref)) files.push(ref.replace(/^\.?\//, ''));
  }
  return [...new Set(files)];
}

/**
 * The relative modules a built chunk imports statically (`import{a}from"./chunk-X.js"`,
 * `import"./chunk-X.js"`, `export*from"./chunk-X.js"`), not the lazy `import("./chunk-X.js")`.
 */
export function staticImports(code: string): string[] {
  const found = code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[^;"'()]*?from\s*)?["']\.\/([^"']+\.m?js)["']/g,
  );
  return [...new Set([...found].map((m) => m[1] ?? '').filter((f) => f !== ''))];
}

/**
 * The JavaScript the browser loads before first render: the scripts and module preloads of
 * index.html and, transitively, every module they import statically (Angular names at most a few
 * chunks as modulepreload; the rest still load before main runs). Lazy chunks are left out.
 */
export function initialJavaScript(browserDir: string): Sizes {
  const named = namedScripts(readFileSync(join(browserDir, 'index.html'), 'utf8'));
  const files: string[] = [];
  const queue = [...named];
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (files.includes(file)) continue;
    files.push(file);
    const bytes = readFileSync(join(browserDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    queue.push(...staticImports(bytes.toString('utf8')).map((f) => `${dir}${f}`));
  }
  return { named, files, raw, gzip, brotli };
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

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
  const sizes = initialJavaScript(join(ROOT, 'dist', 'web', 'browser'));
  const app = await startApp(url, 10);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
  });
  const measurements: Array<{ lcp: number; chart: number }> = [];
  try {
    const cookie = await signIn(app.base, fixtures.readerEmail, SEED_PASSWORD);
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: app.base }]);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number };
        w.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${app.base}/portfolio`);
      await page.locator('.chart__canvas--tension svg').first().waitFor({ timeout: 120_000 });
      const chart = await page.evaluate(() => performance.now());
      await page.waitForTimeout(500);
      const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
      measurements.push({ lcp, chart });
      process.stderr.write(
        `run ${run}: LCP ${lcp.toFixed(0)} ms, chart drawn at ${chart.toFixed(0)} ms\n`,
      );
      await context.close();
    }
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
  const lines = [
    `Run: \`npm run bench:web -- ${process.argv.slice(2).join(' ')}\` on ${new Date().toISOString()}, ${fixtures.counts.initiatives} initiatives, ${fixtures.counts.readings} readings; headless Chromium 1366x900, signed in as an executive, /portfolio.`,
    ...machine(version).map((line) => `${line}.`),
    '',
    '| Run | Largest contentful paint | Tension chart drawn | Goal (LCP < 1.5 s) |',
    '|---|--:|--:|---|',
    ...measurements.map(
      (m, i) =>
        `| ${i + 1}${i === 0 ? ' (first after start)' : ''} | ${m.lcp.toFixed(0)} ms | ${m.chart.toFixed(0)} ms | ${m.lcp < 1500 ? 'met' : 'not met'} |`,
    ),
    '',
    `Initial JavaScript (${sizes.files.length} files loaded before first render: the ${sizes.named.length} scripts and modulepreload links of index.html and their static imports): ${kb(sizes.raw)} raw (goal <= 450 kB: ${sizes.raw <= 450_000 ? 'met' : 'not met'}), ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli (goal <= 130 kB compressed: ${sizes.gzip <= 130_000 ? 'met' : 'not met'}).`,
  ].join('\n');
  process.stdout.write(`${lines}\n`);
  if (!args.flag('no-doc')) {
    writeSection(join(ROOT, 'docs', 'performance.md'), lines, 'bench-web');
    process.stdout.write('Written to docs/performance.md\n');
  }
}

main().catch((error: unknown) =>
  fail(
    `bench:web failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
);
