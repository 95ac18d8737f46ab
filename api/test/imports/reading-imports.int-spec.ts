import type {
  ImportRowPreview,
  ReadingImportPreview,
  ReadingImportResult,
} from '@waypoint/contracts';
import { Workbook } from 'exceljs';
import { auditRows, fieldErrors } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const codesByLine = (rows: ImportRowPreview[]): Record<number, string[]> =>
  Object.fromEntries(rows.map((r) => [r.line, r.problems.map((p) => p.code)]));

/** Readings from a spreadsheet: preview with every problem named, import once, template. */
describe('reading imports', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE, valueCheck: true });
  let initiativeId: string;
  let waitId: string;

  beforeAll(async () => {
    await t.make.cycle('2026-Q1', '2026-01-01', '2026-04-01');
    initiativeId = await t.make.initiative({
      ownerId: t.people.owner.user.id,
      sponsorId: t.people.executive.user.id,
      teamIds: [t.people.team.user.id],
      title: 'Shorter waits',
    });
    waitId = await t.make.measure(initiativeId, {
      name: 'Average wait (minutes)',
      direction: 'lower_is_better',
      baseline: 12,
      target: 4,
    });
    await t.make.measure(initiativeId, {
      name: 'Repeat calls',
      perspective: 'business',
      direction: 'lower_is_better',
      baseline: 30,
      target: 10,
    });
    await t.make.reading(waitId, {
      value: 11,
      observedAt: new Date('2026-01-05T00:00:00Z'),
      recordedBy: t.people.owner.user.id,
    });
    // A measure of an initiative the team member is not on (they may not record it).
    const other = await t.make.initiative({
      ownerId: t.people.manager.user.id,
      title: 'Billing made plain',
    });
    await t.make.measure(other, { name: 'Billing complaints' });
  });

  const FILE = [
    'Measure,Observed date,Value,Note,Evidence link',
    'Average wait (minutes),2026-02-01,10,February,https://example.test/feb',
    'Repeat calls,1 Feb 2026,28,,',
    'Queue length,2026-02-01,5,,',
    'Average wait (minutes),2099-01-01,9,,',
    'Average wait (minutes),2026-03-01,n/a,,',
    'Average wait (minutes),2026-01-05,11,,',
    'Billing complaints,2026-02-01,3,,',
    'Repeat calls,2026-03-01,25,,',
  ].join('\n');

  it('previews each row with its problems named, and writes nothing', async () => {
    // The owner (a manager) sees every initiative but records only the readings of their own.
    const res = await t.send<ReadingImportPreview>(
      t.people.owner,
      'POST',
      '/api/reading-imports/preview',
      { fileName: 'readings.csv', content: base64(FILE) },
    );
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('csv');
    expect(res.body.mapping).toEqual({
      measure: 'Measure',
      observedAt: 'Observed date',
      value: 'Value',
      note: 'Note',
      evidenceUrl: 'Evidence link',
    });
    expect(codesByLine(res.body.rows)).toEqual({
      2: [],
      3: [],
      4: ['unknown_measure'],
      5: ['date_in_future'],
      6: ['not_a_number'],
      7: ['duplicate_reading'],
      8: ['no_permission'],
      9: [],
    });
    expect(res.body.rows[0]).toMatchObject({
      measure: { id: waitId, name: 'Average wait (minutes)', initiativeTitle: 'Shorter waits' },
      observedAt: '2026-02-01T00:00:00.000Z',
      value: 10,
      note: 'February',
      evidenceUrl: 'https://example.test/feb',
    });
    expect(res.body.rows[4]?.problems[0]?.message).toBe('The value "n/a" is not a number.');
    expect(res.body.rows[6]?.problems[0]?.message).toBe(
      'You may not record readings of "Billing complaints".',
    );
    expect(res.body).toMatchObject({ validCount: 3, problemCount: 5, previousImport: null });
    // A member not on that initiative does not even see its measure.
    const member = await t.send<ReadingImportPreview>(
      t.people.team,
      'POST',
      '/api/reading-imports/preview',
      { fileName: 'readings.csv', content: base64(FILE) },
    );
    expect(codesByLine(member.body.rows)[8]).toEqual(['unknown_measure']);
    const stored = await t.sql.query(`SELECT 1 FROM readings WHERE import_id IS NOT NULL`);
    expect(stored.rowCount).toBe(0);
  });

  it('imports the valid rows in one go, audited, and a second upload adds nothing', async () => {
    const body = { fileName: 'readings.csv', content: base64(FILE) };
    const res = await t.send<ReadingImportResult>(
      t.people.team,
      'POST',
      '/api/reading-imports',
      body,
    );
    expect(res.status).toBe(200);
    expect(res.body.importedCount).toBe(3);
    expect(res.body.skipped.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
    const stored = await t.sql.query<{ value: number; recorded_by: string }>(
      `SELECT value, recorded_by FROM readings WHERE import_id = $1 ORDER BY value`,
      [res.body.importId],
    );
    expect(stored.rows).toEqual([
      { value: 10, recorded_by: t.people.team.user.id },
      { value: 25, recorded_by: t.people.team.user.id },
      { value: 28, recorded_by: t.people.team.user.id },
    ]);
    const audit = await auditRows(t, initiativeId);
    expect(audit.filter((a) => a.action === 'import')).toHaveLength(1);

    const again = await t.send<ReadingImportResult>(
      t.people.team,
      'POST',
      '/api/reading-imports',
      body,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ importId: null, importedCount: 0 });
    expect(again.body.previousImport).toMatchObject({ importedCount: 3 });
    const preview = await t.send<ReadingImportPreview>(
      t.people.owner,
      'POST',
      '/api/reading-imports/preview',
      body,
    );
    expect(preview.body.previousImport?.importedBy.id).toBe(t.people.team.user.id);
    // The same readings in another file (saved again, one line more) are duplicates now.
    const resaved = await t.send<ReadingImportResult>(
      t.people.owner,
      'POST',
      '/api/reading-imports',
      {
        fileName: 'readings (2).csv',
        content: base64(`${FILE}\n`),
      },
    );
    expect(resaved.body.importedCount).toBe(0);
    expect(codesByLine(resaved.body.skipped)[2]).toEqual(['duplicate_reading']);
    const total = await t.sql.query(`SELECT 1 FROM readings WHERE import_id IS NOT NULL`);
    expect(total.rowCount).toBe(3);
  });

  it('reads an XLSX file with its own headers through a column mapping', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('KPIs');
    sheet.addRow(['KPI name', 'When', 'Figure', 'Comment']);
    sheet.addRow(['average wait (MINUTES)', new Date('2026-03-15T00:00:00Z'), 8.5, 'mid-March']);
    sheet.addRow([waitId, '2026-03-20', '8', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const mapping = { measure: 'KPI name', observedAt: 'When', value: 'Figure', note: 'Comment' };
    const preview = await t.send<ReadingImportPreview>(
      t.people.owner,
      'POST',
      '/api/reading-imports/preview',
      { fileName: 'kpis.xlsx', content },
    );
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.unmappedFields).toEqual(['measure', 'observedAt', 'value']);
    expect(preview.body.rows).toEqual([]);
    const res = await t.send<ReadingImportResult>(t.people.owner, 'POST', '/api/reading-imports', {
      fileName: 'kpis.xlsx',
      content,
      mapping,
    });
    expect(res.body).toMatchObject({ importedCount: 2, skipped: [] });
    const latest = await t.sql.query<{ value: number; note: string }>(
      `SELECT value, note FROM readings WHERE import_id = $1 ORDER BY observed_at`,
      [res.body.importId],
    );
    expect(latest.rows).toEqual([
      { value: 8.5, note: 'mid-March' },
      { value: 8, note: '' },
    ]);
  });

  it('offers a template of the measures I record, as CSV and as XLSX', async () => {
    const csv = await t.send(t.people.team, 'GET', '/api/reading-imports/template?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('waypoint-readings-template.csv');
    expect(csv.text.split('\r\n').filter(Boolean)).toEqual([
      'Measure,Observed date,Value,Note,Evidence link',
      'Average wait (minutes),,,,',
      'Repeat calls,,,,',
    ]);
    const res = await fetch(`${t.baseUrl}/api/reading-imports/template?format=xlsx`, {
      headers: t.people.team.headers,
    });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      'Measure',
      'Observed date',
      'Value',
      'Note',
      'Evidence link',
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no content', { fileName: 'a.csv' }, ['content']],
    ['content that is not base64', { fileName: 'a.csv', content: '%%%' }, ['content']],
    ['an unknown field', { fileName: 'a.csv', content: base64('a'), extra: 1 }, ['extra']],
    [
      'an unknown mapping field',
      { fileName: 'a.csv', content: base64('a'), mapping: { colour: 'x' } },
      ['mapping.colour'],
    ],
    ['an empty file name', { fileName: ' ', content: base64('a') }, ['fileName']],
  ])('answers 400 to %s', async (_name, body, fields) => {
    const res = await t.send(t.people.team, 'POST', '/api/reading-imports/preview', body);
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual(fields);
  });

  it('answers 422 to a file it cannot read or a column not in it', async () => {
    const empty = await t.send(t.people.team, 'POST', '/api/reading-imports/preview', {
      fileName: 'empty.csv',
      content: base64('\n\n'),
    });
    expect(empty.status).toBe(422);
    expect(empty.body['code']).toBe('import_file_invalid');
    const broken = await t.send(t.people.team, 'POST', '/api/reading-imports/preview', {
      fileName: 'broken.xlsx',
      content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64'),
    });
    expect(broken.status).toBe(422);
    const column = await t.send(t.people.team, 'POST', '/api/reading-imports/preview', {
      fileName: 'a.csv',
      content: base64(FILE),
      mapping: { measure: 'Nope' },
    });
    expect(column.status).toBe(422);
    expect(fieldErrors(column)).toEqual(['mapping.measure']);
    const unmapped = await t.send(t.people.team, 'POST', '/api/reading-imports', {
      fileName: 'a.csv',
      content: base64('Thing,Day\nx,2026-01-01'),
    });
    expect(unmapped.status).toBe(422);
  });

  it('refuses the signed-out, a cross-site post and an unknown template format', async () => {
    const body = { fileName: 'a.csv', content: base64(FILE) };
    expect((await t.send(null, 'POST', '/api/reading-imports/preview', body)).status).toBe(401);
    const crossSite = await t.send(t.people.team, 'POST', '/api/reading-imports', body, {
      Origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const pdf = await t.send(t.people.team, 'GET', '/api/reading-imports/template?format=pdf');
    expect(pdf.status).toBe(400);
    expect(fieldErrors(pdf)).toEqual(['format']);
  });

  it('takes a file larger than the usual body limit (a spreadsheet of 10,000 rows)', async () => {
    const lines = ['Measure,Observed date,Value,Note'];
    for (let i = 0; i < 10_000; i += 1) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
      lines.push(`Repeat calls,${day},${20 + (i % 7)},${'row note '.repeat(8)}${i}`);
    }
    const content = base64(lines.join('\n'));
    expect(content.length).toBeGreaterThan(1024 * 1024);
    const res = await t.send<ReadingImportPreview>(
      t.people.owner,
      'POST',
      '/api/reading-imports/preview',
      { fileName: 'big.csv', content },
    );
    expect(res.status).toBe(200);
    expect(res.body.validCount).toBe(10_000);
  });
});
