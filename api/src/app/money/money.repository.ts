import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Approach, Direction, InitiativeStatus, Perspective } from '@waypoint/contracts';
import { returnedRows, StaleVersionError } from '../common';
import { type ReadScope, readableSql } from '../initiatives';

export interface PlanRow {
  initiativeId: string;
  expectedYearlyBenefitMinor: number;
  oneOffCostMinor: number;
  runningCostMinor: number;
  assumptions: string;
  benefitStartsOn: string | null;
  version: number;
  updatedAt: Date;
}

export type PlanFields = Omit<PlanRow, 'initiativeId' | 'version' | 'updatedAt'>;

export interface MoneyInitiativeRow {
  id: string;
  title: string;
  road: Approach;
  status: InitiativeStatus;
  department: { id: string; name: string } | null;
  plan: PlanRow | null;
}

export interface MeasureMoneyRow {
  measureId: string;
  initiativeId: string;
  name: string;
  unit: string;
  direction: Direction;
  perspective: Perspective;
  baseline: number;
  target: number;
  latest: number | null;
  valuePerUnitMinor: number | null;
  basis: string;
}

export interface ValuedStandingRow {
  initiativeId: string;
  cycleId: string;
  measureId: string;
  name: string;
  unit: string;
  direction: Direction;
  target: number;
  baseline: number;
  closing: number;
  valuePerUnitMinor: number;
}

export interface EntryRow {
  id: string;
  initiativeId: string;
  cycleId: string;
  amountMinor: number;
  evidenceUrl: string;
  note: string;
  enteredBy: { id: string; displayName: string };
  enteredAt: Date;
}

export interface CycleRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

const PLAN_COLUMNS = `mo.initiative_id, mo.expected_yearly_benefit_minor::text, mo.one_off_cost_minor::text,
  mo.running_cost_minor::text, mo.assumptions, mo.benefit_starts_on::text, mo.version, mo.updated_at`;

interface RawPlan {
  initiative_id: string;
  expected_yearly_benefit_minor: string;
  one_off_cost_minor: string;
  running_cost_minor: string;
  assumptions: string;
  benefit_starts_on: string | null;
  version: number;
  updated_at: Date;
}

function toPlan(raw: RawPlan): PlanRow {
  return {
    initiativeId: raw.initiative_id,
    expectedYearlyBenefitMinor: Number(raw.expected_yearly_benefit_minor),
    oneOffCostMinor: Number(raw.one_off_cost_minor),
    runningCostMinor: Number(raw.running_cost_minor),
    assumptions: raw.assumptions,
    benefitStartsOn: raw.benefit_starts_on,
    version: raw.version,
    updatedAt: raw.updated_at,
  };
}

/**
 * The money tables (initiative_money, measure_values, realised_benefits) and the reads that feed
 * the money rules of libs/domain: a fixed number of statements whatever the number of
 * initiatives. `ids` null reads every initiative with money (the portfolio).
 */
@Injectable()
export class MoneyRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  /** Of these initiatives, the ids the scope may read (every one of them for a null scope). */
  async readable(ids: readonly string[], scope: ReadScope | null): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT i.id FROM initiatives i
        WHERE i.id = ANY($1::uuid[]) AND ${scope ? readableSql(scope, 'i', '$2') : 'true'}`,
      scope ? [ids, scope.userId] : [ids],
    );
    return rows.map((r) => r.id);
  }

  async cycles(): Promise<CycleRow[]> {
    const rows = await this.query<{ id: string; name: string; s: string; e: string }>(
      `SELECT id, name, starts_on::text AS s, ends_on::text AS e FROM cycles ORDER BY starts_on`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.s, endsOn: r.e }));
  }

  async findPlan(initiativeId: string): Promise<PlanRow | null> {
    const rows = await this.query<RawPlan>(
      `SELECT ${PLAN_COLUMNS} FROM initiative_money mo WHERE mo.initiative_id = $1`,
      [initiativeId],
    );
    return rows[0] ? toPlan(rows[0]) : null;
  }

  async insertPlan(initiativeId: string, f: PlanFields, at: Date): Promise<void> {
    await this.query(
      `INSERT INTO initiative_money (initiative_id, expected_yearly_benefit_minor, one_off_cost_minor,
         running_cost_minor, assumptions, benefit_starts_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [
        initiativeId,
        f.expectedYearlyBenefitMinor,
        f.oneOffCostMinor,
        f.runningCostMinor,
        f.assumptions,
        f.benefitStartsOn,
        at,
      ],
    );
  }

  /** The version check and the write in one statement; StaleVersionError when stale. */
  async updatePlan(initiativeId: string, version: number, f: PlanFields, at: Date): Promise<void> {
    const result = await this.query<unknown>(
      `UPDATE initiative_money SET expected_yearly_benefit_minor = $3, one_off_cost_minor = $4,
         running_cost_minor = $5, assumptions = $6, benefit_starts_on = $7, updated_at = $8,
         version = version + 1
       WHERE initiative_id = $1 AND version = $2 RETURNING initiative_id`,
      [
        initiativeId,
        version,
        f.expectedYearlyBenefitMinor,
        f.oneOffCostMinor,
        f.runningCostMinor,
        f.assumptions,
        f.benefitStartsOn,
        at,
      ],
    );
    if (returnedRows(result).length === 0) throw new StaleVersionError();
  }

  /** The initiatives with money (a plan, a valued measure or an entry), or the ones named. */
  async initiatives(ids: readonly string[] | null): Promise<MoneyInitiativeRow[]> {
    const where =
      ids === null
        ? `i.id IN (SELECT initiative_id FROM initiative_money
                    UNION SELECT initiative_id FROM measure_values
                    UNION SELECT initiative_id FROM realised_benefits)`
        : `i.id = ANY($1::uuid[])`;
    const rows = await this.query<
      Partial<RawPlan> & {
        id: string;
        title: string;
        approach: Approach;
        status: InitiativeStatus;
        department_id: string | null;
        department_name: string | null;
      }
    >(
      `SELECT i.id, i.title, i.approach, i.status, d.id AS department_id, d.name AS department_name,
              ${PLAN_COLUMNS}
         FROM initiatives i
         JOIN users u ON u.id = i.owner_id
         LEFT JOIN departments d ON d.id = u.department_id
         LEFT JOIN initiative_money mo ON mo.initiative_id = i.id
        WHERE ${where}
        ORDER BY i.title, i.id`,
      ids === null ? [] : [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      road: r.approach,
      status: r.status,
      department:
        r.department_id && r.department_name
          ? { id: r.department_id, name: r.department_name }
          : null,
      plan: r.initiative_id ? toPlan(r as RawPlan) : null,
    }));
  }

  /** Every measure of the initiatives with its value per unit (if stated) and latest value. */
  async measures(initiativeIds: readonly string[]): Promise<MeasureMoneyRow[]> {
    const rows = await this.query<{
      id: string;
      initiative_id: string;
      name: string;
      unit: string;
      direction: Direction;
      perspective: Perspective;
      baseline: number;
      target: number;
      latest: number | null;
      value_per_unit_minor: string | null;
      basis: string | null;
    }>(
      `SELECT m.id, m.initiative_id, m.name, m.unit, m.direction, m.perspective, m.baseline,
              m.target, n.value AS latest, v.value_per_unit_minor::text, v.basis
         FROM measures m
         LEFT JOIN measure_values v ON v.measure_id = m.id
         LEFT JOIN value_measure_now n ON n.measure_id = m.id
        WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY m.perspective DESC, m.created_at, m.id`,
      [initiativeIds],
    );
    return rows.map((r) => ({
      measureId: r.id,
      initiativeId: r.initiative_id,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      perspective: r.perspective,
      baseline: r.baseline,
      target: r.target,
      latest: r.latest,
      valuePerUnitMinor: r.value_per_unit_minor === null ? null : Number(r.value_per_unit_minor),
      basis: r.basis ?? '',
    }));
  }

  async measurePerspective(
    measureId: string,
  ): Promise<{ initiativeId: string; perspective: Perspective } | null> {
    const rows = await this.query<{ initiative_id: string; perspective: Perspective }>(
      `SELECT initiative_id, perspective FROM measures WHERE id = $1`,
      [measureId],
    );
    return rows[0]
      ? { initiativeId: rows[0].initiative_id, perspective: rows[0].perspective }
      : null;
  }

  async valuePerUnit(measureId: string): Promise<{ minor: number; basis: string } | null> {
    const rows = await this.query<{ v: string; basis: string }>(
      `SELECT value_per_unit_minor::text AS v, basis FROM measure_values WHERE measure_id = $1`,
      [measureId],
    );
    return rows[0] ? { minor: Number(rows[0].v), basis: rows[0].basis } : null;
  }

  async putValuePerUnit(
    measureId: string,
    initiativeId: string,
    value: { minor: number; basis: string } | null,
    at: Date,
  ): Promise<void> {
    if (value === null) {
      await this.query(`DELETE FROM measure_values WHERE measure_id = $1`, [measureId]);
      return;
    }
    await this.query(
      `INSERT INTO measure_values (measure_id, initiative_id, value_per_unit_minor, basis, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (measure_id) DO UPDATE
         SET value_per_unit_minor = EXCLUDED.value_per_unit_minor, basis = EXCLUDED.basis,
             updated_at = EXCLUDED.updated_at`,
      [measureId, initiativeId, value.minor, value.basis, at],
    );
  }

  /** The cycle standings of valued measures with a closing value, and their baselines. */
  async valuedStandings(ids: readonly string[] | null): Promise<ValuedStandingRow[]> {
    const rows = await this.query<{
      initiative_id: string;
      cycle_id: string;
      measure_id: string;
      name: string;
      unit: string;
      direction: Direction;
      target: number;
      baseline: number;
      closing_value: number;
      value_per_unit_minor: string;
    }>(
      `SELECT s.initiative_id, s.cycle_id, s.measure_id, m.name, m.unit, m.direction, m.target,
              m.baseline, s.closing_value, v.value_per_unit_minor::text
         FROM measure_values v
         JOIN measures m ON m.id = v.measure_id
         JOIN value_standings s ON s.measure_id = v.measure_id
        WHERE s.closing_value IS NOT NULL
          ${ids === null ? '' : 'AND v.initiative_id = ANY($1::uuid[])'}
        ORDER BY m.created_at, m.id`,
      ids === null ? [] : [ids],
    );
    return rows.map((r) => ({
      initiativeId: r.initiative_id,
      cycleId: r.cycle_id,
      measureId: r.measure_id,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      target: r.target,
      baseline: r.baseline,
      closing: r.closing_value,
      valuePerUnitMinor: Number(r.value_per_unit_minor),
    }));
  }

  /** Realised benefit entries, latest first. */
  async entries(ids: readonly string[] | null): Promise<EntryRow[]> {
    const rows = await this.query<{
      id: string;
      initiative_id: string;
      cycle_id: string;
      amount_minor: string;
      evidence_url: string;
      note: string;
      entered_by: string;
      display_name: string;
      entered_at: Date;
    }>(
      `SELECT r.id, r.initiative_id, r.cycle_id, r.amount_minor::text, r.evidence_url, r.note,
              r.entered_by, u.display_name, r.entered_at
         FROM realised_benefits r JOIN users u ON u.id = r.entered_by
        ${ids === null ? '' : 'WHERE r.initiative_id = ANY($1::uuid[])'}
        ORDER BY r.entered_at DESC, r.id DESC`,
      ids === null ? [] : [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      initiativeId: r.initiative_id,
      cycleId: r.cycle_id,
      amountMinor: Number(r.amount_minor),
      evidenceUrl: r.evidence_url,
      note: r.note,
      enteredBy: { id: r.entered_by, displayName: r.display_name },
      enteredAt: r.entered_at,
    }));
  }

  async insertEntry(
    e: Omit<EntryRow, 'id' | 'enteredBy' | 'enteredAt'> & { enteredBy: string },
    at: Date,
  ): Promise<string> {
    const rows = await this.query<{ id: string }>(
      `INSERT INTO realised_benefits (initiative_id, cycle_id, amount_minor, evidence_url, note,
         entered_by, entered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [e.initiativeId, e.cycleId, e.amountMinor, e.evidenceUrl, e.note, e.enteredBy, at],
    );
    return rows[0]?.id ?? '';
  }

  /** Initiatives per road and status (the mix of roads). */
  async roadCounts(): Promise<Array<{ road: Approach; status: InitiativeStatus; count: number }>> {
    const rows = await this.query<{ approach: Approach; status: InitiativeStatus; n: number }>(
      `SELECT approach, status, count(*)::int AS n FROM initiatives GROUP BY approach, status`,
    );
    return rows.map((r) => ({ road: r.approach, status: r.status, count: r.n }));
  }
}
