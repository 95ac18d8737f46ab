/**
 * Days in messages people read, as the app writes them everywhere: "15 Apr 2030" (UTC). The API's
 * refusals and explanations use it, so a refusal never shows an ISO date.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Apr 2030" for a day (YYYY-MM-DD) or an instant (read in UTC). */
export function formatDay(day: string | Date): string {
  const date =
    typeof day === 'string' ? new Date(day.length === 10 ? `${day}T00:00:00Z` : day) : day;
  if (Number.isNaN(date.getTime())) return String(day);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** "1 Apr 2030 to 30 Jun 2030". */
export function formatDaySpan(startsOn: string, endsOn: string): string {
  return `${formatDay(startsOn)} to ${formatDay(endsOn)}`;
}
