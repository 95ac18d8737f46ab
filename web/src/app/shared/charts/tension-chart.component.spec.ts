import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import {
  arrowTo,
  placeLabels,
  shortName,
  TensionBubbleChartComponent,
} from './tension-bubble-chart.component';
import { TensionChartComponent, type TensionChartPoint } from './tension-chart.component';
import { plotPoints } from './tension-chart-view.component';
import {
  clampIndex,
  formatTensionTick,
  movementText,
  TENSION_SCALE,
  TENSION_TICKS,
} from './tension-chart-scale';

const POINTS: TensionChartPoint[] = [
  {
    id: 'a',
    title: 'Call-backs',
    status: 'active',
    businessIndex: 0.4,
    customerIndex: 0.8,
    openingBusinessIndex: 0.3,
    openingCustomerIndex: 0.45,
    teamSize: 3,
  },
  {
    id: 'b',
    title: 'Plain letters',
    status: 'completed',
    businessIndex: 1.8,
    customerIndex: 0.3,
    openingBusinessIndex: null,
    openingCustomerIndex: null,
    teamSize: 1,
  },
  {
    id: 'c',
    title: 'New portal',
    status: 'proposed',
    businessIndex: null,
    customerIndex: null,
    openingBusinessIndex: null,
    openingCustomerIndex: null,
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
  it('renders a bubble chart with one series per status, clamped to the scale', async () => {
    const fixture = await render({ points: POINTS });
    const chart = fixture.debugElement.query(By.directive(TensionBubbleChartComponent));

    expect(chart).not.toBeNull();
    const results = (chart.componentInstance as TensionBubbleChartComponent).results as Array<{
      name: string;
      series: Array<{ name: string; x: number; y: number; r: number }>;
    }>;
    expect(results.map((s) => s.name)).toEqual(['Active', 'Completed']);
    expect(results[0].series[0]).toMatchObject({ name: 'Call-backs', x: 0.4, y: 0.8, r: 3 });
    // 180% is drawn at the right edge (150%).
    expect(results[1].series[0]).toMatchObject({ name: 'Plain letters', x: 1.5, y: 0.3 });
  });

  it('keeps its legend of every status, on hold and stopped told apart by colour and glyph', async () => {
    const el = (await render({ points: POINTS })).nativeElement as HTMLElement;
    const items = Array.from(el.querySelectorAll('.chart__legend li'));

    expect(items.map((li) => li.textContent?.trim())).toEqual([
      'Draft',
      'Proposed',
      'Active',
      'On hold',
      'Completed',
      'Stopped',
    ]);
    const swatch = (status: string) =>
      el.querySelector(`.chart__legend li[data-status="${status}"] svg`);
    const onHold = swatch('on_hold');
    const stopped = swatch('stopped');
    expect(onHold?.querySelector('circle')?.getAttribute('fill')).not.toBe(
      stopped?.querySelector('circle')?.getAttribute('fill'),
    );
    expect(onHold?.querySelector('path')?.getAttribute('d')).toBeTruthy();
    expect(stopped?.querySelector('path')?.getAttribute('d')).toBeTruthy();
    expect(onHold?.querySelector('path')?.getAttribute('d')).not.toBe(
      stopped?.querySelector('path')?.getAttribute('d'),
    );
  });

  it('keeps the same axes whatever the points', async () => {
    const axes = async (points: TensionChartPoint[]) => {
      const fixture = await render({ points });
      const chart = fixture.debugElement.query(By.directive(TensionBubbleChartComponent))
        .componentInstance as TensionBubbleChartComponent;
      return [chart.xScaleMin, chart.xScaleMax, chart.yScaleMin, chart.yScaleMax, chart.xAxisTicks];
    };
    const near = await axes([{ ...POINTS[0] }]);
    const far = await axes([{ ...POINTS[0], businessIndex: -3, customerIndex: 4 }]);

    expect(near).toEqual([-0.5, 1.5, -0.5, 1.5, [-0.5, 0, 0.5, 1, 1.5]]);
    expect(far).toEqual(near);
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

  it('draws an arrow only for a point with an opening, and marks a point beyond the scale', async () => {
    const fixture = await render({ points: POINTS });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelectorAll('.wp-tension__trail')).toHaveLength(1);
    expect(el.querySelectorAll('.wp-tension__clamped')).toHaveLength(1);
    // Completed gets its tick; active has no glyph.
    expect(el.querySelectorAll('.wp-tension__glyph')).toHaveLength(1);
  });

  it("shows a bubble's tooltip while it has the focus or the pointer, and closes it when they leave", async () => {
    const fixture = await render({ points: POINTS });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const bubble = el.querySelector<SVGElement>('.wp-tension__hit[data-id="a"]');
    const tooltip = () => el.querySelector('.wp-tension__tooltip');
    if (!bubble) throw new Error('no bubble to focus');

    expect(bubble.getAttribute('aria-label')).toContain(
      'Since the cycle opened: Customer 45% → 80% (+35 points)',
    );
    bubble.dispatchEvent(new FocusEvent('focus'));
    fixture.detectChanges();
    expect(tooltip()?.textContent).toContain('Customer 45% → 80% (+35 points)');
    bubble.dispatchEvent(new FocusEvent('blur'));
    fixture.detectChanges();
    expect(tooltip()).toBeNull();

    bubble.dispatchEvent(new MouseEvent('mouseenter'));
    fixture.detectChanges();
    expect(tooltip()?.textContent).toContain('Call-backs');
    bubble.dispatchEvent(new MouseEvent('mouseleave'));
    fixture.detectChanges();
    expect(tooltip()).toBeNull();
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
      [
        'Call-backs',
        'Active',
        '40%',
        '80%',
        'Customer 45% → 80% (+35 points), business 30% → 40% (+10 points)',
        '3',
      ],
      [
        'Plain letters',
        'Completed',
        '180% (beyond 150%, shown at the edge)',
        '30%',
        'No movement to show',
        '1',
      ],
      ['New portal', 'Proposed', 'not measured', 'not measured', 'No movement to show', '2'],
    ]);
    expect(el.querySelector('figcaption')?.textContent).toContain(
      'Arrows run from where each initiative stood when the cycle opened',
    );
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

describe('the fixed scale', () => {
  it('runs from -50% to 150% with ticks every 50%', () => {
    expect(TENSION_SCALE).toEqual({ min: -0.5, max: 1.5 });
    expect(TENSION_TICKS.map(formatTensionTick)).toEqual(['-50%', '0%', '50%', '100%', '150%']);
  });

  it.each([
    [0.4, 0.4, null],
    [-0.5, -0.5, null],
    [1.5, 1.5, null],
    [-0.8, -0.5, 'below'],
    [2.3, 1.5, 'above'],
  ])('draws %p at %p (clamped %p)', (value, drawn, clamped) => {
    expect(clampIndex(value)).toEqual({ value: drawn, clamped });
  });
});

describe('the movement since the cycle opened', () => {
  it('says both moves in points, or nothing without an opening', () => {
    expect(
      movementText({
        customerIndex: 0.45,
        businessIndex: 0.05,
        openingCustomerIndex: 0.3,
        openingBusinessIndex: 0.1,
      }),
    ).toBe('Customer 30% → 45% (+15 points), business 10% → 5% (-5 points)');
    expect(
      movementText({
        customerIndex: 0.45,
        businessIndex: 0.05,
        openingCustomerIndex: null,
        openingBusinessIndex: 0.1,
      }),
    ).toBeNull();
  });

  it('plots an arrow from the clamped opening, and the tooltip says the move', () => {
    const [a, b] = plotPoints([{ ...POINTS[0], openingBusinessIndex: -2 }, POINTS[1], POINTS[2]]);
    expect(a.from).toEqual({ x: -0.5, y: 0.45 });
    expect(a.tooltip).toEqual([
      'Call-backs',
      'Status: Active',
      'Business value 40%',
      'Customer value 80%',
      'Since the cycle opened: Customer 45% → 80% (+35 points), business -200% → 40% (+240 points)',
    ]);
    expect(b.from).toBeNull();
    expect(b.x).toEqual({ value: 1.5, clamped: 'above' });
    expect(b.tooltip[2]).toBe('Business value 180% (beyond 150%, shown at the edge)');
  });

  it('ends the arrow at the rim of the bubble, and draws none inside it', () => {
    expect(arrowTo(0, 0, 100, 0, 10)).toEqual({ x1: 0, y1: 0, x2: 89, y2: 0 });
    expect(arrowTo(0, 0, 8, 0, 10)).toBeNull();
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
