import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ImportColumnMapping,
  ImportField,
  ReadingImportPreview,
  ReadingImportResult,
} from '@waypoint/contracts';
import { ReadingImportsApi } from '../shared/api';

/** A file's bytes as base64, read in slices so a large file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/** A file's bytes (FileReader: in every browser, and in the test DOM). */
export function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export type ImportStep = 'reading' | 'previewing' | 'importing';

/**
 * The import page's state: the chosen file, its column mapping, the preview the API made of it,
 * and the result of importing it. Choosing another file or column previews again.
 */
@Injectable()
export class ImportStore {
  private readonly api = inject(ReadingImportsApi);
  private readonly file = signal<{ name: string; content: string } | null>(null);
  private readonly chosenMapping = signal<ImportColumnMapping | undefined>(undefined);

  readonly preview = signal<ReadingImportPreview | null>(null);
  readonly result = signal<ReadingImportResult | null>(null);
  readonly busy = signal<ImportStep | null>(null);
  readonly error = signal<unknown>(null);
  readonly fileName = computed(() => this.file()?.name ?? null);
  /** Rows that import, when the preview is complete and the file is new. */
  readonly importable = computed(() => {
    const preview = this.preview();
    if (!preview || preview.unmappedFields.length > 0 || preview.previousImport) return 0;
    return preview.validCount;
  });

  async choose(file: File): Promise<void> {
    this.busy.set('reading');
    this.result.set(null);
    this.preview.set(null);
    this.error.set(null);
    this.chosenMapping.set(undefined);
    try {
      this.file.set({
        name: file.name,
        content: toBase64(await readBytes(file)),
      });
    } catch (error) {
      this.error.set(error);
      this.busy.set(null);
      return;
    }
    await this.refresh();
  }

  /** Chooses the column of a field (null: none) and previews again. */
  async map(field: ImportField, header: string | null): Promise<void> {
    const mapping: ImportColumnMapping = { ...(this.preview()?.mapping ?? {}) };
    if (header === null) delete mapping[field];
    else mapping[field] = header;
    this.chosenMapping.set(mapping);
    this.result.set(null);
    await this.refresh();
  }

  async import(): Promise<void> {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview || this.busy()) return;
    this.busy.set('importing');
    this.error.set(null);
    try {
      this.result.set(
        await this.api.import({
          fileName: file.name,
          content: file.content,
          mapping: preview.mapping,
        }),
      );
    } catch (error) {
      this.error.set(error);
    } finally {
      this.busy.set(null);
    }
  }

  private async refresh(): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set('previewing');
    this.error.set(null);
    try {
      const mapping = this.chosenMapping();
      this.preview.set(
        await this.api.preview({
          fileName: file.name,
          content: file.content,
          ...(mapping ? { mapping } : {}),
        }),
      );
    } catch (error) {
      this.preview.set(null);
      this.error.set(error);
    } finally {
      this.busy.set(null);
    }
  }
}
