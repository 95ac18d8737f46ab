/**
 * Test server entry: runs the real application in its own process (PGlite and some ESM-only
 * dependencies cannot load inside Jest's module sandbox). Started by startTestApp().
 *
 * Env: TEST_DATABASE_URL (else an in-memory embedded database), TEST_WEB_DIR, TEST_APP_ENV (JSON
 * of configuration variables). Prints one JSON line {baseUrl, databaseUrl} when listening.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/app/config/app-config';
import { createApp } from '../../src/app/create-app';
import { startEmbeddedDatabase } from '../../src/app/database/embedded-database';

async function serve(): Promise<void> {
  const extra = JSON.parse(process.env['TEST_APP_ENV'] ?? '{}') as Record<string, string>;
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WAYPOINT_DEMO: 'false',
      DATABASE_POOL_SIZE: '5',
      // Specs read X-SQL-Statements; a spec that checks it is absent turns this off.
      WAYPOINT_DIAGNOSTICS: 'true',
      ...extra,
      ...(process.env['TEST_DATABASE_URL']
        ? { DATABASE_URL: process.env['TEST_DATABASE_URL'] }
        : {}),
    },
    {
      cwd: process.cwd(),
      defaultWebDir: process.env['TEST_WEB_DIR'] ?? null,
      version: '0.0.0-test',
    },
  );
  const given = process.env['TEST_DATABASE_URL'];
  const embedded = given
    ? null
    : await startEmbeddedDatabase({ dataDir: null, maxConnections: 12 });
  const databaseUrl = given ?? embedded?.url ?? '';
  const app = await createApp(config, databaseUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ baseUrl: `http://127.0.0.1:${port}`, databaseUrl })}\n`);
  const stop = (): void => {
    void app
      .close()
      .then(() => embedded?.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

serve().catch((error: unknown) => {
  process.stderr.write(
    `test server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
