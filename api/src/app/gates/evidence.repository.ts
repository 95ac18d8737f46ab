import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Direction, Perspective, StepStatus } from '@waypoint/contracts';
import type { EvidenceMeasure } from '@waypoint/domain';

/**
 * What a gate reads outside its own tables, always inside the gate's transaction: the evidence
 * (linked measures and step counts; the readings come from MeasuresRepository.readingsOf). The effects of a decision on the initiative and its
 * measures are written through their own repositories.
 */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async linkedMeasures(milestoneId: string): Promise<EvidenceMeasure[]> {
    const rows: Array<{
      id: string;
      name: string;
      unit: string;
      perspective: Perspective;
      direction: Direction;
      baseline: number | null;
      target: number;
    }> = await this.txHost.tx.query(
      `SELECT x.id, x.name, x.unit, x.perspective, x.direction, x.baseline, x.target
         FROM milestone_measures mm JOIN measures x ON x.id = mm.measure_id
        WHERE mm.milestone_id = $1
        ORDER BY x.name, x.id`,
      [milestoneId],
    );
    return rows.map((row) => ({
      ...row,
      baseline: row.baseline === null ? null : Number(row.baseline),
      target: Number(row.target),
    }));
  }

  async stepCounts(milestoneId: string): Promise<{ status: StepStatus; count: number }[]> {
    const rows: Array<{ status: StepStatus; count: number }> = await this.txHost.tx.query(
      `SELECT status, count(*)::int AS count FROM steps WHERE milestone_id = $1 GROUP BY status`,
      [milestoneId],
    );
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }
}
