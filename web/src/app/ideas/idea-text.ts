import { IDEA_ESTIMATE_MAX, type IdeaResponse } from '@waypoint/contracts';
import { ideaEffortLabel } from '../shared/vocabulary';

/**
 * An idea's estimates as its submitter gave them, each with its scale: "Customer impact 8 of 10
 * · business value 6 of 10 · effort: a few weeks (2 of 5)".
 */
export function estimatesText(
  idea: Pick<IdeaResponse, 'customerImpact' | 'businessValue' | 'effort'>,
): string {
  return [
    `Customer impact ${idea.customerImpact} of ${IDEA_ESTIMATE_MAX}`,
    `business value ${idea.businessValue} of ${IDEA_ESTIMATE_MAX}`,
    `effort: ${ideaEffortLabel(idea.effort).toLowerCase()}`,
  ].join(' · ');
}
