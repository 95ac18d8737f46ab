import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Files smaller than this are not worth compressing (and @fastify/compress skips them too). The
 * build step (scripts/precompress-web.mjs) uses the same threshold.
 */
const MIN_BYTES = 1024;

interface Variants {
  type: string;
  br: Buffer;
  gzip: Buffer;
}

export interface PickedAsset {
  encoding: 'br' | 'gzip';
  type: string;
  body: Buffer;
}

/** The codings an Accept-Encoding header allows (q > 0), lower-cased. */
export function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name !== '' && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Compresses the named files of a folder, one at a time, and posts each one's variants. It is a
 * string (the API ships as one bundle) run by a worker thread of its own.
 */
const COMPRESS_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, constants, gzipSync } = require('node:zlib');
for (const name of workerData.names) {
  const raw = readFileSync(join(workerData.dir, name));
  if (raw.length < workerData.minBytes) continue;
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  parentPort.postMessage({ name, br, gzip });
}
`;

/** A file's variants as the worker posts them (Buffers arrive as Uint8Arrays). */
interface Compressed {
  name: string;
  br: Uint8Array;
  gzip: Uint8Array;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * What `prepare` found: the files the build compressed (ready when it returns) and those it
 * compresses here, in the background (ready when `compressed` resolves).
 */
export interface Prepared {
  prebuilt: number;
  compressing: number;
  compressed: Promise<void>;
}

/**
 * The built app's hashed assets, compressed at the highest brotli and gzip levels instead of on
 * every request at the fast level @fastify/compress uses (the initial JavaScript is ~116 kB with
 * brotli 11 against ~136 kB with brotli 4, and costs no CPU per page load).
 *
 * The web build writes them beside each file (`<file>.br`, `<file>.gz`, by
 * scripts/precompress-web.mjs) and they are read from there. Only a file without them (an app
 * built some other way) is compressed here, in the background, one at a time; until it is ready
 * it is served as before.
 * That runs in a worker thread that ends when done, not in zlib's thread pool: brotli's highest
 * level takes tens of MB of scratch memory per file, and each pool thread kept its share in its
 * malloc arena for the life of the process (resident memory +30 MB at rest with the built app,
 * against about +10 MB for one thread). Even the worker overlapped the first requests and added
 * ~13 MB to the process's peak under load, which is why the build does it.
 */
export class PrecompressedAssets {
  private readonly ready = new Map<string, Variants>();

  constructor(
    private readonly dir: string,
    private readonly pattern: RegExp,
  ) {}

  get size(): number {
    return this.ready.size;
  }

  async prepare(): Promise<Prepared> {
    const all = await readdir(this.dir);
    const present = new Set(all);
    const names = all.filter(
      (name) => this.pattern.test(name) && CONTENT_TYPES[extname(name)] !== undefined,
    );
    const missing: string[] = [];
    let prebuilt = 0;
    for (const name of names) {
      if (present.has(`${name}.br`) && present.has(`${name}.gz`)) {
        const [br, gzip] = await Promise.all([
          readFile(join(this.dir, `${name}.br`)),
          readFile(join(this.dir, `${name}.gz`)),
        ]);
        this.add(name, br, gzip);
        prebuilt += 1;
      } else if ((await stat(join(this.dir, name))).size >= MIN_BYTES) {
        missing.push(name);
      }
    }
    const compressed = missing.length > 0 ? this.compress(missing) : Promise.resolve();
    return { prebuilt, compressing: missing.length, compressed };
  }

  private add(name: string, br: Buffer, gzip: Buffer): void {
    const type = CONTENT_TYPES[extname(name)];
    if (type) this.ready.set(`/${name}`, { type, br, gzip });
  }

  private compress(names: readonly string[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(COMPRESS_SOURCE, {
        eval: true,
        workerData: { dir: this.dir, names, minBytes: MIN_BYTES },
      });
      worker.on('message', ({ name, br, gzip }: Compressed) => {
        this.add(name, asBuffer(br), asBuffer(gzip));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`the compression worker stopped (exit code ${code})`));
      });
      // Compressing must not keep a stopping process (or a test run) alive. After the listeners:
      // adding a 'message' listener refs the worker's port again.
      worker.unref();
    });
  }

  /** The precompressed bytes to send for this path, or null (not ready, not accepted, unknown). */
  pick(path: string, acceptEncoding: string | undefined): PickedAsset | null {
    const variants = this.ready.get(path);
    if (!variants) return null;
    const accepted = acceptedCodings(acceptEncoding);
    if (accepted.has('br')) return { encoding: 'br', type: variants.type, body: variants.br };
    if (accepted.has('gzip')) return { encoding: 'gzip', type: variants.type, body: variants.gzip };
    return null;
  }
}
