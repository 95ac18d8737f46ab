import 'reflect-metadata';
import './defer-unused-modules';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from './app/config/app-config';
import { StartupError } from './app/config/config-error';
import { DrainSwitch } from './app/common/drain';
import { createApp } from './app/create-app';
import { openDatabase } from './app/database/open-database';
import { explainConnectionError } from './app/database/preflight';
import { Logger as NestLogger } from '@nestjs/common';

const SHUTDOWN_LIMIT_MS = 10_000;

/** The repository root is two folders up both from api/src/main.ts and from dist/api/main.js. */
const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, {
    cwd: process.cwd(),
    defaultWebDir: join(__dirname, '..', 'web', 'browser'),
    version,
  });
  const database = await openDatabase(config);

  const drain = new DrainSwitch();
  let app: NestFastifyApplication;
  try {
    app = await createApp(config, database.url, drain);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const logger = new NestLogger('Waypoint');
  logger.log(
    { port, database: database.description },
    `Waypoint ${version} ready on port ${port}; database: ${database.description}`,
  );
  say(
    `Waypoint ${version} is ready at http://localhost:${port} (database: ${database.description})`,
  );

  let stoppingSince = 0;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince > 0) {
      // Ctrl+C reaches both `npm start` (which passes it on) and this process: the same signal
      // twice within a moment is one request. A later one means "now".
      if (Date.now() - stoppingSince < 2000) return;
      say(`${signal} again: exiting now`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    say(`${signal} received: closing the HTTP server, the pool and the database`);
    // New requests get 503 from now on; those in flight finish before the server and the pool
    // close (Nest closes the HTTP server before the TypeORM data source).
    drain.start();
    const force = setTimeout(() => {
      say('shutdown took longer than 10 s: exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    void app
      .close()
      .then(() => database.close())
      .then(() => {
        say('Waypoint stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        say(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function oneLine(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const code = (error as { code?: string }).code;
  if (code && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|28|3D)/.test(code)) {
    return explainConnectionError(error, 'the database');
  }
  if (code === 'EADDRINUSE')
    return 'the port is already in use: stop the other process or set PORT';
  if (code === 'EACCES')
    return 'no permission to listen on that port: choose another PORT (above 1024)';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'unknown error';
}

main().catch((error: unknown) => {
  process.stderr.write(`waypoint: cannot start: ${oneLine(error)}\n`);
  process.exit(1);
});
