import { readdirSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';

/*
 * Keeps modules of TypeORM, class-validator, @fastify/compress and lodash that this app does not
 * use, and Node's fetch, out of the heap (~7 MB), until something uses them. V8 keeps every
 * loaded module (its source, functions and top-level objects) for the life of the process, and it
 * sizes the old generation by the live heap, so each MB kept at rest costs about four at peak
 * (docs/performance.md, "The API's memory").
 *
 * How: before the owner loads a module, a stand-in goes into Node's module cache under the
 * module's file (documented: "Adding or replacing entries is also possible"), so `require` hands
 * out the stand-in without reading the file. Each stand-in answers the cases this app meets
 * itself and loads the real module the first time it is asked anything else, so no behaviour
 * changes. Each request must resolve to the file its owner requires (node_modules holds one copy
 * of each; @fastify/compress's are resolved from its folder), and what the stand-ins rely on
 * holds for the pinned versions (typeorm 0.3.31, class-validator 0.14.4, @fastify/compress
 * 8.3.1, @nestjs/swagger 11.4.7 with lodash 4.18.1, pg 8.23.1); defer-unused-modules.spec.ts
 * checks both ways.
 *
 * Imported first by main.ts and cli.ts: a stand-in for a module already loaded would change
 * nothing, so that mistake throws.
 */

const load = createRequire(__filename);

/** Caches the stand-in `make` builds for `request`; its argument loads the real module. */
function standIn(
  request: string,
  make: (real: () => Record<string, unknown>) => Record<string, unknown>,
  from: NodeJS.Require = load,
): void {
  const filename = from.resolve(request);
  if (load.cache[filename]) {
    throw new Error(`${request} was loaded before defer-unused-modules: import that first`);
  }
  let realExports: Record<string, unknown> | undefined;
  const real = (): Record<string, unknown> => {
    if (!realExports) {
      delete load.cache[filename];
      realExports = from(request) as Record<string, unknown>;
    }
    return realExports;
  };
  const module = new Module(filename);
  module.filename = filename;
  module.loaded = true;
  module.exports = make(real);
  load.cache[filename] = module;
}

// TypeORM's DriverFactory requires all 17 drivers it knows (MySQL, SQL Server, Oracle, SAP,
// Spanner, CockroachDB, the SQLites...) when it loads: ~1.6 MB. DataSource, its only user, calls
// `new DriverFactory().create(dataSource)`; this app's type is always 'postgres' (the embedded
// PGlite is reached through `pg` too), whose driver this loads alone.
standIn('typeorm/driver/DriverFactory', (real) => ({
  DriverFactory: class DriverFactory {
    create(dataSource: DataSource): unknown {
      if (dataSource.options.type === 'postgres') {
        const { PostgresDriver } = load('typeorm/driver/postgres/PostgresDriver') as {
          PostgresDriver: new (dataSource: DataSource) => unknown;
        };
        return new PostgresDriver(dataSource);
      }
      const { DriverFactory: Full } = real() as {
        DriverFactory: new () => { create(dataSource: DataSource): unknown };
      };
      return new Full().create(dataSource);
    }
  },
}));

// The loader of entities, migrations and subscribers named by file patterns brings glob and its
// five packages (~1 MB). This app lists classes, so ConnectionMetadataBuilder, its only user,
// asks it about no pattern, which finds no class; any pattern goes to the real loader.
standIn('typeorm/util/DirectoryExportedClassesLoader', (real) => ({
  importClassesFromDirectories: async (...args: [unknown, string[], ...unknown[]]) =>
    args[1].length === 0
      ? []
      : (real()['importClassesFromDirectories'] as (...a: typeof args) => Promise<unknown[]>)(
          ...args,
        ),
  importJsonsFromDirectories: (...args: unknown[]) =>
    (real()['importJsonsFromDirectories'] as (...a: unknown[]) => unknown[])(...args),
}));

/**
 * A stand-in whose every property read (and call, for a function) goes to the real module. An
 * `esModule` one says it is an ES module without loading it, so that TypeScript's and Babel's
 * import helpers hand it out as it is and read the export when it is used.
 */
function forwarding(
  real: () => unknown,
  kind: 'object' | 'function',
  esModule = false,
): Record<string, unknown> {
  const target = kind === 'function' ? (): void => undefined : {};
  return new Proxy(target, {
    get: (_target, key) =>
      esModule && key === '__esModule' ? true : Reflect.get(real() as object, key),
    apply: (_target, thisArg, args) => Reflect.apply(real() as () => unknown, thisArg, args),
  }) as Record<string, unknown>;
}

// class-validator loads libphonenumber-js with its largest metadata (~1.6 MB) for @IsPhoneNumber,
// which this app does not use. IsPhoneNumber.js, its only user, reads `parsePhoneNumber` when it
// validates.
standIn('libphonenumber-js/max', (real) => forwarding(real, 'object'));

// @fastify/compress is their only user (~0.5 MB with their streams packages). It calls `peek(...)`
// for every answer it compresses (to pass an already compressed payload through), so peek-stream
// loads with the first compressed answer, not at start-up; `pumpify(...)` only to inflate a
// payload already compressed for a client that cannot take it. From its folder: the copies it
// gets.
const compress = createRequire(load.resolve('@fastify/compress'));
standIn('peek-stream', (real) => forwarding(real, 'function'), compress);
standIn('pumpify', (real) => forwarding(real, 'function'), compress);

// class-validator loads all of validator.js (~1 MB): each decorator's module requires its check,
// and IsStrongPassword.js the whole library. Its modules read a check's `default` (or call it)
// only when they validate, through the import helpers, which take an ES module as it is; the
// checks' own modules import each other the same way. So the library and each of its `is*`
// checks load when first used: the dozen this app's DTOs use, on their first validation.
const classValidator = createRequire(load.resolve('class-validator'));
const checks = dirname(classValidator.resolve('validator/lib/isEmail'));
standIn('validator', (real) => forwarding(real, 'function', true), classValidator);
for (const file of readdirSync(checks).filter((name) => /^is\w+\.js$/.test(name))) {
  standIn(join(checks, file), (real) => forwarding(real, 'function', true));
}

// @nestjs/swagger's module imports js-yaml (~0.5 MB) with __importStar to write the YAML
// document, which openapi.ts does not serve (raw: ['json']).
standIn(
  'js-yaml',
  (real) => forwarding(real, 'object', true),
  createRequire(load.resolve('@nestjs/swagger')),
);

// @nestjs/swagger's modules call 30 of lodash's functions (omit, mapValues, pickBy...), most of
// them while its decorators run at start-up, and hold on to the module: all of lodash.js, 1.1 MB
// of source and what was compiled from it. lodash ships each function as a module of its own too
// (lodash/omit.js: the same version and code), which loads only what that function needs. So
// those 30, read from the stand-in, are their own modules', and anything else loads lodash.js:
// the chaining functions (`_.chain`, `_.tap`...) and `_.mixin` or `_.iteratee` behave otherwise
// in the single-function modules, and none of them is in the list.
const SWAGGER_LODASH = new Set([
  'assign',
  'clone',
  'cloneDeep',
  'compact',
  'find',
  'flatMap',
  'flatten',
  'get',
  'groupBy',
  'head',
  'identity',
  'isArray',
  'isEmpty',
  'isEqual',
  'isFunction',
  'isNil',
  'isString',
  'isUndefined',
  'keyBy',
  'map',
  'mapValues',
  'merge',
  'negate',
  'omit',
  'omitBy',
  'pick',
  'pickBy',
  'some',
  'unionWith',
  'uniq',
]);
const swagger = createRequire(load.resolve('@nestjs/swagger'));
const lodashFunctions = createRequire(swagger.resolve('lodash'));
standIn(
  'lodash',
  (real) =>
    new Proxy((): void => undefined, {
      get: (_target, key) =>
        typeof key === 'string' && SWAGGER_LODASH.has(key)
          ? lodashFunctions(`./${key}.js`)
          : Reflect.get(real() as object, key),
      apply: (_target, thisArg, args) =>
        Reflect.apply(real() as unknown as () => unknown, thisArg, args),
    }) as unknown as Record<string, unknown>,
  swagger,
);

// Node's fetch implementation (undici: 2.2 MB of live heap) loads on the first use of one of its
// globals (`fetch`, `Response`...), and this app calls out only for webhooks and single sign-on.
// Two modules would load it on every start:
//
// - pg (8.23) asks when it loads (lib/stream.js) whether it runs on Cloudflare Workers: with no
//   global `navigator` (Node 20 has none) it builds a `Response`. With `Response` hidden while
//   that module loads, it picks its Node.js sockets, as it would anyway; the global is put back
//   as it was (a lazy getter).
// - @fastify/compress asks `payload instanceof Response` of each answer it may compress. A string
//   or a Buffer (every answer of this app) is never a Response, so its check answers that first.
const pgStream = createRequire(load.resolve('pg')).resolve('./stream.js');
if (load.cache[pgStream]) {
  throw new Error('pg was loaded before defer-unused-modules: import that first');
}
const response = Object.getOwnPropertyDescriptor(globalThis, 'Response');
if (response) {
  Object.defineProperty(globalThis, 'Response', { configurable: true, value: undefined });
  try {
    load(pgStream);
  } finally {
    Object.defineProperty(globalThis, 'Response', response);
  }
}
const compressUtils = compress.resolve('./lib/utils');
if (load.cache[load.resolve('@fastify/compress')]) {
  throw new Error('@fastify/compress was loaded before defer-unused-modules: import that first');
}
const utils = load(compressUtils) as { isFetchResponse: (payload: unknown) => boolean };
const isFetchResponse = utils.isFetchResponse;
utils.isFetchResponse = (payload) =>
  typeof payload !== 'string' && !Buffer.isBuffer(payload) && isFetchResponse(payload);
