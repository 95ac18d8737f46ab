#!/usr/bin/env node
// `node scripts/precompress-web.mjs <dir>`: the last step of `nx build web`. Writes <file>.br
// (brotli at its highest quality) and <file>.gz (gzip level 9) beside each script and stylesheet
// of the built app worth compressing (1 KiB or more). The API serves these to browsers that
// accept them (api/src/app/web-host/precompressed-assets.ts) and compresses at start-up, in a
// worker thread, only the files that have none. Compressing here, once per build, keeps brotli's
// scratch memory (tens of MB a file) out of the server.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const EXTENSIONS = new Set(['.js', '.mjs', '.css']);
const MIN_BYTES = 1024;

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/precompress-web.mjs <dir>\n');
  process.exit(2);
}
let files = 0;
let raw = 0;
let br = 0;
for (const name of readdirSync(dir)) {
  if (!EXTENSIONS.has(extname(name))) continue;
  const path = join(dir, name);
  const bytes = readFileSync(path);
  if (bytes.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
  files += 1;
  raw += bytes.length;
  br += brotli.length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
process.stdout.write(`precompressed ${files} files in ${dir}: ${kb(raw)} -> ${kb(br)} brotli\n`);
