import type {
  MeasureCustomerGroupRef,
  MeasureRef,
  MeasureResponse,
  MeasureUserRef,
} from '@waypoint/contracts';
import { isStale, latestReadings, progressOf, readingDueAt, staleSince } from '@waypoint/domain';
import type { MeasureEntity } from './measure.entity';
import type { ReadingPoint } from './measures.repository';

/** What it takes to show measures: their links and readings, loaded once for all of them. */
export interface MeasureRelations {
  customerGroups: ReadonlyMap<string, MeasureCustomerGroupRef>;
  counterMeasures: ReadonlyMap<string, MeasureRef>;
  users: ReadonlyMap<string, MeasureUserRef>;
  readings: readonly ReadingPoint[];
}

/** The stored fields of a measure (the audit trail's before/after). */
export function measureRecord(entity: MeasureEntity): Record<string, unknown> {
  return {
    id: entity.id,
    initiativeId: entity.initiativeId,
    name: entity.name,
    unit: entity.unit,
    perspective: entity.perspective,
    direction: entity.direction,
    baseline: entity.baseline,
    target: entity.target,
    targetDate: entity.targetDate,
    cadence: entity.cadence,
    kpiClass: entity.kpiClass,
    customerGroupId: entity.customerGroupId,
    counterMeasureId: entity.counterMeasureId,
    recorderId: entity.recorderId,
    weight: entity.weight,
    baselineFrozenAt: entity.baselineFrozenAt?.toISOString() ?? null,
    version: entity.version,
  };
}

/**
 * Measures as the API shows them: latest effective reading, progress and staleness computed by
 * libs/domain at `now`.
 */
export function measureViews(
  entities: readonly MeasureEntity[],
  relations: MeasureRelations,
  now: Date,
): MeasureResponse[] {
  const latest = latestReadings(relations.readings, now);
  return entities.map((entity): MeasureResponse => {
    const reading = latest.get(entity.id);
    const lastAt = reading?.observedAt ?? null;
    const counter = entity.counterMeasureId
      ? relations.counterMeasures.get(entity.counterMeasureId)
      : undefined;
    const since = staleSince(lastAt, entity.cadence, entity.createdAt);
    const due = readingDueAt(lastAt, entity.cadence, entity.createdAt);
    return {
      id: entity.id,
      initiativeId: entity.initiativeId,
      name: entity.name,
      unit: entity.unit,
      perspective: entity.perspective,
      direction: entity.direction,
      baseline: entity.baseline,
      target: entity.target,
      targetDate: entity.targetDate,
      cadence: entity.cadence,
      kpiClass: entity.kpiClass,
      weight: entity.weight,
      customerGroup: entity.customerGroupId
        ? (relations.customerGroups.get(entity.customerGroupId) ?? null)
        : null,
      counterMeasure: counter
        ? { id: counter.id, name: counter.name, perspective: counter.perspective }
        : null,
      recorder: entity.recorderId ? (relations.users.get(entity.recorderId) ?? null) : null,
      baselineFrozenAt: entity.baselineFrozenAt?.toISOString() ?? null,
      latestReading: reading
        ? { id: reading.id, value: reading.value, observedAt: reading.observedAt.toISOString() }
        : null,
      progress: reading ? progressOf(entity, reading.value) : null,
      stale: isStale(lastAt, entity.cadence, now, entity.createdAt),
      staleSince: since?.toISOString() ?? null,
      readingDueAt: due?.toISOString() ?? null,
      version: entity.version,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  });
}
