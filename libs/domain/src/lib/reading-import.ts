import type {
  ImportColumnMapping,
  ImportField,
  ImportProblem,
  ImportProblemCode,
} from '@waypoint/contracts';
import { IMPORT_FIELD_VALUES } from '@waypoint/contracts';

/** A spreadsheet cell as the file gives it: text (CSV, XLSX), a number or a date (XLSX). */
export type ImportCell = string | number | Date | null;

/** The headers each field is recognised by, lower case, spaces and punctuation ignored. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  measure: ['measure', 'measurename', 'measureid', 'kpi', 'indicator'],
  observedAt: ['observeddate', 'observedat', 'observedon', 'observed', 'date', 'day'],
  value: ['value', 'reading', 'amount'],
  note: ['note', 'notes', 'comment', 'comments'],
  evidenceUrl: ['evidencelink', 'evidence', 'evidenceurl', 'link', 'source'],
};

const squash = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The columns that hold each field, found by their headers (the template's, and common names). */
export function matchImportColumns(headers: readonly string[]): ImportColumnMapping {
  const mapping: ImportColumnMapping = {};
  for (const field of IMPORT_FIELD_VALUES) {
    const header = headers.find((h) => HEADER_NAMES[field].includes(squash(h)));
    if (header !== undefined) mapping[field] = header;
  }
  return mapping;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A day as people read it here: "15 Apr 2030" (UTC). */
export function importDayText(at: Date): string {
  const month = MONTHS[at.getUTCMonth()] ?? '';
  return `${at.getUTCDate()} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${at.getUTCFullYear()}`;
}

function utcDay(year: number, month: number, day: number): Date | null {
  const at = new Date(Date.UTC(year, month, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month && at.getUTCDate() === day
    ? at
    : null;
}

/**
 * When a reading was observed: a date cell, `2026-03-31` (that day, 00:00 UTC), an ISO 8601
 * date-time with its zone, or `31 Mar 2026`. Day-first or month-first numbers (`03/04/2026`) are
 * refused: they read differently in different countries.
 */
export function parseImportDate(cell: ImportCell): Date | 'missing' | 'invalid' {
  if (cell === null) return 'missing';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : cell;
  if (typeof cell === 'number') return 'invalid';
  const text = cell.trim();
  if (text === '') return 'missing';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return utcDay(Number(day[1]), Number(day[2]) - 1, Number(day[3])) ?? 'invalid';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const at = new Date(text.replace(' ', 'T'));
    return Number.isNaN(at.getTime()) ? 'invalid' : at;
  }
  const words = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text);
  const month = words ? MONTHS.indexOf((words[2] ?? '').toLowerCase()) : -1;
  if (words && month >= 0) return utcDay(Number(words[3]), month, Number(words[1])) ?? 'invalid';
  return 'invalid';
}

/** A reading's value: a number cell, or text such as `42`, `-3.5`, `1,234.5`; else not one. */
export function parseImportValue(cell: ImportCell): number | 'missing' | 'invalid' {
  if (cell === null) return 'missing';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  if (cell instanceof Date) return 'invalid';
  const text = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return 'missing';
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text) && !/^[+-]?\.\d+$/.test(text)) {
    return 'invalid';
  }
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : 'invalid';
}

/** Text of a cell, for the measure, the note and the link. */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** What the rules need to know about one row, once the file and the database were read. */
export interface ImportRowFacts {
  measureText: string;
  /** How many measures the text names (by id or name) among those the person may see. */
  measuresFound: number;
  /** The measure's name, when exactly one was found. */
  measureName: string | null;
  /** Whether the person may record readings of it (as for recording one reading). */
  mayRecord: boolean;
  observedAt: Date | 'missing' | 'invalid';
  value: number | 'missing' | 'invalid';
  valueText: string;
  note: string;
  evidenceUrl: string;
  /** An effective reading of the measure with this observation time and value exists. */
  duplicateOfReading: boolean;
  /** An earlier row of the file has the same measure, time and value: the line it is on. */
  duplicateOfLine: number | null;
}

export const IMPORT_NOTE_MAX_LENGTH = 2000;
export const IMPORT_EVIDENCE_MAX_LENGTH = 2000;

/**
 * Every problem of a row, named with the value at fault; none means the row is imported. `now`
 * and `skewMs` are the rule of recording one reading: nothing observed in the future.
 */
export function importRowProblems(row: ImportRowFacts, now: Date, skewMs: number): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const add = (code: ImportProblemCode, message: string): void => {
    problems.push({ code, message });
  };
  if (row.measureText === '')
    add('measure_missing', 'No measure: name the measure or give its id.');
  else if (row.measuresFound === 0) {
    add('unknown_measure', `No measure called "${row.measureText}" that you can see.`);
  } else if (row.measuresFound > 1) {
    add(
      'ambiguous_measure',
      `${row.measuresFound} measures are called "${row.measureText}": use the measure's id (see the template).`,
    );
  } else if (!row.mayRecord) {
    add('no_permission', `You may not record readings of "${row.measureName ?? row.measureText}".`);
  }
  if (row.observedAt === 'missing') add('date_missing', 'No observed date.');
  else if (row.observedAt === 'invalid') {
    add('date_invalid', 'The observed date is not a date: write it as 2026-03-31 or 31 Mar 2026.');
  } else if (row.observedAt.getTime() > now.getTime() + skewMs) {
    add(
      'date_in_future',
      `The observed date ${importDayText(row.observedAt)} is in the future: record what was observed.`,
    );
  }
  if (row.value === 'missing') add('value_missing', 'No value.');
  else if (row.value === 'invalid')
    add('not_a_number', `The value "${row.valueText}" is not a number.`);
  if (row.evidenceUrl !== '' && !/^https?:\/\/\S+$/i.test(row.evidenceUrl)) {
    add('evidence_not_a_link', 'The evidence link must be a web address starting with https://.');
  } else if (row.evidenceUrl.length > IMPORT_EVIDENCE_MAX_LENGTH) {
    add(
      'evidence_not_a_link',
      `The evidence link is longer than ${IMPORT_EVIDENCE_MAX_LENGTH} characters.`,
    );
  }
  if (row.note.length > IMPORT_NOTE_MAX_LENGTH) {
    add('note_too_long', `The note is longer than ${IMPORT_NOTE_MAX_LENGTH} characters.`);
  }
  if (row.duplicateOfReading) {
    add('duplicate_reading', 'The same reading (measure, date and value) is already recorded.');
  } else if (row.duplicateOfLine !== null) {
    add('duplicate_in_file', `The same reading is already on line ${row.duplicateOfLine}.`);
  }
  return problems;
}
