import { TEMPLATE_CLEAN_UP } from './global-setup';

/** Drops the run's template database (or removes its data folder). */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, unknown>;
  const cleanUp = holder[TEMPLATE_CLEAN_UP] as (() => Promise<void>) | undefined;
  delete holder[TEMPLATE_CLEAN_UP];
  await cleanUp?.();
}
