/**
 * Servers a spec file's app talks to (a test OpenID provider, a test SMTP server, ...): a file
 * calls {@link withAppServices} at its top level; app-per-file.ts starts them before the app, passes
 * their environment to the app, and stops them after the app has stopped.
 */
export interface AppServices {
  /** Environment variables for the app, e.g. `{ SMTP_URL: 'smtp://127.0.0.1:40123' }`. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

let starter: (() => Promise<AppServices>) | null = null;

/** Declares the servers this spec file's app needs (call once, at the file's top level). */
export function withAppServices(start: () => Promise<AppServices>): void {
  starter = start;
}

/** Starts the declared servers, if any (app-per-file.ts). */
export async function startAppServices(): Promise<AppServices> {
  return starter ? starter() : { env: {}, stop: () => Promise.resolve() };
}
