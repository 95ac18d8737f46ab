import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Direction, Perspective } from '@waypoint/contracts';

export interface AlertMeasureRow {
  id: string;
  initiativeId: string;
  name: string;
  unit: string;
  perspective: Perspective;
  direction: Direction;
  baseline: number;
  target: number;
  weight: number;
  customerGroupId: string | null;
  counterMeasureId: string | null;
}

export interface AlertReadingRow {
  id: string;
  measureId: string;
  value: number;
  observedAt: Date;
}

export interface AlertCustomerGroupRow {
  id: string;
  name: string;
  isProtected: boolean;
}

export interface AlertCycleRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/**
 * What the value engine reads to find the tension alerts of some initiatives: one statement per
 * kind of record for the whole batch, in the transaction of the write that changed them (so the
 * reading just recorded is seen).
 */
@Injectable()
export class AlertInputsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.txHost.tx.query(sql, [...params]) as Promise<T[]>;
  }

  /** The cycle that started last by `today` (YYYY-MM-DD): the current one; null when none has. */
  async currentCycle(today: string): Promise<AlertCycleRow | null> {
    const rows = await this.query<AlertCycleRow>(
      `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM cycles WHERE starts_on <= $1::date ORDER BY starts_on DESC, id LIMIT 1`,
      [today],
    );
    return rows[0] ?? null;
  }

  async cycle(id: string): Promise<AlertCycleRow | null> {
    const rows = await this.query<AlertCycleRow>(
      `SELECT id, name, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM cycles WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Every initiative with at least one measure (a cycle write may change all of their alerts). */
  async initiativesWithMeasures(): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT DISTINCT initiative_id AS id FROM measures ORDER BY initiative_id`,
    );
    return rows.map((row) => row.id);
  }

  async measures(initiativeIds: readonly string[]): Promise<AlertMeasureRow[]> {
    return this.query<AlertMeasureRow>(
      `SELECT m.id, m.initiative_id AS "initiativeId", m.name, m.unit, m.perspective, m.direction,
              m.baseline, m.target, m.weight, m.customer_group_id AS "customerGroupId",
              m.counter_measure_id AS "counterMeasureId"
         FROM measures m WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY m.initiative_id, lower(m.name), m.id`,
      [initiativeIds],
    );
  }

  /**
   * The effective readings of the initiatives' measures, in recording order: none superseded and
   * none withdrawn (a withdrawn correction still supersedes what it corrected: libs/domain
   * `effectiveReadings`).
   */
  async effectiveReadings(initiativeIds: readonly string[]): Promise<AlertReadingRow[]> {
    return this.query<AlertReadingRow>(
      `SELECT r.id, r.measure_id AS "measureId", r.value, r.observed_at AS "observedAt"
         FROM readings r JOIN measures m ON m.id = r.measure_id
        WHERE m.initiative_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM reading_withdrawals w WHERE w.reading_id = r.id)
        ORDER BY r.recorded_at, r.id`,
      [initiativeIds],
    );
  }

  /** The customer groups the initiatives' measures name. */
  async customerGroups(initiativeIds: readonly string[]): Promise<AlertCustomerGroupRow[]> {
    return this.query<AlertCustomerGroupRow>(
      `SELECT DISTINCT g.id, g.name, g.protected AS "isProtected"
         FROM customer_groups g JOIN measures m ON m.customer_group_id = g.id
        WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY g.id`,
      [initiativeIds],
    );
  }
}
