/** What a CSV cell can hold. Numbers, booleans and dates are written as data, never as text. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * Cells a spreadsheet would run as a formula (CSV injection): = + - @, their full-width forms
 * (＝ ＋ － ＠, which some spreadsheets read as the ASCII ones), and tab or CR first.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled) or
 * starts or ends with a space. Text that a spreadsheet would take for a formula gets a leading
 * `'` so it stays text.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row, then one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
