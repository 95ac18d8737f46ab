/** How a cell of the moments heat map reads. */
export type MomentHeatLevel = 'unrated' | 'poor' | 'fair' | 'good';

export interface MomentHeatInput {
  /** 1-5, null until rated. */
  rating: number | null;
  activeInitiatives: number;
  openIdeas: number;
}

export interface MomentHeat {
  level: MomentHeatLevel;
  /** 0 (rated 5) to 1 (rated 1); null until rated. The worst moments sort first by it. */
  pain: number | null;
  /** A poor moment with no initiative in flight: where attention is due. */
  unattended: boolean;
  /** The cell in words (its accessible name and tooltip). */
  words: string;
}

/** The colour rule as the Moments page states it. */
export const MOMENT_HEAT_IN_WORDS =
  'Each moment is coloured by how customers experience it now: rated 1 or 2 of 5 is poor (red), 3 is fair (amber), 4 or 5 is good (green), and grey until someone rates it. A poor moment with no initiative in flight is marked "Nothing in flight".';

const LEVEL_WORDS: Readonly<Record<MomentHeatLevel, string>> = {
  unrated: 'not rated yet',
  poor: 'poor',
  fair: 'fair',
  good: 'good',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The heat of a moment: its level from the rating (1-2 poor, 3 fair, 4-5 good, none unrated), its
 * pain ((5 - rating) / 4), and whether it is poor with nothing in flight.
 */
export function momentHeat(input: MomentHeatInput): MomentHeat {
  const { rating, activeInitiatives, openIdeas } = input;
  const level: MomentHeatLevel =
    rating === null ? 'unrated' : rating <= 2 ? 'poor' : rating === 3 ? 'fair' : 'good';
  const pain = rating === null ? null : Math.min(1, Math.max(0, (5 - rating) / 4));
  const unattended = level === 'poor' && activeInitiatives === 0;
  const rated = rating === null ? 'Not rated yet' : `Rated ${rating} of 5: ${LEVEL_WORDS[level]}`;
  const inFlight =
    activeInitiatives === 0
      ? 'nothing in flight'
      : `${plural(activeInitiatives, 'initiative', 'initiatives')} in flight`;
  const ideas = openIdeas === 0 ? 'no open ideas' : plural(openIdeas, 'open idea', 'open ideas');
  return { level, pain, unattended, words: `${rated}; ${inFlight}; ${ideas}.` };
}

/**
 * Null when `proposed` lists exactly the group's moments (`current`), each once; else what is
 * wrong. A reorder never adds or drops a moment.
 */
export function momentOrderProblem(
  current: readonly string[],
  proposed: readonly string[],
): string | null {
  const wanted = new Set(current);
  const given = new Set(proposed);
  if (given.size !== proposed.length) return 'momentIds: list each moment once.';
  if (given.size !== wanted.size || [...given].some((id) => !wanted.has(id))) {
    return "momentIds: list every moment of the group's journey, and only those.";
  }
  return null;
}

/**
 * The columns of the heat map: the moment names of every journey, in journey order. Names are
 * matched ignoring case and written as first seen; a name is placed by its average position over
 * the journeys that have it (ties: in the order first seen).
 */
export function heatMapColumns(
  journeys: ReadonlyArray<ReadonlyArray<{ name: string; position: number }>>,
): string[] {
  const seen = new Map<string, { name: string; sum: number; count: number; order: number }>();
  let order = 0;
  for (const journey of journeys) {
    for (const moment of journey) {
      const key = moment.name.toLowerCase();
      const known = seen.get(key);
      if (known) {
        known.sum += moment.position;
        known.count += 1;
      } else {
        seen.set(key, { name: moment.name, sum: moment.position, count: 1, order: order++ });
      }
    }
  }
  return [...seen.values()]
    .sort((a, b) => a.sum / a.count - b.sum / b.count || a.order - b.order)
    .map((c) => c.name);
}
