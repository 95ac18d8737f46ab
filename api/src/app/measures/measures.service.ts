import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateMeasureRequest,
  MeasureStandingChange,
  MeasureListItem,
  MeasureResponse,
  MeasureSearchQuery,
  MeasureSort,
  Page,
  UpdateMeasureRequest,
} from '@waypoint/contracts';
import {
  assertRules,
  baselineFreezeProblem,
  counterMeasureProblems,
  DomainError,
  isWorsening,
  type PlannedScale,
  scaleProblems,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor, AuthenticatedUser } from '../auth';
import { ME, requireChanges, pageOf, type PageRequest, ValueWrites } from '../common';
import { readScope } from '../initiatives';
import { MeasureSearchRepository, type StoredStandingRow } from './measure-search.repository';
import { measureRecord, measureViews } from './measure-view';
import type { MeasureEntity } from './measure.entity';
import {
  type MeasureChanges,
  type MeasureFilter,
  type MeasureValues,
  MeasuresRepository,
} from './measures.repository';

const ENTITY_TYPE = 'measure';
const NOT_FOUND = 'No such measure.';

/** Measures (KPIs) of an initiative: their scale, links and the rules that keep them sound. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly measures: MeasuresRepository,
    private readonly search: MeasureSearchRepository,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  async list(
    initiativeId: string,
    filter: MeasureFilter,
    sort: MeasureSort,
    page: PageRequest,
  ): Promise<Page<MeasureResponse>> {
    const { rows, total } = await this.measures.list(initiativeId, filter, sort, page);
    return pageOf(await this.describe(rows), total, page);
  }

  /**
   * Measures across the initiatives the user may read (the initiatives list's rule), each with
   * its initiative, its counter-measure's progress and its stored change over the current cycle:
   * seven statements whatever the page (page, count, the measures and their counter-measures,
   * readings, customer groups, recorders, standings).
   */
  async find(
    query: MeasureSearchQuery & PageRequest,
    user: AuthenticatedUser,
    now: Date,
  ): Promise<Page<MeasureListItem>> {
    const { limit, offset, recorderId, sort = 'initiative', ...filter } = query;
    const page = { limit, offset };
    const { rows, total } = await this.search.search(
      {
        ...filter,
        ...(recorderId === undefined
          ? {}
          : { recorderId: recorderId === ME ? user.id : recorderId }),
        readableBy: readScope(user),
        sort,
        now,
      },
      page,
    );
    const entities = await this.search.byIds([
      ...rows.map((row) => row.id),
      ...rows.flatMap((row) => (row.counterMeasureId ? [row.counterMeasureId] : [])),
    ]);
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const readings = await this.measures.readingsOf([...byId.keys()]);
    const customerGroups = await this.measures.customerGroups(
      entities.map((e) => e.customerGroupId),
    );
    const users = await this.measures.users(entities.map((e) => e.recorderId));
    const counterMeasures = new Map(
      entities.map((e) => [e.id, { id: e.id, name: e.name, perspective: e.perspective }]),
    );
    const views = new Map(
      measureViews(entities, { readings, customerGroups, counterMeasures, users }, now).map(
        (view) => [view.id, view],
      ),
    );
    const standings = new Map(
      (
        await this.search.currentStandings(
          rows.map((row) => row.id),
          now,
        )
      ).map((s) => [s.measureId, s]),
    );
    const items = rows.flatMap((row): MeasureListItem[] => {
      const view = views.get(row.id);
      if (!view) return [];
      const counter = row.counterMeasureId ? views.get(row.counterMeasureId) : undefined;
      return [
        {
          ...view,
          initiative: {
            id: view.initiativeId,
            title: row.initiativeTitle,
            status: row.initiativeStatus,
          },
          counterMeasureProgress: counter?.progress ?? null,
          cycleChange: cycleChangeOf(view, standings.get(row.id)),
        },
      ];
    });
    return pageOf(items, total, page);
  }

  async get(id: string): Promise<MeasureResponse> {
    const measure = await this.measures.findById(id);
    if (!measure) throw new NotFoundException(NOT_FOUND);
    const [view] = await this.describe([measure]);
    if (!view) throw new NotFoundException(NOT_FOUND);
    return view;
  }

  async create(
    initiativeId: string,
    request: CreateMeasureRequest,
    actor: Actor,
  ): Promise<MeasureResponse> {
    const values: MeasureValues = {
      initiativeId,
      name: request.name,
      unit: request.unit,
      perspective: request.perspective,
      direction: request.direction,
      baseline: request.baseline,
      target: request.target,
      targetDate: request.targetDate ?? null,
      cadence: request.cadence,
      kpiClass: request.kpiClass,
      customerGroupId: request.customerGroupId ?? null,
      counterMeasureId: request.counterMeasureId ?? null,
      recorderId: request.recorderId ?? null,
      weight: request.weight ?? 1,
    };
    assertRules('measure_scale_invalid', scaleProblems(values));
    return this.txHost.withTransaction(async () => {
      await this.assertLinks(null, values, request);
      const created = await this.measures.insert(values);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        initiativeId,
        after: measureRecord(created),
      });
      await this.valueWrites.initiativesChanged([initiativeId]);
      return this.describeOne(created);
    });
  }

  /**
   * A conditional write on the version read (If-Match). The whole measure after the change must
   * still be sound: its scale, its counter-measure pairing, its links; the baseline stays put once
   * frozen.
   */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateMeasureRequest,
    actor: Actor,
  ): Promise<MeasureResponse> {
    const changes = requireChanges(request) as MeasureChanges;
    return this.txHost.withTransaction(async () => {
      const before = await this.measures.findById(id);
      if (!before) throw new NotFoundException(NOT_FOUND);
      const merged: MeasureEntity = { ...before, ...changes };
      const frozen = baselineFreezeProblem(before, request.baseline);
      assertRules(frozen ? 'baseline_frozen' : 'measure_scale_invalid', [
        ...(frozen ? [frozen] : []),
        ...scaleProblems(merged),
      ]);
      await this.assertLinks(id, merged, changes);
      const after = await this.measures.update(id, expectedVersion, changes);
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        initiativeId: before.initiativeId,
        before: measureRecord(before),
        after: measureRecord(after),
      });
      await this.valueWrites.initiativesChanged([before.initiativeId]);
      return this.describeOne(after);
    });
  }

  /** Counter-measure pairing, customer group and recorder: 422 naming each problem. */
  private async assertLinks(
    measureId: string | null,
    state: MeasureValues,
    changed: { customerGroupId?: string | null; recorderId?: string | null },
  ): Promise<void> {
    const counterProblems = counterMeasureProblems({
      measureId,
      initiativeId: state.initiativeId,
      perspective: state.perspective,
      counterMeasureId: state.counterMeasureId,
      counter: state.counterMeasureId
        ? await this.measures.counterCandidate(state.counterMeasureId)
        : null,
      guardedNames: measureId ? await this.measures.guardedBy(measureId) : [],
    });
    const errors: Record<string, string[]> = {};
    if (counterProblems.length > 0) errors['counterMeasureId'] = counterProblems;
    const groupId = changed.customerGroupId;
    if (groupId && !(await this.measures.customerGroupExists(groupId))) {
      errors['customerGroupId'] = [`There is no customer group with the id ${groupId}.`];
    }
    const recorderId = changed.recorderId;
    if (recorderId && !(await this.measures.isActiveMember(state.initiativeId, recorderId))) {
      errors['recorderId'] = [
        `The recorder ${recorderId} must be an active user who is the owner or on the team of the initiative.`,
      ];
    }
    const problems = Object.values(errors).flat();
    if (problems.length > 0) {
      const code = counterProblems.length > 0 ? 'counter_measure_invalid' : 'reference_invalid';
      throw new DomainError(code, problems.join(' '), errors);
    }
  }

  private async describeOne(measure: MeasureEntity): Promise<MeasureResponse> {
    const [view] = await this.describe([measure]);
    if (!view) throw new NotFoundException(NOT_FOUND);
    return view;
  }

  /** Links and readings for all the measures at once: a fixed number of IN (...) queries. */
  private async describe(rows: readonly MeasureEntity[]): Promise<MeasureResponse[]> {
    const readings = await this.measures.readingsOf(rows.map((r) => r.id));
    const customerGroups = await this.measures.customerGroups(rows.map((r) => r.customerGroupId));
    const counterMeasures = await this.measures.measureRefs(rows.map((r) => r.counterMeasureId));
    const users = await this.measures.users(rows.map((r) => r.recorderId));
    return measureViews(rows, { readings, customerGroups, counterMeasures, users }, new Date());
  }
}

/** A measure's stored standing over the current cycle as the list shows it (null: no cycle). */
export function cycleChangeOf(
  scale: PlannedScale,
  row: StoredStandingRow | undefined,
): MeasureStandingChange | null {
  if (row === undefined) return null;
  const point = (value: number | null) => (value === null ? null : { reading: null, value });
  return {
    cycle: { id: row.cycleId, name: row.cycleName, startsOn: row.startsOn, endsOn: row.endsOn },
    opening: row.openingValue,
    closing: row.closingValue,
    improvement: row.improvement,
    progressChange:
      row.progressOpening === null || row.progressClosing === null
        ? null
        : row.progressClosing - row.progressOpening,
    worsening:
      scale.baseline !== null &&
      isWorsening(
        { ...scale, baseline: scale.baseline },
        { opening: point(row.openingValue), closing: point(row.closingValue) },
      ),
  };
}
