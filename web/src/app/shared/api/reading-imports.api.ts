import { inject, Injectable } from '@angular/core';
import type {
  ImportFileFormat,
  ReadingImportPreview,
  ReadingImportRequest,
  ReadingImportResult,
} from '@waypoint/contracts';
import { API_ROOT, ApiClient } from './api-client';

export const READING_IMPORTS_API = {
  preview: `${API_ROOT}/reading-imports/preview`,
  import: `${API_ROOT}/reading-imports`,
  /** The template to fill in, downloaded by a plain link (the session cookie goes with it). */
  template: (format: ImportFileFormat) => `${API_ROOT}/reading-imports/template?format=${format}`,
} as const;

/** Readings from a spreadsheet: preview row by row, then import the valid rows. */
@Injectable({ providedIn: 'root' })
export class ReadingImportsApi {
  private readonly api = inject(ApiClient);

  /** POST /api/reading-imports/preview: every row with its problems; writes nothing. */
  preview(request: ReadingImportRequest): Promise<ReadingImportPreview> {
    return this.api.post<ReadingImportPreview>(READING_IMPORTS_API.preview, request);
  }

  /** POST /api/reading-imports: the valid rows, in one go; the same file imports once. */
  import(request: ReadingImportRequest): Promise<ReadingImportResult> {
    return this.api.post<ReadingImportResult>(READING_IMPORTS_API.import, request);
  }
}
