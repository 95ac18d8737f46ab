/** The fields of a reading a spreadsheet column can fill (issue 19, part 3). */
export const IMPORT_FIELD_VALUES = [
  'measure',
  'observedAt',
  'value',
  'note',
  'evidenceUrl',
] as const;
export type ImportField = (typeof IMPORT_FIELD_VALUES)[number];
/** The fields every row must have. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['measure', 'observedAt', 'value'];

/** Field -> the header of the column that holds it. */
export type ImportColumnMapping = Partial<Record<ImportField, string>>;

/** The largest spreadsheet a person may import at once, in data rows. */
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_FILE_FORMAT_VALUES = ['csv', 'xlsx'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMAT_VALUES)[number];

/** What is wrong with a row; a row with any problem is skipped. */
export const IMPORT_PROBLEM_VALUES = [
  'measure_missing',
  'unknown_measure',
  'ambiguous_measure',
  'no_permission',
  'date_missing',
  'date_invalid',
  'date_in_future',
  'value_missing',
  'not_a_number',
  'duplicate_reading',
  'duplicate_in_file',
  'evidence_not_a_link',
  'note_too_long',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_VALUES)[number];

export interface ImportProblem {
  code: ImportProblemCode;
  /** The problem in words, naming the value at fault. */
  message: string;
}

/** A spreadsheet sent to preview or import: its name and its bytes (base64). */
export interface ReadingImportRequest {
  fileName: string;
  /** The file's content, base64-encoded. */
  content: string;
  /** Which column holds which field; left out, columns are matched by their headers. */
  mapping?: ImportColumnMapping;
}

export interface ImportRowPreview {
  /** The row's line in the spreadsheet (the header is line 1). */
  line: number;
  /** The measure cell as written. */
  measureText: string;
  measure: { id: string; name: string; unit: string; initiativeTitle: string } | null;
  observedAt: string | null;
  value: number | null;
  note: string;
  evidenceUrl: string | null;
  problems: ImportProblem[];
}

export interface PreviousImport {
  importedAt: string;
  importedBy: { id: string; displayName: string };
  importedCount: number;
}

export interface ReadingImportPreview {
  fileName: string;
  format: ImportFileFormat;
  /** The headers of the file's columns, in order. */
  columns: string[];
  /** The mapping used (the one sent, or the one matched from the headers). */
  mapping: ImportColumnMapping;
  /** Required fields no column is chosen for: the rows are read once they are. */
  unmappedFields: ImportField[];
  rows: ImportRowPreview[];
  validCount: number;
  problemCount: number;
  /** This very file was imported before: importing it again adds nothing. */
  previousImport: PreviousImport | null;
}

export interface ReadingImportResult {
  /** The import's id; null when nothing was imported. */
  importId: string | null;
  importedCount: number;
  /** The rows left out, each with its problems. */
  skipped: ImportRowPreview[];
  /** This very file was imported before: nothing was added this time. */
  previousImport: PreviousImport | null;
}
