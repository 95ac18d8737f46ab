import type {
  CustomerGroupRef,
  InitiativeListItem,
  InitiativeResponse,
  MeasureSummary,
  MilestoneSummary,
  TeamMember,
  TemplateId,
  UserRef,
} from '@waypoint/contracts';
import { TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { currentMilestoneIndex, needsSponsor, nextInitiativeStatuses } from '@waypoint/domain';
import type { InitiativeEntity } from './initiative.entity';
import type { MilestoneStateRow, RelatedUser, TeamStats } from './initiative-related.repository';
import type { InitiativeListRow } from './initiatives.repository';

/** Everything shown with an initiative besides its own columns. */
export interface InitiativeRelated {
  users: Map<string, RelatedUser>;
  team: TeamMember[];
  customerGroups: CustomerGroupRef[];
  milestones: MilestoneSummary[];
  measures: MeasureSummary[];
  openConditions: number;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function userRef(users: Map<string, RelatedUser>, id: string): UserRef {
  return { id, displayName: users.get(id)?.displayName ?? '' };
}

function sponsorFields(
  users: Map<string, RelatedUser>,
  sponsorId: string | null,
): { sponsor: UserRef | null; needsSponsor: boolean } {
  return {
    sponsor: sponsorId ? userRef(users, sponsorId) : null,
    needsSponsor: needsSponsor(sponsorId, sponsorId ? users.get(sponsorId) : undefined),
  };
}

function templateId(value: string | null): TemplateId | null {
  return TEMPLATE_ID_VALUES.find((id) => id === value) ?? null;
}

export function mapListItem(
  row: InitiativeListRow,
  users: Map<string, RelatedUser>,
  stats: TeamStats | undefined,
  milestones: readonly MilestoneStateRow[],
): InitiativeListItem {
  const current = currentMilestoneIndex(milestones);
  const milestone = current === null ? undefined : milestones[current];
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    approach: row.approach,
    owner: userRef(users, row.ownerId),
    ...sponsorFields(users, row.sponsorId),
    teamSize: stats?.teamSize ?? 0,
    departmentCount: stats?.departmentCount ?? 0,
    currentMilestone: milestone
      ? { id: milestone.id, title: milestone.title, state: milestone.state }
      : null,
    estimatedCustomerValue: row.estimatedCustomerValue,
    estimatedBusinessValue: row.estimatedBusinessValue,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}

export function mapInitiative(
  entity: InitiativeEntity,
  related: InitiativeRelated,
): InitiativeResponse {
  return {
    id: entity.id,
    title: entity.title,
    problem: entity.problem,
    hypothesis: entity.hypothesis,
    approach: entity.approach,
    status: entity.status,
    nextStatuses: [...nextInitiativeStatuses(entity.status)],
    template: templateId(entity.template),
    owner: userRef(related.users, entity.ownerId),
    ...sponsorFields(related.users, entity.sponsorId),
    team: related.team,
    customerGroups: related.customerGroups,
    milestones: related.milestones,
    measures: related.measures,
    openConditions: related.openConditions,
    estimatedCustomerValue: entity.estimatedCustomerValue,
    estimatedBusinessValue: entity.estimatedBusinessValue,
    readiness: { score: entity.readinessScore, notes: entity.readinessNotes },
    version: entity.version,
    createdAt: iso(entity.createdAt),
    updatedAt: iso(entity.updatedAt),
  };
}

/** What the audit trail keeps of an initiative: its own fields, its team and customer groups. */
export function initiativeAuditState(
  entity: InitiativeEntity,
  teamIds: readonly string[],
  customerGroupIds: readonly string[],
): Record<string, unknown> {
  return {
    title: entity.title,
    problem: entity.problem,
    hypothesis: entity.hypothesis,
    approach: entity.approach,
    status: entity.status,
    ownerId: entity.ownerId,
    sponsorId: entity.sponsorId,
    estimatedCustomerValue: entity.estimatedCustomerValue,
    estimatedBusinessValue: entity.estimatedBusinessValue,
    readiness: { score: entity.readinessScore, notes: entity.readinessNotes },
    template: entity.template,
    teamIds: [...teamIds].sort(),
    customerGroupIds: [...customerGroupIds].sort(),
    version: entity.version,
  };
}
