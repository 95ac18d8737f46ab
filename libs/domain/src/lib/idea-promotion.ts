import {
  type CreateInitiativeRequest,
  INITIATIVE_TEXT_MAX_LENGTH,
  INITIATIVE_TITLE_MAX_LENGTH,
  type PromoteIdeaRequest,
} from '@waypoint/contracts';

/** What a promotion takes from the idea. */
export interface IdeaToPromote {
  title: string;
  pain: string;
  evidence: string;
  customerGroupId: string;
  customerImpact: number;
  businessValue: number;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The initiative's problem as the idea states it: the pain, then the evidence. */
export function problemFromIdea(idea: Pick<IdeaToPromote, 'pain' | 'evidence'>): string {
  const evidence = idea.evidence.trim();
  return cut(
    evidence ? `${idea.pain}\n\nEvidence: ${evidence}` : idea.pain,
    INITIATIVE_TEXT_MAX_LENGTH,
  );
}

/**
 * The plan of the initiative an idea is promoted to: what the manager sent, and from the idea what
 * they left out (title, problem, estimates: customer impact as the estimated customer value,
 * business value as the estimated business value). The idea's customer group is always served.
 * The wizard prefills its form with `planFromIdea(idea, {})`.
 */
export function planFromIdea(
  idea: IdeaToPromote,
  request: PromoteIdeaRequest,
): CreateInitiativeRequest {
  const groups = request.customerGroupIds ?? [];
  return {
    ...request,
    title: request.title ?? cut(idea.title, INITIATIVE_TITLE_MAX_LENGTH),
    problem: request.problem ?? problemFromIdea(idea),
    customerGroupIds: groups.includes(idea.customerGroupId)
      ? groups
      : [idea.customerGroupId, ...groups],
    estimatedCustomerValue: request.estimatedCustomerValue ?? idea.customerImpact,
    estimatedBusinessValue: request.estimatedBusinessValue ?? idea.businessValue,
  };
}
