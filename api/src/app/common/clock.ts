import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The time a write is stamped with. Always the wall clock, except inside `atStoryTime`, which
 * the demo loader uses to play its story at the times the story happens (a reading observed in
 * August is recorded in August, the waiting gate was submitted days ago), so that the history,
 * the notifications and "waiting for" read like a real quarter. Writers that stamp an event
 * (audit, readings, gate submissions and decisions, notifications, alerts) ask here instead of
 * the database's `now()`.
 */
const storyTime = new AsyncLocalStorage<Date>();

export function clockNow(): Date {
  const at = storyTime.getStore();
  return at ? new Date(at.getTime()) : new Date();
}

/** Runs `work` with every write it makes stamped at `at` (the demo's story). */
export function atStoryTime<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return storyTime.run(at, work);
}
