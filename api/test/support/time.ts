/** Days and quarters relative to now, worked out independently of the app. */

export const DAY_MS = 24 * 60 * 60 * 1000;

export const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY_MS);

/** YYYY-MM-DD, `days` from today (UTC); negative for the past. */
export const dateFromToday = (days: number): string =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar quarter `offset` quarters from the current one, worked out independently. */
export function quarter(offset: number): { name: string; startsOn: string; endsOn: string } {
  const now = new Date();
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const q = index % 4;
  return {
    name: `${year}-Q${q + 1}`,
    startsOn: `${year}-${pad(q * 3 + 1)}-01`,
    endsOn: new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10),
  };
}

/** A day as the app words it in notifications ("15 Apr 2030"), worked out independently. */
export function dayInWords(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/** Polls `probe` until it answers something truthy (or fails after `timeoutMs`). */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer) return answer;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
