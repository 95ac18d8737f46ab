import 'reflect-metadata';
import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '../../src/app/config/app-config';
import { DatabaseModule } from '../../src/app/database/database.module';
import type { TestApp } from './test-app';

/**
 * Some of the application's own parts in a Nest module in this process, on the database of a
 * running test app (which applied the migrations): its DatabaseModule (a pool of `poolSize`),
 * its configuration (silent, no demo) and what `parts` adds. For specs of the unit of work and
 * of repositories that the HTTP API cannot reach at the moment they need.
 */
export async function inProcess(
  t: TestApp,
  poolSize: number,
  parts: Pick<ModuleMetadata, 'imports' | 'providers'>,
): Promise<INestApplicationContext> {
  const url = t.sql.options.connectionString ?? '';
  const kind = t.databaseKind;
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WAYPOINT_DEMO: 'false',
      ...(kind === 'server' ? { DATABASE_URL: url } : {}),
    },
    { cwd: process.cwd(), defaultWebDir: null, version: '0.0.0-test' },
  );
  const module = await Test.createTestingModule({
    imports: [DatabaseModule.forRoot({ url, poolSize, kind }), ...(parts.imports ?? [])],
    providers: [{ provide: AppConfig, useValue: config }, ...(parts.providers ?? [])],
  }).compile();
  return module.init();
}
