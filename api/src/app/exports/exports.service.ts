import { Injectable } from '@nestjs/common';
import { PortfolioRepository, stagesOf } from '../portfolio';
import { ValueService } from '../value';
import { type CsvValue, toCsv } from './csv';
import { ExportsRepository } from './exports.repository';

/** CSV exports of the portfolio: initiatives, measures with their readings, gate decisions. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly portfolio: PortfolioRepository,
    private readonly value: ValueService,
    private readonly exports: ExportsRepository,
  ) {}

  async initiatives(): Promise<string> {
    const initiatives = await this.value.initiatives(null);
    const model = await this.value.model(null, { measures: false, now: true });
    const people = await this.exports.initiativePeople();
    const stages = stagesOf(await this.portfolio.milestones(null));
    const rows = initiatives.map((i): CsvValue[] => {
      const now = model.now(i.id);
      const stage = stages.get(i.id);
      return [
        i.id,
        i.title,
        i.status,
        i.approach,
        people.get(i.ownerId) ?? '',
        i.sponsorId ? (people.get(i.sponsorId) ?? '') : '',
        i.teamSize,
        i.departments,
        stage?.position ?? null,
        stage?.milestoneTitle ?? null,
        stage?.milestoneState ?? null,
        i.estimatedCustomerValue,
        i.estimatedBusinessValue,
        now.customer,
        now.business,
        i.createdAt,
        i.updatedAt,
      ];
    });
    return toCsv(
      [
        'id',
        'title',
        'status',
        'approach',
        'owner',
        'sponsor',
        'team_size',
        'departments',
        'current_gate',
        'current_milestone',
        'current_milestone_state',
        'estimated_customer_value',
        'estimated_business_value',
        'customer_index',
        'business_index',
        'created_at',
        'updated_at',
      ],
      rows,
    );
  }

  /** One line per reading (superseded ones marked); a measure without readings gets one line. */
  async measures(): Promise<string> {
    const initiatives = await this.value.initiatives(null);
    const model = await this.value.model(null);
    const readings = await this.exports.readings();
    const titles = new Map(initiatives.map((i) => [i.id, i.title]));
    const byMeasure = new Map<string, typeof readings>();
    for (const r of readings)
      byMeasure.set(r.measureId, [...(byMeasure.get(r.measureId) ?? []), r]);
    const rows = model.allMeasures().flatMap((m): CsvValue[][] => {
      const measure: CsvValue[] = [
        m.initiativeId,
        titles.get(m.initiativeId) ?? '',
        m.id,
        m.name,
        m.unit,
        m.perspective,
        m.direction,
        m.kpiClass,
        m.baseline,
        m.target,
        m.cadence,
      ];
      const own = byMeasure.get(m.id) ?? [];
      if (own.length === 0) return [[...measure, null, null, null, null, null, null, null, null]];
      return own.map((r) => [
        ...measure,
        r.id,
        r.value,
        r.observedAt,
        r.recordedAt,
        r.recordedBy,
        r.note,
        r.evidenceUrl,
        r.superseded,
      ]);
    });
    return toCsv(
      [
        'initiative_id',
        'initiative',
        'measure_id',
        'measure',
        'unit',
        'perspective',
        'direction',
        'kpi_class',
        'baseline',
        'target',
        'cadence',
        'reading_id',
        'value',
        'observed_at',
        'recorded_at',
        'recorded_by',
        'note',
        'evidence_url',
        'superseded',
      ],
      rows,
    );
  }

  async decisions(): Promise<string> {
    const rows = await this.exports.decisions();
    return toCsv(
      [
        'decision_id',
        'decided_at',
        'initiative_id',
        'initiative',
        'milestone_id',
        'gate',
        'milestone',
        'outcome',
        'decider',
        'rationale',
        'conditions',
        'submitted_at',
      ],
      rows.map((d) => [
        d.id,
        d.decidedAt,
        d.initiativeId,
        d.initiativeTitle,
        d.milestoneId,
        d.milestonePosition,
        d.milestoneTitle,
        d.outcome,
        d.decider,
        d.rationale,
        d.conditions,
        d.submittedAt,
      ]),
    );
  }
}
