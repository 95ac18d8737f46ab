import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  IMPORT_FIELD_VALUES,
  IMPORT_MAX_ROWS,
  type ImportColumnMapping,
  type ImportField,
  type ImportFileFormat,
  type ImportRowPreview,
  type ReadingImportPreview,
  type ReadingImportRequest,
  type ReadingImportResult,
  REQUIRED_IMPORT_FIELDS,
  type Role,
} from '@waypoint/contracts';
import {
  cellText,
  DomainError,
  type ImportCell,
  importRowProblems,
  matchImportColumns,
  parseImportDate,
  parseImportValue,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import {
  type Actor,
  type AuthenticatedUser,
  effectiveRelations,
  permissionRule,
  type Relation,
} from '../auth';
import { ValueWrites } from '../common';
import { OBSERVED_AT_SKEW_MS, readingKey, ReadingsRepository } from '../measures';
import { type ImportableMeasure, ReadingImportsRepository } from './reading-imports.repository';
import { readSpreadsheet, type Sheet, writeSpreadsheet } from './spreadsheet';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_LABELS: Record<ImportField, string> = {
  measure: 'Measure',
  observedAt: 'Observed date',
  value: 'Value',
  note: 'Note',
  evidenceUrl: 'Evidence link',
};
/** How many of a person's measures the template lists. */
const TEMPLATE_MEASURES = 500;

/** Whether a permission of permissions.ts allows this role with these relations. */
function allows(
  permission: 'initiatives.read' | 'readings.record',
  role: Role,
  relations: Relation[],
): boolean {
  const rule = permissionRule(permission);
  const held = effectiveRelations(relations, role);
  return rule.roles.includes(role) || (rule.relations ?? []).some((r) => held.includes(r));
}

interface Examined {
  sheet: Sheet;
  contentHash: string;
  mapping: ImportColumnMapping;
  unmapped: ImportField[];
  rows: Array<ImportRowPreview & { initiativeId: string | null; observed: Date | null }>;
}

/**
 * Readings from a spreadsheet (issue 19, part 3): a preview that names each row's problems, then
 * the import of the valid rows in one transaction, once per file content.
 */
@Injectable()
export class ReadingImportsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly imports: ReadingImportsRepository,
    private readonly readings: ReadingsRepository,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  async preview(
    request: ReadingImportRequest,
    user: AuthenticatedUser,
  ): Promise<ReadingImportPreview> {
    const examined = await this.examine(request, user);
    const previousImport = await this.imports.findPrevious(examined.contentHash);
    const rows = examined.rows.map(({ initiativeId: _i, observed: _o, ...row }) => row);
    const problemCount = rows.filter((r) => r.problems.length > 0).length;
    return {
      fileName: request.fileName,
      format: examined.sheet.format,
      columns: examined.sheet.headers,
      mapping: examined.mapping,
      unmappedFields: examined.unmapped,
      rows,
      validCount: rows.length - problemCount,
      problemCount,
      previousImport,
    };
  }

  /**
   * Imports the valid rows in one transaction: the readings, the import (by the file's content,
   * so the same file never imports twice), one audit event per initiative, and the value engine
   * told of every initiative whose readings changed.
   */
  async import(
    request: ReadingImportRequest,
    user: AuthenticatedUser,
    actor: Actor,
  ): Promise<ReadingImportResult> {
    return this.txHost.withTransaction(async () => {
      const examined = await this.examine(request, user);
      if (examined.unmapped.length > 0) {
        const missing = examined.unmapped.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ');
        throw new DomainError('import_file_invalid', `Choose the columns of: ${missing}.`, {
          mapping: [`No column for: ${missing}.`],
        });
      }
      const previousImport = await this.imports.findPrevious(examined.contentHash);
      if (previousImport) return { importId: null, importedCount: 0, skipped: [], previousImport };
      const valid = examined.rows.filter((r) => r.problems.length === 0);
      const skipped = examined.rows
        .filter((r) => r.problems.length > 0)
        .map(({ initiativeId: _i, observed: _o, ...row }) => row);
      if (valid.length === 0) return { importId: null, importedCount: 0, skipped, previousImport };
      const importId = await this.imports.insert({
        contentHash: examined.contentHash,
        fileName: request.fileName,
        importedBy: user.id,
        rowCount: examined.rows.length,
        importedCount: valid.length,
      });
      const importedCount = await this.readings.insertMany(
        valid.map((r) => ({
          measureId: r.measure?.id ?? '',
          value: r.value ?? 0,
          observedAt: r.observed ?? new Date(0),
          note: r.note,
          evidenceUrl: r.evidenceUrl,
        })),
        user.id,
        importId,
      );
      const perInitiative = new Map<string, number>();
      for (const row of valid) {
        if (row.initiativeId) {
          perInitiative.set(row.initiativeId, (perInitiative.get(row.initiativeId) ?? 0) + 1);
        }
      }
      for (const [initiativeId, readings] of perInitiative) {
        await this.audit.record({
          actor,
          action: 'import',
          entityType: 'reading_import',
          entityId: importId,
          initiativeId,
          after: { fileName: request.fileName, readings },
        });
      }
      await this.valueWrites.initiativesChanged([...perInitiative.keys()]);
      return { importId, importedCount, skipped, previousImport: null };
    });
  }

  /** A file to fill in: the headers, and one line per measure the person records. */
  async template(
    format: ImportFileFormat,
    user: AuthenticatedUser,
  ): Promise<{ fileName: string; content: Buffer }> {
    const measures = await this.imports.measuresRecordedBy(
      user.id,
      allows('readings.record', user.role, []),
      TEMPLATE_MEASURES,
    );
    const named = new Map<string, number>();
    for (const m of measures)
      named.set(m.name.toLowerCase(), (named.get(m.name.toLowerCase()) ?? 0) + 1);
    const rows: Array<Array<string | number>> = [
      IMPORT_FIELD_VALUES.map((f) => FIELD_LABELS[f]),
      // A name two measures share would be ambiguous: those lines name the measure by its id.
      ...measures.map((m) => [
        (named.get(m.name.toLowerCase()) ?? 0) > 1 ? m.id : m.name,
        '',
        '',
        '',
        '',
      ]),
    ];
    const content = await writeSpreadsheet(format, rows, [40, 16, 12, 40, 40]);
    return { fileName: `waypoint-readings-template.${format}`, content };
  }

  private async examine(request: ReadingImportRequest, user: AuthenticatedUser): Promise<Examined> {
    const bytes = Buffer.from(request.content, 'base64');
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const sheet = await readSpreadsheet(bytes, IMPORT_MAX_ROWS);
    const mapping = this.mapping(sheet.headers, request.mapping);
    const unmapped = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
    if (unmapped.length > 0) return { sheet, contentHash, mapping, unmapped, rows: [] };
    const column = (field: ImportField): number => {
      const header = mapping[field];
      return header === undefined ? -1 : sheet.headers.indexOf(header);
    };
    const at = Object.fromEntries(IMPORT_FIELD_VALUES.map((f) => [f, column(f)])) as Record<
      ImportField,
      number
    >;
    const cell = (cells: ImportCell[], index: number): ImportCell =>
      index < 0 ? null : (cells[index] ?? null);
    const parsed = sheet.rows.map(({ line, cells }) => {
      const valueCell = cell(cells, at.value);
      return {
        line,
        measureText: cellText(cell(cells, at.measure)),
        observedAt: parseImportDate(cell(cells, at.observedAt)),
        value: parseImportValue(valueCell),
        valueText: cellText(valueCell),
        note: cellText(cell(cells, at.note)),
        evidenceUrl: cellText(cell(cells, at.evidenceUrl)),
      };
    });
    const texts = [...new Set(parsed.map((p) => p.measureText).filter((t) => t !== ''))];
    const measures = (
      await this.imports.measuresNamed(
        texts.filter((t) => UUID.test(t)),
        texts.map((t) => t.toLowerCase()),
        user.id,
      )
    ).filter((m) => allows('initiatives.read', user.role, m.relations));
    const resolve = (
      text: string,
    ): { found: number; measure: ImportableMeasure | null; mayRecord: boolean } => {
      const candidates = UUID.test(text)
        ? measures.filter((m) => m.id === text.toLowerCase())
        : measures.filter((m) => m.name.toLowerCase() === text.toLowerCase());
      const recordable = candidates.filter((m) =>
        allows('readings.record', user.role, m.relations),
      );
      if (recordable.length === 1)
        return { found: 1, measure: recordable[0] ?? null, mayRecord: true };
      if (recordable.length > 1)
        return { found: recordable.length, measure: null, mayRecord: true };
      return {
        found: Math.min(candidates.length, 1),
        measure: candidates[0] ?? null,
        mayRecord: false,
      };
    };
    const resolved = new Map(texts.map((t) => [t, resolve(t)]));
    const pairs = parsed.flatMap((p) => {
      const measure = resolved.get(p.measureText)?.measure;
      return measure && p.observedAt instanceof Date
        ? [{ measureId: measure.id, observedAt: p.observedAt }]
        : [];
    });
    const existing = await this.readings.existingKeys(pairs);
    const seen = new Map<string, number>();
    const now = new Date();
    const rows = parsed.map((p) => {
      const found = resolved.get(p.measureText) ?? { found: 0, measure: null, mayRecord: false };
      const measure = found.measure;
      const key =
        measure && p.observedAt instanceof Date && typeof p.value === 'number'
          ? readingKey(measure.id, p.observedAt, p.value)
          : null;
      const duplicateOfLine = key ? (seen.get(key) ?? null) : null;
      if (key && duplicateOfLine === null) seen.set(key, p.line);
      const problems = importRowProblems(
        {
          measureText: p.measureText,
          measuresFound: found.found,
          measureName: measure?.name ?? null,
          mayRecord: found.mayRecord,
          observedAt: p.observedAt,
          value: p.value,
          valueText: p.valueText,
          note: p.note,
          evidenceUrl: p.evidenceUrl,
          duplicateOfReading: key !== null && existing.has(key),
          duplicateOfLine,
        },
        now,
        OBSERVED_AT_SKEW_MS,
      );
      return {
        line: p.line,
        measureText: p.measureText,
        measure:
          measure && found.found === 1
            ? {
                id: measure.id,
                name: measure.name,
                unit: measure.unit,
                initiativeTitle: measure.initiativeTitle,
              }
            : null,
        observedAt: p.observedAt instanceof Date ? p.observedAt.toISOString() : null,
        value: typeof p.value === 'number' ? p.value : null,
        note: p.note,
        evidenceUrl: p.evidenceUrl === '' ? null : p.evidenceUrl,
        problems,
        initiativeId: measure?.initiativeId ?? null,
        observed: p.observedAt instanceof Date ? p.observedAt : null,
      };
    });
    return { sheet, contentHash, mapping, unmapped: [], rows };
  }

  /** The mapping sent (each column must be in the file), else the one matched from the headers. */
  private mapping(headers: string[], sent: ImportColumnMapping | undefined): ImportColumnMapping {
    if (!sent) return matchImportColumns(headers);
    const errors: Record<string, string[]> = {};
    for (const field of IMPORT_FIELD_VALUES) {
      const header = sent[field];
      if (header !== undefined && !headers.includes(header)) {
        errors[`mapping.${field}`] = [`The file has no column "${header}".`];
      }
    }
    if (Object.keys(errors).length > 0) {
      throw new DomainError('import_file_invalid', 'A chosen column is not in the file.', errors);
    }
    return sent;
  }
}
