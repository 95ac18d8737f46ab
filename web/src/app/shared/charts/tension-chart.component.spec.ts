import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import {
  placeLabels,
  shortName,
  TensionBubbleChartComponent,
} from './tension-bubble-chart.component';
import { TensionChartComponent, type TensionChartPoint } from './tension-chart.component';

const POINTS: TensionChartPoint[] = [
  {
    id: 'a',
    title: 'Call-backs',
    status: 'active',
    businessIndex: 0.4,
    customerIndex: 0.8,
    teamSize: 3,
  },
  {
    id: 'b',
    title: 'Plain letters',
    status: 'completed',
    businessIndex: 1.2,
    customerIndex: 0.3,
    teamSize: 1,
  },
  {
    id: 'c',
    title: 'New portal',
    status: 'proposed',
    businessIndex: null,
    customerIndex: null,
    teamSize: 2,
  },
];

async function render(
  inputs: Record<string, unknown>,
): Promise<ComponentFixture<TensionChartComponent>> {
  const fixture = TestBed.createComponent(TensionChartComponent);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture;
}

describe('TensionChartComponent', () => {
  it('renders a bubble chart with one series per status and the legend', async () => {
    const fixture = await render({ points: POINTS });
    const chart = fixture.debugElement.query(By.directive(TensionBubbleChartComponent));
    const el = fixture.nativeElement as HTMLElement;

    expect(chart).not.toBeNull();
    const results = (chart.componentInstance as TensionBubbleChartComponent).results as Array<{
      name: string;
      series: Array<{ name: string; x: number; y: number; r: number }>;
    }>;
    expect(results.map((s) => s.name)).toEqual(['Active', 'Completed']);
    expect(results[0].series[0]).toMatchObject({ name: 'Call-backs', x: 0.4, y: 0.8, r: 3 });
    expect(
      Array.from(el.querySelectorAll('.chart__legend li')).map((li) => li.textContent?.trim()),
    ).toEqual(['Active', 'Completed']);
  });

  it('names the quadrants and labels each bubble with a short name', async () => {
    const el = (await render({ points: POINTS })).nativeElement as HTMLElement;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const texts = Array.from(el.querySelectorAll('.wp-tension__quadrant')).map((t) =>
      t.textContent?.trim(),
    );
    expect(texts).toEqual(['Customer first', 'Both gain', 'Rethink', 'Business first']);
    expect(el.querySelectorAll('.wp-tension__guide').length).toBe(2);
  });

  it('lists initiatives without indices as not measured yet', async () => {
    const el = (await render({ points: POINTS })).nativeElement as HTMLElement;

    expect(el.querySelector('.chart__unmeasured')?.textContent).toContain('Not measured yet');
    expect(el.querySelector('.chart__unmeasured')?.textContent).toContain('New portal');
  });

  it('has a table with the same data as its text alternative', async () => {
    const el = (await render({ points: POINTS })).nativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('table tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim()),
    );

    expect(rows).toEqual([
      ['Call-backs', 'Active', '40%', '80%', '3'],
      ['Plain letters', 'Completed', '120%', '30%', '1'],
      ['New portal', 'Proposed', 'not measured', 'not measured', '2'],
    ]);
  });

  it('emits the id when a bubble or a table link is chosen', async () => {
    const fixture = await render({ points: POINTS });
    const chosen: string[] = [];
    fixture.componentInstance.pointSelected.subscribe((id) => chosen.push(id));

    const chart = fixture.debugElement.query(By.directive(TensionBubbleChartComponent));
    (chart.componentInstance as TensionBubbleChartComponent).select.emit({
      name: 'Plain letters',
      extra: { id: 'b' },
    });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('tbody tr a')?.click();

    expect(chosen).toEqual(['b', 'a']);
  });

  it('shows the loading and the empty state', async () => {
    const loading = (await render({ points: [], loading: true })).nativeElement as HTMLElement;
    expect(loading.querySelector('[role="status"]')?.textContent).toContain('Loading');

    const empty = (await render({ points: [] })).nativeElement as HTMLElement;
    expect(empty.textContent).toContain('No initiatives to plot yet.');
    expect(empty.querySelector('table')).toBeNull();
  });
});

describe('bubble labels', () => {
  it('shortens long titles at a word', () => {
    expect(shortName('Call-backs')).toBe('Call-backs');
    expect(shortName('Call-backs instead of queueing at peak hours')).toBe(
      'Call-backs instead of…',
    );
  });

  it('puts labels right of their bubbles, left near the edge, and apart when they would clash', () => {
    const labels = placeLabels(
      [
        { key: 'a', text: 'Alpha', cx: 100, cy: 100, r: 10 },
        { key: 'b', text: 'Beta', cx: 102, cy: 102, r: 10 },
        { key: 'c', text: 'Gamma near the edge', cx: 390, cy: 300, r: 10 },
      ],
      400,
    );
    const [a, b, c] = labels;
    expect(a).toMatchObject({ key: 'a', x: 114, y: 104, anchor: 'start' });
    expect(b?.key).toBe('b');
    expect(Math.abs((b?.y ?? 0) - (a?.y ?? 0))).toBeGreaterThanOrEqual(14);
    expect(c).toMatchObject({ key: 'c', anchor: 'end', x: 376 });
  });
});
