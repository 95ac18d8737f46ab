import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ReadingChartComponent } from './reading-chart.component';

const COST = [
  { id: 'a', value: 6.4, observedAt: '2026-10-05T09:00:00.000Z', detail: 'by Priya' },
  { id: 'b', value: 6.3, observedAt: '2026-11-02T09:00:00.000Z' },
  { id: 'c', value: -3, observedAt: '2026-11-20T09:00:00.000Z' },
  { id: 'd', value: 6.2, observedAt: '2026-12-01T09:00:00.000Z' },
];

async function render(
  inputs: Record<string, unknown>,
): Promise<ComponentFixture<ReadingChartComponent>> {
  const fixture = TestBed.createComponent(ReadingChartComponent);
  const all = { baseline: 6.4, target: 6, name: 'Cost per contact', unit: '£', ...inputs };
  for (const [name, value] of Object.entries(all)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture;
}

const texts = (el: HTMLElement, selector: string): string[] =>
  Array.from(el.querySelectorAll(selector)).map((t) => (t.textContent ?? '').trim());

describe('ReadingChartComponent', () => {
  it('labels the value axis with the unit, the baseline and target lines, and the dates', async () => {
    const fixture = await render({ readings: COST });
    const el = fixture.nativeElement as HTMLElement;
    expect(texts(el, '.reading-chart__unit')).toEqual(['Value (£)']);
    expect(texts(el, '.reading-chart__reference-label')).toEqual(['Baseline £6.40', 'Target £6']);
    const dates = texts(el, 'text.reading-chart__tick').filter((t) => /[A-Z][a-z]{2}/.test(t));
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates[0]).toMatch(/^\d{1,2} (Sep|Oct)$/);
  });

  it('marks an outlier off the scale instead of flattening the others', async () => {
    const fixture = await render({ readings: COST });
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('.reading-chart__outlier')).toHaveLength(1);
    expect(texts(el, '.reading-chart__outlier-label')).toEqual(['-£3 (off scale)']);
    // The three readings in scale spread over most of the plot's height.
    const ys = Array.from(el.querySelectorAll('circle.reading-chart__dot')).map((c) =>
      Number(c.getAttribute('cy')),
    );
    expect(ys).toHaveLength(3);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(40);
    expect(el.querySelector('figcaption')?.textContent).toMatch('1 off the scale');
  });

  it('draws a line at the start of each cycle inside the time shown, named', async () => {
    const fixture = await render({
      readings: COST,
      cycles: [
        { name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' },
        { name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
        { name: '2026-Nov', startsOn: '2026-11-01', endsOn: '2026-11-30' },
      ],
    });
    expect(texts(fixture.nativeElement as HTMLElement, '.reading-chart__cycle-label')).toEqual([
      '2026-Nov',
    ]);
  });

  it('shows a tooltip with the value, the time and the detail of the reading pointed at', async () => {
    const fixture = await render({ readings: COST });
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector('[data-reading="a"]')?.dispatchEvent(new MouseEvent('mouseenter'));
    await fixture.whenStable();
    const tip = el.querySelector('.reading-chart__tooltip')?.textContent ?? '';
    expect(tip).toMatch('£6.40');
    expect(tip).toMatch('5 Oct 2026');
    expect(tip).toMatch('by Priya');

    // The pointer leaves the reading: the tooltip goes (not only when it leaves the chart).
    el.querySelector('[data-reading="a"]')?.dispatchEvent(new MouseEvent('mouseleave'));
    await fixture.whenStable();
    expect(el.querySelector('.reading-chart__tooltip')).toBeNull();
  });

  it('has an empty and a loading state, and a table of the readings as text alternative', async () => {
    const empty = await render({ readings: [] });
    expect((empty.nativeElement as HTMLElement).textContent).toMatch('No readings yet');
    const loading = await render({ readings: COST, loading: true });
    expect((loading.nativeElement as HTMLElement).textContent).toMatch('Loading the chart');
    const full = await render({ readings: COST });
    const rows = (full.nativeElement as HTMLElement).querySelectorAll('table tbody tr');
    expect(rows).toHaveLength(4);
  });
});
