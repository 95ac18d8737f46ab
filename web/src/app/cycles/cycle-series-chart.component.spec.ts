import { TestBed } from '@angular/core/testing';
import { CycleSeriesChartComponent } from './cycle-series-chart.component';

describe('CycleSeriesChartComponent', () => {
  function create(lines: Array<{ name: string; values: Array<number | null> }>, loading = false) {
    const fixture = TestBed.createComponent(CycleSeriesChartComponent);
    fixture.componentRef.setInput('categories', ['Q2', 'Q3']);
    fixture.componentRef.setInput('lines', lines);
    fixture.componentRef.setInput('label', 'Index per cycle');
    fixture.componentRef.setInput('loading', loading);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('has a text alternative: a table of the values as percentages', () => {
    const el = create([{ name: 'Customer index', values: [0.1, null] }]);
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((tr) => tr.textContent?.trim());
    expect(el.querySelector('caption')?.textContent).toContain('Index per cycle');
    expect(rows[0]).toContain('10%');
    expect(rows[1]).toContain('—');
  });

  it('shows an empty state when no line has a value', () => {
    const el = create([{ name: 'Customer index', values: [null, null] }]);
    expect(el.textContent).toContain('Nothing to show yet.');
    expect(el.querySelector('table')).toBeNull();
  });

  it('shows a loading state', () => {
    const el = create([{ name: 'Customer index', values: [0.1, 0.2] }], true);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Loading');
  });
});
