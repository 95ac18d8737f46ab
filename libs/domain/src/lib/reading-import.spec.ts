import {
  type ImportRowFacts,
  importRowProblems,
  matchImportColumns,
  parseImportDate,
  parseImportValue,
} from './reading-import';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('matchImportColumns', () => {
  it("matches the template's headers and common names", () => {
    expect(
      matchImportColumns(['Measure', 'Observed date', 'Value', 'Note', 'Evidence link']),
    ).toEqual({
      measure: 'Measure',
      observedAt: 'Observed date',
      value: 'Value',
      note: 'Note',
      evidenceUrl: 'Evidence link',
    });
    expect(matchImportColumns(['KPI', 'date', 'Reading', 'other'])).toEqual({
      measure: 'KPI',
      observedAt: 'date',
      value: 'Reading',
    });
  });
});

describe('parseImportDate', () => {
  it.each<[string | number | Date | null, Date | 'missing' | 'invalid']>([
    ['2026-03-31', day('2026-03-31')],
    [' 31 Mar 2026 ', day('2026-03-31')],
    ['5 September 2026', day('2026-09-05')],
    ['2026-03-31T10:30:00Z', new Date('2026-03-31T10:30:00Z')],
    ['2026-03-31 10:30+02:00', new Date('2026-03-31T08:30:00Z')],
    [day('2026-01-02'), day('2026-01-02')],
    ['2026-02-30', 'invalid'],
    ['03/04/2026', 'invalid'],
    ['yesterday', 'invalid'],
    [45000, 'invalid'],
    ['', 'missing'],
    [null, 'missing'],
  ])('%j -> %j', (cell, expected) => {
    expect(parseImportDate(cell)).toEqual(expected);
  });
});

describe('parseImportValue', () => {
  it.each<[string | number | Date | null, number | 'missing' | 'invalid']>([
    [42, 42],
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1,234.5', 1234.5],
    ['.5', 0.5],
    ['+7', 7],
    ['12 345', 12345],
    ['abc', 'invalid'],
    ['4,2', 'invalid'],
    ['42%', 'invalid'],
    ['1e3', 'invalid'],
    [Number.NaN, 'invalid'],
    [day('2026-01-01'), 'invalid'],
    ['', 'missing'],
    [null, 'missing'],
  ])('%j -> %j', (cell, expected) => {
    expect(parseImportValue(cell)).toEqual(expected);
  });
});

describe('importRowProblems', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const good: ImportRowFacts = {
    measureText: 'NPS',
    measuresFound: 1,
    measureName: 'NPS',
    mayRecord: true,
    observedAt: day('2026-05-01'),
    value: 40,
    valueText: '40',
    note: '',
    evidenceUrl: '',
    duplicateOfReading: false,
    duplicateOfLine: null,
  };
  const codes = (facts: Partial<ImportRowFacts>): string[] =>
    importRowProblems({ ...good, ...facts }, now, 60_000).map((p) => p.code);

  it.each<[string, Partial<ImportRowFacts>, string[]]>([
    ['a good row', {}, []],
    ['an unknown measure', { measuresFound: 0, measureName: null }, ['unknown_measure']],
    ['two measures of that name', { measuresFound: 2 }, ['ambiguous_measure']],
    ['no permission', { mayRecord: false }, ['no_permission']],
    ['no measure', { measureText: '', measuresFound: 0 }, ['measure_missing']],
    ['a date in the future', { observedAt: day('2026-06-02') }, ['date_in_future']],
    ['within the clock skew', { observedAt: new Date('2026-06-01T12:00:30Z') }, []],
    ['a bad date', { observedAt: 'invalid' }, ['date_invalid']],
    ['not a number', { value: 'invalid', valueText: 'n/a' }, ['not_a_number']],
    ['a duplicate', { duplicateOfReading: true }, ['duplicate_reading']],
    ['a duplicate in the file', { duplicateOfLine: 3 }, ['duplicate_in_file']],
    ['a link that is no link', { evidenceUrl: 'ftp://x' }, ['evidence_not_a_link']],
    [
      'several problems at once',
      { measuresFound: 0, value: 'missing', observedAt: 'missing' },
      ['unknown_measure', 'date_missing', 'value_missing'],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  it('names the value at fault', () => {
    const [problem] = importRowProblems(
      { ...good, value: 'invalid', valueText: 'lots' },
      now,
      60_000,
    );
    expect(problem?.message).toBe('The value "lots" is not a number.');
    const [future] = importRowProblems({ ...good, observedAt: day('2030-04-15') }, now, 0);
    expect(future?.message).toContain('15 Apr 2030');
  });
});
