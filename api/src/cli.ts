import 'reflect-metadata';
import './defer-unused-modules';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { AppConfig, loadConfig } from './app/config/app-config';
import { StartupError } from './app/config/config-error';
import { openDatabase } from './app/database/open-database';
import { UsersService } from './app/users/users.service';
import { checkValueRows } from './app/value/value-check';
import { DataSource } from 'typeorm';
import { WebHost } from './app/web-host/web-host';

const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const USAGE = `usage: npm run admin:create -- --email <email> [--name "<display name>"] [--department "<name>"] [--url <base url>]

Creates an admin user on the configured database (DATABASE_URL, or the embedded database in
WAYPOINT_DATA_DIR; stop the app first when it uses the embedded database) and prints a one-time
set-password link, valid 24 hours.`;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function createAdmin(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string', default: 'Administration' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || !values.email)
    throw new StartupError(values.help ? USAGE : `--email is required\n${USAGE}`);
  const loaded = loadConfig(
    { LOG_LEVEL: 'warn', ...process.env },
    { cwd: process.cwd(), defaultWebDir: null, version },
  );
  // The command never loads the demo organisation, even on an empty database.
  const config = new AppConfig({ ...loaded, demo: false });
  const database = await openDatabase(config);
  try {
    const context = await NestFactory.createApplicationContext(
      AppModule.register({ config, databaseUrl: database.url, webHost: new WebHost(null) }),
      { logger: ['error', 'warn'], abortOnError: false },
    );
    try {
      const baseUrl = (values.url ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
      const created = await context.get(UsersService).createAdmin(
        {
          email: values.email,
          displayName: values.name ?? values.email.split('@')[0] ?? 'Admin',
        },
        values.department ?? 'Administration',
        baseUrl,
      );
      say(`Created admin ${created.user.email} (${created.user.id}).`);
      say(`Choose a password within 24 hours at: ${created.setPasswordUrl}`);
    } finally {
      await context.close();
    }
  } finally {
    await database.close();
  }
}

const CHECK_USAGE = `usage: npm run value:check

Recomputes every stored value row (cycle standings, indices per cycle and now) from the readings
with libs/domain and compares them with the stored rows, on the configured database
(DATABASE_URL, or the embedded database). Exits 1 listing the differences, 0 when there is none.`;

/** `npm run value:check`: 0 when the stored value picture is what the readings say. */
async function checkValues(argv: string[]): Promise<boolean> {
  if (argv.length > 0) throw new StartupError(CHECK_USAGE);
  const loaded = loadConfig(
    { LOG_LEVEL: 'warn', ...process.env },
    { cwd: process.cwd(), defaultWebDir: null, version },
  );
  const config = new AppConfig({ ...loaded, demo: false });
  const database = await openDatabase(config);
  try {
    const context = await NestFactory.createApplicationContext(
      AppModule.register({ config, databaseUrl: database.url, webHost: new WebHost(null) }),
      { logger: ['error', 'warn'], abortOnError: false },
    );
    try {
      const dataSource = context.get(DataSource);
      const started = Date.now();
      const differences = await checkValueRows(
        (text, params = []) => dataSource.query(text, [...params]) as Promise<unknown[]>,
      );
      for (const line of differences.slice(0, 200)) say(line);
      if (differences.length > 200) say(`... and ${differences.length - 200} more`);
      say(
        `value:check: ${differences.length} difference(s) (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      return differences.length === 0;
    } finally {
      await context.close();
    }
  } finally {
    await database.close();
  }
}

async function run(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'value:check') {
    if (!(await checkValues(rest))) process.exitCode = 1;
    return;
  }
  if (command !== 'admin:create') throw new StartupError(USAGE);
  await createAdmin(rest);
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `waypoint: ${message.split('\n').length > 1 && error instanceof StartupError ? message : message.split('\n')[0]}\n`,
  );
  process.exit(1);
});
