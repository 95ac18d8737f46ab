/** Dates of the demo story, relative to the day the demo is loaded. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface DemoCycle {
  name: string;
  startsOn: string;
  endsOn: string;
  start: Date;
  /** The first day after the cycle. */
  end: Date;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The quarter containing `now` and the two before it, oldest first. */
export function demoCycles(now: Date): DemoCycle[] {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  const cycles: DemoCycle[] = [];
  for (let back = 2; back >= 0; back--) {
    const index = now.getUTCFullYear() * 4 + quarter - back;
    const year = Math.floor(index / 4);
    const q = index % 4;
    const start = new Date(Date.UTC(year, q * 3, 1));
    const end = new Date(Date.UTC(year, q * 3 + 3, 1));
    cycles.push({
      name: `${year}-Q${q + 1}`,
      startsOn: isoDay(start),
      endsOn: isoDay(new Date(end.getTime() - DAY_MS)),
      start,
      end,
    });
  }
  return cycles;
}

/**
 * Observation times spread through each cycle (never later than an hour ago), so that readings
 * tell how a measure moved cycle by cycle.
 */
export function observationTimes(cycles: DemoCycle[], perCycle: number, now: Date): Date[] {
  const latest = now.getTime() - HOUR_MS;
  const times: Date[] = [];
  for (const cycle of cycles) {
    const until = Math.min(cycle.end.getTime() - DAY_MS, latest);
    const span = until - cycle.start.getTime();
    if (span <= 0) continue;
    for (let i = 0; i < perCycle; i++) {
      times.push(new Date(cycle.start.getTime() + (span * (i + 1)) / (perCycle + 1)));
    }
  }
  return times;
}

export function dayOffset(now: Date, days: number): string {
  return isoDay(new Date(now.getTime() + days * DAY_MS));
}

/** `days` (and `hours`) from `from`; negative goes back. */
export function after(from: Date, days: number, hours = 0): Date {
  return new Date(from.getTime() + days * DAY_MS + hours * HOUR_MS);
}

/** The earlier of a story time and a minute ago: nothing in the story happens in the future. */
export function notAfterNow(at: Date, now: Date): Date {
  return new Date(Math.min(at.getTime(), now.getTime() - 60_000));
}
