import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { clockNow } from '../common';
import type {
  ExitCriterion,
  MilestoneState,
  TemplateMeasure,
  TemplateMilestone,
} from '@waypoint/contracts';

export interface PlanMilestone {
  id: string;
  position: number;
  title: string;
  state: MilestoneState;
  startedAt: Date | null;
}

export interface CreatedMeasure {
  id: string;
  name: string;
  counterMeasureId: string | null;
}

/**
 * The milestones and measures of an initiative as the initiative itself handles them: filled in
 * from a template at creation, and the first milestone started when the initiative is activated.
 * Everything runs through the caller's transaction.
 */
@Injectable()
export class InitiativePlanRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Inserts the template's milestones at positions 1..n, criteria unchecked; answers their ids. */
  async insertMilestones(
    initiativeId: string,
    milestones: readonly TemplateMilestone[],
  ): Promise<Array<{ id: string; title: string; position: number }>> {
    if (milestones.length === 0) return [];
    const criteria = milestones.map((milestone) =>
      JSON.stringify(
        milestone.criteria.map(
          (label): ExitCriterion => ({ id: randomUUID(), label, checked: false }),
        ),
      ),
    );
    return this.txHost.tx.query(
      `INSERT INTO milestones (initiative_id, position, title, goal, exit_criteria)
       SELECT $1, m.position, m.title, m.goal, m.criteria::jsonb
         FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::text[])
              AS m(position, title, goal, criteria)
       RETURNING id, title, position`,
      [
        initiativeId,
        milestones.map((_, index) => index + 1),
        milestones.map((m) => m.title),
        milestones.map((m) => m.goal),
        criteria,
      ],
    );
  }

  /**
   * Inserts the template's measures, then links each counter-measure pair: the customer measure
   * named by `counterMeasureOf` gets the business measure as its counter-measure.
   */
  async insertMeasures(
    initiativeId: string,
    measures: readonly TemplateMeasure[],
  ): Promise<CreatedMeasure[]> {
    if (measures.length === 0) return [];
    const inserted: Array<{ id: string; name: string }> = await this.txHost.tx.query(
      `INSERT INTO measures
         (initiative_id, name, unit, perspective, direction, baseline, target, cadence, kpi_class)
       SELECT $1, m.name, m.unit, m.perspective, m.direction, m.baseline, m.target, m.cadence,
              m.kpi_class
         FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                     $6::float8[], $7::float8[], $8::varchar[], $9::varchar[])
              AS m(name, unit, perspective, direction, baseline, target, cadence, kpi_class)
       RETURNING id, name`,
      [
        initiativeId,
        measures.map((m) => m.name),
        measures.map((m) => m.unit),
        measures.map((m) => m.perspective),
        measures.map((m) => m.direction),
        measures.map((m) => m.baseline),
        measures.map((m) => m.target),
        measures.map((m) => m.cadence),
        measures.map((m) => m.kpiClass),
      ],
    );
    const idOf = new Map(inserted.map((row) => [row.name, row.id]));
    const links = measures.flatMap((measure) => {
      const guard = idOf.get(measure.name);
      const guarded = measure.counterMeasureOf ? idOf.get(measure.counterMeasureOf) : undefined;
      return guard && guarded ? [{ guarded, guard }] : [];
    });
    if (links.length > 0) {
      await this.txHost.tx.query(
        `UPDATE measures m SET counter_measure_id = l.guard
           FROM unnest($1::uuid[], $2::uuid[]) AS l(guarded, guard)
          WHERE m.id = l.guarded`,
        [links.map((l) => l.guarded), links.map((l) => l.guard)],
      );
    }
    const counterOf = new Map(links.map((l) => [l.guarded, l.guard]));
    return inserted.map((row) => ({ ...row, counterMeasureId: counterOf.get(row.id) ?? null }));
  }

  /** The milestones of an initiative in order, locked for the transition that reads them. */
  async milestones(initiativeId: string): Promise<PlanMilestone[]> {
    const rows: Array<{
      id: string;
      position: number;
      title: string;
      state: MilestoneState;
      started_at: Date | null;
    }> = await this.txHost.tx.query(
      `SELECT id, position, title, state, started_at FROM milestones
        WHERE initiative_id = $1 ORDER BY position FOR UPDATE`,
      [initiativeId],
    );
    return rows.map((row) => ({
      id: row.id,
      position: row.position,
      title: row.title,
      state: row.state,
      startedAt: row.started_at,
    }));
  }

  /** Starts a planned milestone now in `state` (in progress); null if it was not planned. */
  async startMilestone(
    milestoneId: string,
    state: MilestoneState,
  ): Promise<{ state: MilestoneState; startedAt: Date; version: number } | null> {
    const rows: Array<{ state: MilestoneState; started_at: Date; version: number }> =
      await this.txHost.tx.query(
        `UPDATE milestones
            SET state = $2, started_at = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND state = 'planned'
          RETURNING state, started_at, version`,
        [milestoneId, state, clockNow()],
      );
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const returned = (Array.isArray(rows[0]) ? rows[0] : rows) as typeof rows;
    const row = returned[0];
    return row ? { state: row.state, startedAt: row.started_at, version: row.version } : null;
  }
}
