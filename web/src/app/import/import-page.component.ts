import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  IMPORT_FIELD_VALUES,
  type ImportField,
  type ImportRowPreview,
  REQUIRED_IMPORT_FIELDS,
} from '@waypoint/contracts';
import { READING_IMPORTS_API } from '../shared/api';
import { formatDate, formatNumber } from '../shared/format';
import { genericErrorMessage, problemOf } from '../shared/problem';
import { IMPORT_FIELD_LABEL } from '../shared/vocabulary';
import { ImportStore } from './import.store';

/** How many rows the preview table shows at once (a file may hold 20,000). */
export const PREVIEW_LIMIT = 500;

const plural = (n: number, one: string, many: string): string =>
  `${formatNumber(n, 0)} ${n === 1 ? one : many}`;

/**
 * `/import`: readings from a spreadsheet. Choose a CSV or XLSX file, check which column holds
 * what, read the preview (each row's problems named), import the valid rows.
 */
@Component({
  selector: 'wp-import-page',
  imports: [RouterLink, MatButton, MatProgressBar],
  providers: [ImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.component.html',
  styleUrl: './import-page.component.scss',
})
export class ImportPageComponent {
  protected readonly store = inject(ImportStore);
  protected readonly fields = IMPORT_FIELD_VALUES;
  protected readonly fieldLabel = IMPORT_FIELD_LABEL;
  protected readonly templateCsv = READING_IMPORTS_API.template('csv');
  protected readonly templateXlsx = READING_IMPORTS_API.template('xlsx');
  protected readonly show = signal<'problems' | 'all'>('all');

  protected readonly shownRows = computed(() => {
    const rows = this.store.preview()?.rows ?? [];
    const chosen = this.show() === 'problems' ? rows.filter((r) => r.problems.length > 0) : rows;
    return { rows: chosen.slice(0, PREVIEW_LIMIT), total: chosen.length };
  });

  protected readonly summary = computed(() => {
    const preview = this.store.preview();
    if (!preview || preview.unmappedFields.length > 0) return null;
    const total = preview.rows.length;
    return `${plural(total, 'row', 'rows')}: ${plural(preview.validCount, 'reading', 'readings')} ready to import, ${plural(preview.problemCount, 'row', 'rows')} with problems (left out).`;
  });

  protected readonly previous = computed(() => {
    const previous = this.store.preview()?.previousImport ?? this.store.result()?.previousImport;
    return previous
      ? `This file was already imported on ${formatDate(previous.importedAt)} by ${previous.importedBy.displayName} (${plural(previous.importedCount, 'reading', 'readings')}): importing it again adds nothing.`
      : null;
  });

  protected readonly resultText = computed(() => {
    const result = this.store.result();
    if (!result || result.previousImport) return null;
    const skipped = result.skipped.length;
    const imported = `${plural(result.importedCount, 'reading', 'readings')} imported.`;
    return skipped === 0
      ? imported
      : `${imported} ${plural(skipped, 'row was', 'rows were')} left out: each is listed above with its problem.`;
  });

  protected readonly errorText = computed(() => {
    const error = this.store.error();
    if (!error) return null;
    const problem = problemOf(error);
    const fields = Object.values(problem?.errors ?? {}).flat();
    return problem?.status === 422
      ? (fields[0] ?? problem.detail ?? '')
      : genericErrorMessage(error);
  });

  protected isRequired(field: ImportField): boolean {
    return REQUIRED_IMPORT_FIELDS.includes(field);
  }

  protected columnOf(field: ImportField): string {
    return this.store.preview()?.mapping[field] ?? '';
  }

  protected async chooseFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.store.choose(file);
  }

  protected async chooseColumn(field: ImportField, event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    await this.store.map(field, value === '' ? null : value);
  }

  protected day(row: ImportRowPreview): string {
    return row.observedAt ? formatDate(row.observedAt) : '—';
  }

  protected value(row: ImportRowPreview): string {
    if (row.value === null) return '—';
    const unit = row.measure?.unit;
    return unit ? `${formatNumber(row.value)} ${unit}` : formatNumber(row.value);
  }

  protected importLabel(): string {
    return `Import ${plural(this.store.importable(), 'reading', 'readings')}`;
  }
}
