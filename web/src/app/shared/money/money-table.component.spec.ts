import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { barWidth, MoneyTableComponent, type MoneyTableRow } from './money-table.component';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

const Q3: MoneyTableRow = {
  key: 'c1',
  label: '2026-Q3',
  expectedMinor: 2_000_000,
  realisedMinor: 500_000,
};
const Q4: MoneyTableRow = { key: 'c2', label: '2026-Q4', expectedMinor: 0, realisedMinor: 0 };

async function render(
  inputs: Record<string, unknown>,
): Promise<{ fixture: ComponentFixture<MoneyTableComponent>; el: HTMLElement }> {
  const fixture = TestBed.createComponent(MoneyTableComponent);
  const all = { caption: 'Benefit per cycle', heading: 'Cycle', currency: 'GBP', ...inputs };
  for (const [name, value] of Object.entries(all)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

const bars = (row: Element | null | undefined) =>
  Array.from(row?.querySelectorAll<HTMLElement>('.money-table__bar') ?? []).map((bar) => ({
    kind: bar.className.replace(/.*money-table__bar--/, ''),
    width: bar.style.width,
  }));

describe('MoneyTableComponent', () => {
  it('has a caption, the three column headings and a row per line in the currency', async () => {
    const { el } = await render({ rows: [Q3, Q4] });
    expect(text(el.querySelector('caption'))).toBe('Benefit per cycle');
    expect(Array.from(el.querySelectorAll('thead th')).map(text)).toEqual([
      'Cycle',
      'Expected',
      'Realised',
    ]);
    expect(el.querySelector('thead th')?.getAttribute('scope')).toBe('col');
    const rows = el.querySelectorAll('tbody tr');
    expect(Array.from(rows).map(text)).toEqual(['2026-Q3 £20,000 £5,000', '2026-Q4 £0 £0']);
    expect(rows[0]?.querySelector('th')?.getAttribute('scope')).toBe('row');
    expect(el.querySelector('tfoot')).toBeNull();
    expect(el.querySelector('.money-table__bar')).toBeNull();
  });

  it('draws bars against the largest amount, and a count bar against the largest count', async () => {
    const { el } = await render({
      rows: [
        { ...Q3, count: 4 },
        { ...Q4, realisedMinor: 1_000_000, count: 1 },
      ],
      bars: true,
    });
    const [first, second] = Array.from(el.querySelectorAll('tbody tr'));
    expect(bars(first)).toEqual([
      { kind: 'count', width: '100%' },
      { kind: 'expected', width: '100%' },
      { kind: 'realised', width: '25%' },
    ]);
    expect(bars(second)).toEqual([
      { kind: 'count', width: '25%' },
      { kind: 'expected', width: '0%' },
      { kind: 'realised', width: '50%' },
    ]);
  });

  it('puts the notes under the label and the realised figure, with a link to the evidence', async () => {
    const { el } = await render({
      rows: [
        {
          ...Q3,
          labelNote: '2 initiatives',
          realisedNote: 'Entered with evidence: the March survey',
          evidenceUrl: 'https://example.com/survey',
        },
      ],
    });
    expect(text(el.querySelector('tbody th'))).toBe('2026-Q3 2 initiatives');
    const realised = el.querySelectorAll('tbody td')[1];
    expect(text(realised?.querySelector('span'))).toBe('Entered with evidence: the March survey');
    const link = realised?.querySelector('a');
    expect(text(link)).toBe('The evidence');
    expect(link?.getAttribute('href')).toBe('https://example.com/survey');
    expect(link?.getAttribute('rel')).toBe('noopener');
    expect(el.querySelector('table')?.classList).toContain('money-table--explained');
  });

  it('says so when there are no rows, or leaves the body empty', async () => {
    const said = await render({ rows: [], empty: 'No cycles yet.' });
    expect(text(said.el.querySelector('tbody'))).toBe('No cycles yet.');
    expect(said.el.querySelector('tbody td')?.getAttribute('colspan')).toBe('3');
    const quiet = await render({ rows: [] });
    expect(quiet.el.querySelectorAll('tbody tr')).toHaveLength(0);
  });

  it('ends with the total when one is given', async () => {
    const { el } = await render({
      rows: [Q3],
      total: { label: 'So far', expectedMinor: 2_000_000, realisedMinor: 500_000 },
    });
    expect(text(el.querySelector('tfoot tr'))).toBe('So far£20,000£5,000');
    expect(el.querySelector('tfoot th')?.getAttribute('scope')).toBe('row');
  });
});

describe('barWidth', () => {
  it.each([
    [0, 100, 0],
    [50, 100, 50],
    [1, 1000, 2],
    [10, 0, 0],
  ])('a bar of %d against %d is %d%% wide', (value, largest, want) => {
    expect(barWidth(value, largest)).toBe(want);
  });
});
