import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MeasureBandChartComponent } from './measure-band-chart.component';
import { MeasureChartComponent } from './measure-chart.component';

const READINGS = [
  { value: 7.1, observedAt: '2026-03-01T00:00:00.000Z' },
  { value: 6.2, observedAt: '2026-01-01T00:00:00.000Z' },
];

async function render(
  inputs: Record<string, unknown>,
): Promise<ComponentFixture<MeasureChartComponent>> {
  const fixture = TestBed.createComponent(MeasureChartComponent);
  const all = { baseline: 6, target: 8, name: 'Satisfaction', unit: 'points', ...inputs };
  for (const [name, value] of Object.entries(all)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture;
}

describe('MeasureChartComponent', () => {
  it('draws the readings oldest first over a shaded baseline-to-target band', async () => {
    const fixture = await render({ readings: READINGS });
    const chart = fixture.debugElement.query(By.directive(MeasureBandChartComponent))
      .componentInstance as MeasureBandChartComponent;

    expect(chart.results[0].series.map((p: { value: number }) => p.value)).toEqual([6.2, 7.1]);
    expect(chart.baseline()).toBe(6);
    expect(chart.target()).toBe(8);
    const el = fixture.nativeElement as HTMLElement;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.querySelector('.wp-band__area')).not.toBeNull();
    expect(el.querySelectorAll('.wp-band__line').length).toBe(2);
    expect(
      Array.from(el.querySelectorAll('.wp-band__label')).map((t) => t.textContent?.trim()),
    ).toEqual(['Baseline 6', 'Target 8']);
    expect(chart.yScaleMin).toBeLessThan(6);
    expect(chart.yScaleMax).toBeGreaterThan(8);
    expect(chart.xAxis).toBe(true);
  });

  it('has a table (date, value) and a summary as its text alternative', async () => {
    const el = (await render({ readings: READINGS })).nativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((c) => c.textContent?.trim()),
    );

    expect(rows).toEqual([
      ['1 Jan 2026', '6.2'],
      ['1 Mar 2026', '7.1'],
    ]);
    expect(el.querySelector('caption')?.textContent).toContain('Readings of Satisfaction (points)');
    expect(el.querySelector('figcaption')?.textContent).toContain(
      'baseline 6 points, target 8 points; latest 7.1 points on 1 Mar 2026',
    );
  });

  it('draws a compact version without axes', async () => {
    const fixture = await render({ readings: READINGS, compact: true });
    const chart = fixture.debugElement.query(By.directive(MeasureBandChartComponent))
      .componentInstance as MeasureBandChartComponent;

    expect(chart.xAxis).toBe(false);
    expect(chart.yAxis).toBe(false);
    expect((fixture.nativeElement as HTMLElement).querySelector('.chart--compact')).not.toBeNull();
  });

  it('shows a single reading as a dot between the baseline and target lines, even compact', async () => {
    const fixture = await render({ readings: [READINGS[0]], compact: true });
    const chart = fixture.debugElement.query(By.directive(MeasureBandChartComponent))
      .componentInstance as MeasureBandChartComponent;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelectorAll('.wp-band__dot').length).toBe(1);
    expect(el.querySelectorAll('.wp-band__line').length).toBe(2);
    expect(el.querySelectorAll('.wp-band__label').length).toBe(0);
    expect(chart.xScaleMin).toBeLessThan(new Date('2026-03-01T00:00:00.000Z').getTime());
  });

  it('shows the empty and the loading state', async () => {
    const empty = (await render({ readings: [] })).nativeElement as HTMLElement;
    expect(empty.textContent).toContain('No readings yet');
    expect(empty.querySelector('table')).toBeNull();

    const loading = (await render({ readings: [], loading: true })).nativeElement as HTMLElement;
    expect(loading.querySelector('[role="status"]')?.textContent).toContain('Loading');
  });
});
