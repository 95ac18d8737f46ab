import { TestBed } from '@angular/core/testing';
import type { ReadingImportPreview } from '@waypoint/contracts';
import { httpMock, provideTestHttp } from '../auth/auth.testing';
import { READING_IMPORTS_API } from '../shared/api';
import { ImportStore, toBase64 } from './import.store';

const CSV = 'Measure,Observed date,Value\nWait,2026-01-01,4\n';

function aPreview(overrides: Partial<ReadingImportPreview> = {}): ReadingImportPreview {
  return {
    fileName: 'r.csv',
    format: 'csv',
    columns: ['Measure', 'Observed date', 'Value'],
    mapping: { measure: 'Measure', observedAt: 'Observed date', value: 'Value' },
    unmappedFields: [],
    rows: [],
    validCount: 1,
    problemCount: 0,
    previousImport: null,
    ...overrides,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve));
}

describe('ImportStore', () => {
  let store: ImportStore;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideTestHttp(), ImportStore] });
    store = TestBed.inject(ImportStore);
  });
  afterEach(() => httpMock().verify());

  it('reads a large file to base64 in slices', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('previews a chosen file, then with a chosen column, then imports with that mapping', async () => {
    const choosing = store.choose(new File([CSV], 'r.csv', { type: 'text/csv' }));
    await settle();
    const first = httpMock().expectOne(READING_IMPORTS_API.preview);
    expect(first.request.body).toEqual({
      fileName: 'r.csv',
      content: Buffer.from(CSV).toString('base64'),
    });
    first.flush(aPreview());
    await choosing;
    expect(store.importable()).toBe(1);

    const mapping = store.map('value', null);
    const second = httpMock().expectOne(READING_IMPORTS_API.preview);
    expect(second.request.body.mapping).toEqual({
      measure: 'Measure',
      observedAt: 'Observed date',
    });
    second.flush(aPreview({ unmappedFields: ['value'], mapping: second.request.body.mapping }));
    await mapping;
    expect(store.importable()).toBe(0);

    const remap = store.map('value', 'Value');
    httpMock().expectOne(READING_IMPORTS_API.preview).flush(aPreview());
    await remap;
    const importing = store.import();
    const request = httpMock().expectOne(READING_IMPORTS_API.import);
    expect(request.request.body.mapping).toEqual(aPreview().mapping);
    request.flush({ importId: 'i1', importedCount: 1, skipped: [], previousImport: null });
    await importing;
    expect(store.result()?.importedCount).toBe(1);
  });

  it('imports nothing from a file imported before', async () => {
    const choosing = store.choose(new File([CSV], 'r.csv'));
    await settle();
    httpMock()
      .expectOne(READING_IMPORTS_API.preview)
      .flush(
        aPreview({
          previousImport: {
            importedAt: '2026-01-02T00:00:00Z',
            importedBy: { id: 'u', displayName: 'Tim' },
            importedCount: 1,
          },
        }),
      );
    await choosing;
    expect(store.importable()).toBe(0);
  });
});
