/**
 * Jest setupFilesAfterEnv of the browser specs: every spec file gets an app of its own (the
 * production build with the demo data on a fresh database, startApp), started before the file's
 * first hook and stopped after its last one. Files therefore never see what another file changed,
 * and may run in parallel. A file that needs servers beside its app (support/app-env.ts) gets them
 * started first and stopped last.
 */
import { type AppServices, startAppServices } from './app-env';
import { setApp } from './browser';
import { type E2eApp, startApp } from './app';

let app: E2eApp | null = null;
let services: AppServices | null = null;

beforeAll(async () => {
  services = await startAppServices();
  app = await startApp(expect.getState().testPath ?? 'unknown', services.env);
  setApp(app);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  app = null;
  await services?.stop();
  services = null;
}, 30_000);
