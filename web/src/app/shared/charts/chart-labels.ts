import type { InitiativeStatus } from '@waypoint/contracts';

/**
 * Colour per status: distinguishable, each with at least 4.5:1 contrast on white (and white
 * glyphs on them). "On hold" (ochre) and "stopped" (red) differ in hue and, for people who cannot
 * tell the hues apart, in their glyph (STATUS_GLYPHS).
 */
export const STATUS_COLOURS: Record<InitiativeStatus, string> = {
  draft: '#6b7280',
  proposed: '#7c3aed',
  active: '#1565c0',
  on_hold: '#9a6700',
  completed: '#2e7d32',
  stopped: '#b91c1c',
};

/**
 * The non-colour cue of a status on the tension chart and its legend: an SVG path (stroked in
 * white) inside a circle of radius 1 centred on 0,0, scaled to the bubble; null for none.
 * On hold: a pause sign; stopped: a cross; completed: a tick.
 */
export const STATUS_GLYPHS: Record<InitiativeStatus, string | null> = {
  draft: null,
  proposed: null,
  active: null,
  on_hold: 'M -0.3 -0.45 V 0.45 M 0.3 -0.45 V 0.45',
  completed: 'M -0.45 0 L -0.12 0.35 L 0.45 -0.35',
  stopped: 'M -0.4 -0.4 L 0.4 0.4 M 0.4 -0.4 L -0.4 0.4',
};
