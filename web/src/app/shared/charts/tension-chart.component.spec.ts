import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { BubbleChartComponent } from '@swimlane/ngx-charts';
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
    const chart = fixture.debugElement.query(By.directive(BubbleChartComponent));
    const el = fixture.nativeElement as HTMLElement;

    expect(chart).not.toBeNull();
    const results = (chart.componentInstance as BubbleChartComponent).results as Array<{
      name: string;
      series: Array<{ name: string; x: number; y: number; r: number }>;
    }>;
    expect(results.map((s) => s.name)).toEqual(['Active', 'Completed']);
    expect(results[0].series[0]).toMatchObject({ name: 'Call-backs', x: 0.4, y: 0.8, r: 3 });
    expect(
      Array.from(el.querySelectorAll('.chart__legend li')).map((li) => li.textContent?.trim()),
    ).toEqual(['Active', 'Completed']);
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
      ['Call-backs', 'Active', '0.40', '0.80', '3'],
      ['Plain letters', 'Completed', '1.20', '0.30', '1'],
      ['New portal', 'Proposed', 'not measured', 'not measured', '2'],
    ]);
  });

  it('emits the id when a bubble or a table link is chosen', async () => {
    const fixture = await render({ points: POINTS });
    const chosen: string[] = [];
    fixture.componentInstance.pointSelected.subscribe((id) => chosen.push(id));

    const chart = fixture.debugElement.query(By.directive(BubbleChartComponent));
    (chart.componentInstance as BubbleChartComponent).select.emit({
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
