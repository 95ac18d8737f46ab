import { Injectable, NotFoundException } from '@nestjs/common';
import type { MilestoneDetailResponse, MilestoneResponse, Page } from '@waypoint/contracts';
import { pageOf, type PageRequest } from '../common';
import { GateRecordsRepository } from './gate-records.repository';
import { conditionPeople, mapDecision, mapSubmission } from './gate.mapper';
import { mapMilestone } from './milestone.mapper';
import {
  MILESTONE_NOT_FOUND,
  type MilestoneFilter,
  MilestonesRepository,
} from './milestones.repository';
import { PeopleRepository } from './people.repository';

/** Every decision of one milestone fits in one page (a milestone has a handful). */
const ALL_DECISIONS: PageRequest = { limit: 1000, offset: 0 };

/** Reading milestones: the list of an initiative and one milestone with its gate records. */
@Injectable()
export class MilestoneViewsService {
  constructor(
    private readonly milestones: MilestonesRepository,
    private readonly records: GateRecordsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async list(
    initiativeId: string,
    filter: MilestoneFilter,
    page: PageRequest,
  ): Promise<Page<MilestoneResponse>> {
    const { rows, total } = await this.milestones.list(initiativeId, filter, page);
    const [measureIds, openConditions, placed] = await Promise.all([
      this.milestones.measureIds(rows.map((row) => row.id)),
      this.records.openConditions(initiativeId),
      this.milestones.placed(initiativeId),
    ]);
    const people = await this.people.refs([
      ...rows.map((row) => row.submittedBy),
      ...conditionPeople(openConditions),
    ]);
    const context = { measureIds, people, openConditions, placed };
    return pageOf(
      rows.map((row) => mapMilestone(row, context)),
      total,
      page,
    );
  }

  /** One milestone with its latest evidence snapshot and every decision on it (ETag: version). */
  async get(id: string): Promise<MilestoneDetailResponse> {
    return this.describe(id);
  }

  /** The detail, read in the current unit of work (inside a write's transaction, its own writes). */
  async describe(id: string): Promise<MilestoneDetailResponse> {
    const milestone = await this.milestones.findById(id);
    if (!milestone) throw new NotFoundException(MILESTONE_NOT_FOUND);
    const measureIds = await this.milestones.measureIds([id]);
    const openConditions = await this.records.openConditions(milestone.initiativeId);
    const placed = await this.milestones.placed(milestone.initiativeId);
    const submission = await this.records.latestSubmission(id);
    const { rows: decisions } = await this.records.decisionsOf(id, ALL_DECISIONS);
    const conditions = await this.records.conditionsOf(decisions.map((decision) => decision.id));
    const people = await this.people.refs([
      milestone.submittedBy,
      submission?.submittedBy,
      ...decisions.map((decision) => decision.deciderId),
      ...conditionPeople(openConditions),
      ...conditionPeople(conditions),
    ]);
    return {
      ...mapMilestone(milestone, { measureIds, people, openConditions, placed }),
      latestSubmission: submission ? mapSubmission(submission, people) : null,
      decisions: decisions.map((decision) => mapDecision(decision, conditions, people)),
    };
  }
}
