import type { ImportFileFormat } from '@waypoint/contracts';
import { DomainError, type ImportCell } from '@waypoint/domain';
import type { CellValue } from 'exceljs';
import Papa from 'papaparse';

/** A spreadsheet's first sheet: its headers and its data rows, each with its line number. */
export interface Sheet {
  format: ImportFileFormat;
  headers: string[];
  rows: Array<{ line: number; cells: ImportCell[] }>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * exceljs, loaded when a workbook is first read or written: it and its zip libraries are ~8 MB
 * of live heap that an instance nobody imports a spreadsheet on need not keep.
 */
async function newWorkbook(): Promise<import('exceljs').Workbook> {
  const { Workbook } = await import('exceljs');
  return new Workbook();
}

function invalid(message: string): DomainError {
  return new DomainError('import_file_invalid', message, { content: [message] });
}

/** A cell of exceljs as text, number or date (formulas by their result, rich text as text). */
function xlsxCell(value: CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return xlsxCell(value.result as CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return String(value.error);
  return null;
}

async function readXlsx(bytes: Buffer): Promise<ImportCell[][]> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('The file is not a spreadsheet Waypoint can read (CSV or XLSX).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('The workbook has no sheet.');
  const grid: ImportCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as CellValue[];
    grid[rowNumber - 1] = values.slice(1).map(xlsxCell);
  });
  for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
  return grid;
}

function readCsv(bytes: Buffer): ImportCell[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw invalid('The file is not a spreadsheet Waypoint can read (CSV or XLSX).');
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => (cell.trim() === '' ? null : cell)));
}

const blank = (cells: readonly ImportCell[]): boolean =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Reads a CSV (UTF-8, any delimiter Papa Parse detects) or XLSX file (its first sheet). The first
 * non-empty row holds the headers; empty rows are left out; line numbers are the sheet's own.
 */
export async function readSpreadsheet(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const format: ImportFileFormat = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  const grid = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  const headerIndex = grid.findIndex((cells) => !blank(cells));
  const headerRow = headerIndex >= 0 ? grid[headerIndex] : undefined;
  if (!headerRow) throw invalid('The file is empty: it needs a header row and readings under it.');
  const headers = headerRow.map((cell, i) => {
    const name =
      cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();
    return name === '' ? `Column ${i + 1}` : name;
  });
  const rows: Sheet['rows'] = [];
  for (let i = headerIndex + 1; i < grid.length; i += 1) {
    const cells = grid[i] ?? [];
    if (blank(cells)) continue;
    rows.push({ line: i + 1, cells });
    if (rows.length > maxRows) {
      throw invalid(`The file has more than ${maxRows} readings: split it into smaller files.`);
    }
  }
  return { format, headers, rows };
}

/** A spreadsheet of these rows, the first being the headers. */
export async function writeSpreadsheet(
  format: ImportFileFormat,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  widths: readonly number[],
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`${Papa.unparse(rows as unknown[][])}\r\n`, 'utf8');
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Readings');
  sheet.columns = widths.map((width) => ({ width }));
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
