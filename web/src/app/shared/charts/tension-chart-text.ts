import { formatIndex } from '../format';
import { STATUS_LABEL } from '../vocabulary';
import { clampedText, clampIndex, movementText } from './tension-chart-scale';
import type { TensionChartPoint } from './tension-chart.component';

/** "45%", or "180% (beyond 150%, shown at the edge)" for an index drawn at the chart's edge. */
export function plottedIndexText(value: number | null): string {
  if (value === null) return formatIndex(null);
  const note = clampedText(clampIndex(value));
  return note ? `${formatIndex(value)} (${note})` : formatIndex(value);
}

/**
 * The lines of a bubble's tooltip (and, joined, its accessible name): title, status, both
 * indices, and the movement since the cycle opened when there is one.
 */
export function tensionTooltip(p: TensionChartPoint): string[] {
  const lines = [
    p.title,
    `Status: ${STATUS_LABEL[p.status]}`,
    `Business value ${plottedIndexText(p.businessIndex)}`,
    `Customer value ${plottedIndexText(p.customerIndex)}`,
  ];
  const movement = movementText(p);
  if (movement) lines.push(`Since the cycle opened: ${movement}`);
  return lines;
}
