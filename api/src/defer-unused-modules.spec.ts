import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs `body` in a new Node process (its own module cache) after loading the stand-ins, and
 * returns what it prints as JSON.
 */
function inFreshProcess(body: string): Record<string, unknown> {
  const script = `
    require(${JSON.stringify(join(__dirname, 'defer-unused-modules.ts'))});
    // A module of the given path part is loaded, not just its stand-in (a Proxy).
    const loaded = (part) => Object.entries(require.cache).some(
      ([file, module]) => file.includes(part) && !require('node:util').types.isProxy(module.exports),
    );
    (async () => { ${body} })().then(
      (answer) => process.stdout.write(JSON.stringify(answer)),
      (error) => { console.error(error); process.exit(1); },
    );`;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'api', 'tsconfig.app.json') },
    encoding: 'utf8',
  });
  return JSON.parse(output) as Record<string, unknown>;
}

// Each test starts a process that compiles TypeScript and loads TypeORM.
jest.setTimeout(60_000);

describe('the stand-ins for unused modules', () => {
  it('creates the postgres driver without loading any other, and finds no class for no pattern', async () => {
    const answer = inFreshProcess(`
      const { DataSource } = require('typeorm');
      const dataSource = new DataSource({ type: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
      const { importClassesFromDirectories } = require('typeorm/util/DirectoryExportedClassesLoader');
      require('class-validator');
      const compressPlugin = require('@fastify/compress');
      // Before an answer is compressed: peek-stream wraps each compressed answer, so that loads them.
      const streams = ['/peek-stream/', '/pumpify/', '/duplexify/'].filter(loaded);
      const app = require('fastify')();
      await app.register(compressPlugin);
      app.get('/', (_request, reply) => reply.header('content-type', 'application/json').send('[' + '1,'.repeat(2000) + '1]'));
      const compressed = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
      const { ApiProperty } = require('@nestjs/swagger');
      class Dto {}
      ApiProperty({ description: 'a field', required: false })(Dto.prototype, 'field');
      const _ = require(require('node:module').createRequire(require.resolve('@nestjs/swagger')).resolve('lodash'));
      require('pg');
      return {
        fetch: process.moduleLoadList.filter((name) => name.includes('undici')),
        compressed: [compressed.headers['content-encoding'], JSON.parse(require('node:zlib').gunzipSync(compressed.rawPayload)).length],
        response: typeof Object.getOwnPropertyDescriptor(globalThis, 'Response').get,
        lodash: loaded('/lodash/lodash.js'),
        lodashFunctions: [_.omit({ a: 1, b: 2 }, 'a'), _.mapValues({ a: 1 }, (v) => v + 1), _.isUndefined(undefined)],
        driver: dataSource.driver.constructor.name,
        otherDrivers: ['/mysql/', '/sqlserver/SqlServerDriver', '/oracle/', '/sqlite/', '/sap/', '/spanner/', '/cockroachdb/', '/mongodb/MongoDriver']
          .filter((part) => loaded('typeorm/driver' + part)),
        classes: await importClassesFromDirectories(dataSource.logger, []),
        glob: loaded('/glob/'),
        libphonenumber: loaded('libphonenumber-js'),
        streams,
        others: ['validator/index', 'validator/lib/is', '/js-yaml/'].filter(loaded),
      };`);
    expect(answer).toEqual({
      fetch: [],
      compressed: ['gzip', 2001],
      response: 'function',
      lodash: false,
      lodashFunctions: [{ b: 2 }, { a: 2 }, true],
      driver: 'PostgresDriver',
      otherDrivers: [],
      classes: [],
      glob: false,
      libphonenumber: false,
      streams: [],
      others: [],
    });
  });

  it('loads the real module for anything else', async () => {
    const answer = inFreshProcess(`
      const { DataSource } = require('typeorm');
      let mysql;
      try { new DataSource({ type: 'mysql' }); } catch (error) { mysql = error.name; }
      const { importClassesFromDirectories } = require('typeorm/util/DirectoryExportedClassesLoader');
      const classes = await importClassesFromDirectories(
        { log: () => undefined },
        [${JSON.stringify(join(__dirname, 'app', 'database', 'snake-naming.strategy.ts'))}],
      );
      const { isPhoneNumber, isEmail, isStrongPassword } = require('class-validator');
      const checks = [isEmail('someone@example.com'), isEmail('someone'), isStrongPassword('Aa1!aaaa'), isStrongPassword('aaaa')];
      // As @nestjs/swagger's module imports it.
      const yaml = require('tslib').__importStar(
        require(require('node:module').createRequire(require.resolve('@nestjs/swagger')).resolve('js-yaml')),
      ).dump({ openapi: '3.1.0' });
      const _ = require(require('node:module').createRequire(require.resolve('@nestjs/swagger')).resolve('lodash'));
      const chained = _.chain([1, 2]).map((n) => n * 2).value();
      const { Client } = require('pg');
      const response = await new Response('fetch loads on first use').text();
      const { isFetchResponse } = require(require('node:module').createRequire(require.resolve('@fastify/compress')).resolve('./lib/utils'));
      const fetchResponses = [isFetchResponse(new Response('x')), isFetchResponse('x'), isFetchResponse(Buffer.from('x'))];
      const zlib = require('node:zlib');
      const app = require('fastify')();
      await app.register(require('@fastify/compress'), { inflateIfDeflated: true });
      app.get('/', (_request, reply) =>
        reply.header('content-type', 'text/plain').send(zlib.gzipSync('inflated for you')));
      const inflated = await app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } });
      return {
        mysql,
        classes: classes.map((found) => found.name),
        phone: [isPhoneNumber('+41 44 668 18 00'), isPhoneNumber('+41 44')],
        checks,
        yaml,
        inflated: inflated.body,
        chained,
        version: _.VERSION,
        pg: typeof Client,
        response,
        fetchResponses,
        loaded: ['/lodash/lodash.js', '/mysql/MysqlDriver', '/glob/', 'libphonenumber-js', '/peek-stream/', '/pumpify/', 'validator/lib/isEmail', 'validator/index', '/js-yaml/'].filter(loaded),
      };`);
    expect(answer).toEqual({
      // The full factory's MySQL driver, which looks for the mysql package.
      mysql: 'DriverPackageNotInstalledError',
      classes: ['SnakeNamingStrategy'],
      phone: [true, false],
      checks: [true, false, true, false],
      yaml: 'openapi: 3.1.0\n',
      inflated: 'inflated for you',
      chained: [2, 4],
      version: '4.18.1',
      pg: 'function',
      response: 'fetch loads on first use',
      fetchResponses: [true, false, false],
      loaded: [
        '/lodash/lodash.js',
        '/mysql/MysqlDriver',
        '/glob/',
        'libphonenumber-js',
        '/peek-stream/',
        '/pumpify/',
        'validator/lib/isEmail',
        'validator/index',
        '/js-yaml/',
      ],
    });
  });
});
