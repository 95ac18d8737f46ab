import { Injectable, NotFoundException, PreconditionFailedException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateInitiativeRequest,
  InitiativeResponse,
  InitiativeTemplate,
  TemplateMeasure,
  UpdateInitiativeRequest,
} from '@waypoint/contracts';
import {
  assertRule,
  confirmTemplateMeasures,
  DomainError,
  fieldErrorsOf,
  initiativePlanProblem,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { requireChanges, PRECONDITION_FAILED_MESSAGE, ValueWrites } from '../common';
import { TemplatesService } from '../templates';
import { InitiativePlanRepository } from './initiative-plan.repository';
import { InitiativeReadsService } from './initiative-reads.service';
import { InitiativeReferences } from './initiative-references';
import { initiativeAuditState } from './initiative.mapper';
import { type InitiativeChanges, InitiativesRepository, NOT_FOUND } from './initiatives.repository';

export const INITIATIVE_ENTITY_TYPE = 'initiative';

/** Planning initiatives: create (from scratch or from a template) and change the plan. */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly initiatives: InitiativesRepository,
    private readonly plan: InitiativePlanRepository,
    private readonly references: InitiativeReferences,
    private readonly reads: InitiativeReadsService,
    private readonly templates: TemplatesService,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  /**
   * The caller becomes the owner; the initiative starts as a draft. From a template, with the
   * baselines and targets the manager confirmed (`measures`), all in one transaction.
   */
  async create(request: CreateInitiativeRequest, actor: Actor): Promise<InitiativeResponse> {
    const template = request.template ? this.templates.find(request.template) : null;
    const approach = request.approach ?? template?.approach;
    if (approach === undefined) {
      throw new DomainError('invalid_request', 'approach: choose one.', {
        approach: ['choose one.'],
      });
    }
    const measures = this.confirmedMeasures(template, request.measures);
    return this.txHost.withTransaction(async () => {
      await this.references.check(request);
      const created = await this.initiatives.insert({
        title: request.title,
        problem: request.problem ?? '',
        hypothesis: request.hypothesis ?? '',
        approach,
        ownerId: actor.userId,
        sponsorId: request.sponsorId ?? null,
        estimatedCustomerValue: request.estimatedCustomerValue ?? null,
        estimatedBusinessValue: request.estimatedBusinessValue ?? null,
        readinessScore: request.readiness?.score ?? null,
        readinessNotes: request.readiness?.notes ?? '',
        template: template?.id ?? null,
      });
      const teamIds = request.teamIds ?? [];
      const groupIds = request.customerGroupIds ?? [];
      await this.initiatives.replaceTeam(created.id, teamIds);
      await this.initiatives.replaceCustomerGroups(created.id, groupIds);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: INITIATIVE_ENTITY_TYPE,
        entityId: created.id,
        initiativeId: created.id,
        after: initiativeAuditState(created, teamIds, groupIds),
      });
      if (template) await this.fillIn(created.id, template, measures, actor);
      return this.reads.describe(created.id);
    });
  }

  /** The template's measures with the confirmed values; 422 naming what cannot be taken. */
  private confirmedMeasures(
    template: InitiativeTemplate | null,
    confirmed: CreateInitiativeRequest['measures'],
  ): TemplateMeasure[] {
    if (!template) {
      if (confirmed === undefined) return [];
      const problem = 'measures: only a plan from a template confirms its measures.';
      throw new DomainError('invalid_request', problem, fieldErrorsOf([problem]));
    }
    const { measures, problems } = confirmTemplateMeasures(template.measures, confirmed ?? []);
    if (problems.length > 0) {
      throw new DomainError('measure_scale_invalid', problems.join(' '), fieldErrorsOf(problems));
    }
    return measures;
  }

  /** Milestones (criteria unchecked) and measures of the template, counter-measures linked. */
  private async fillIn(
    initiativeId: string,
    template: InitiativeTemplate,
    templateMeasures: readonly TemplateMeasure[],
    actor: Actor,
  ): Promise<void> {
    const milestones = await this.plan.insertMilestones(initiativeId, template.milestones);
    for (const milestone of milestones) {
      await this.audit.record({
        actor,
        action: 'create',
        entityType: 'milestone',
        entityId: milestone.id,
        initiativeId,
        after: { ...milestone, template: template.id },
      });
    }
    const measures = await this.plan.insertMeasures(initiativeId, templateMeasures);
    for (const measure of measures) {
      await this.audit.record({
        actor,
        action: 'create',
        entityType: 'measure',
        entityId: measure.id,
        initiativeId,
        after: { ...measure, template: template.id },
      });
    }
    if (measures.length > 0) await this.valueWrites.initiativesChanged([initiativeId]);
  }

  /** Conditional on the version read (If-Match); team and customer groups are replaced. */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateInitiativeRequest,
    actor: Actor,
  ): Promise<InitiativeResponse> {
    const { teamIds, customerGroupIds, readiness, ...fields } = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.initiatives.findById(id);
      if (!before) throw new NotFoundException(NOT_FOUND);
      if (before.version !== expectedVersion) {
        throw new PreconditionFailedException(PRECONDITION_FAILED_MESSAGE);
      }
      assertRule('plan_closed', initiativePlanProblem(before.status));
      await this.references.check(request);
      const teamBefore = await this.initiatives.teamIds(id);
      const groupsBefore = await this.initiatives.customerGroupIds(id);
      const changes: InitiativeChanges = {
        ...fields,
        ...(readiness?.score !== undefined ? { readinessScore: readiness.score } : {}),
        ...(readiness?.notes !== undefined ? { readinessNotes: readiness.notes } : {}),
      };
      const after = await this.initiatives.update(id, expectedVersion, changes);
      if (teamIds) await this.initiatives.replaceTeam(id, teamIds);
      if (customerGroupIds) {
        await this.initiatives.replaceCustomerGroups(id, customerGroupIds);
      }
      await this.audit.record({
        actor,
        action: 'update',
        entityType: INITIATIVE_ENTITY_TYPE,
        entityId: id,
        initiativeId: id,
        before: initiativeAuditState(before, teamBefore, groupsBefore),
        after: initiativeAuditState(after, teamIds ?? teamBefore, customerGroupIds ?? groupsBefore),
      });
      return this.reads.describe(id);
    });
  }
}
