import {
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
  PreconditionFailedException,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateRealisedBenefitRequest,
  InitiativeMoneyResponse,
  PutMoneyPlanRequest,
  PutValuePerUnitRequest,
} from '@waypoint/contracts';
import { assertRule, today, valuePerUnitProblem } from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow, PRECONDITION_FAILED_MESSAGE, PRECONDITION_REQUIRED_MESSAGE } from '../common';
import { AppConfig } from '../config';
import { initiativeMoney, mapEntry } from './money-model';
import { MoneyRepository, type PlanFields, type PlanRow } from './money.repository';
import { WinsRepository } from './wins.repository';

function planOf(row: PlanRow): PlanFields {
  return {
    expectedYearlyBenefitMinor: row.expectedYearlyBenefitMinor,
    oneOffCostMinor: row.oneOffCostMinor,
    runningCostMinor: row.runningCostMinor,
    assumptions: row.assumptions,
    benefitStartsOn: row.benefitStartsOn,
  };
}

/**
 * An initiative's money: its case (expected benefit, costs, assumptions), the value per unit of
 * its business measures, realised benefit entered per cycle with evidence, and what the rules
 * of libs/domain make of them per cycle.
 */
@Injectable()
export class MoneyService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly money: MoneyRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly wins: WinsRepository,
  ) {}

  async read(initiativeId: string): Promise<InitiativeMoneyResponse> {
    const ids = [initiativeId];
    const [plan, cycles, measures, standings, entries] = [
      await this.money.findPlan(initiativeId),
      await this.money.cycles(),
      await this.money.measures(ids),
      await this.money.valuedStandings(ids),
      await this.money.entries(ids),
    ];
    const computed = initiativeMoney(plan, cycles, standings, entries, today(clockNow()));
    return {
      initiativeId,
      currency: this.config.currency,
      plan: plan
        ? {
            ...planOf(plan),
            version: plan.version,
            updatedAt: plan.updatedAt.toISOString(),
          }
        : null,
      measures: measures.map((m) => ({
        measureId: m.measureId,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        perspective: m.perspective,
        valuePerUnitMinor: m.valuePerUnitMinor,
        basis: m.basis,
      })),
      ...computed,
      entries: entries.map(mapEntry),
      winId: await this.wins.idFor(initiativeId),
    };
  }

  /** Creates the case (no If-Match) or replaces it (If-Match: 428 without, 412 when stale). */
  async putPlan(
    initiativeId: string,
    expectedVersion: number | null,
    request: PutMoneyPlanRequest,
    actor: Actor,
  ): Promise<{ created: boolean; money: InitiativeMoneyResponse }> {
    const fields: PlanFields = {
      expectedYearlyBenefitMinor: request.expectedYearlyBenefitMinor,
      oneOffCostMinor: request.oneOffCostMinor,
      runningCostMinor: request.runningCostMinor,
      assumptions: request.assumptions ?? '',
      benefitStartsOn: request.benefitStartsOn ?? null,
    };
    const created = await this.txHost.withTransaction(async () => {
      const existing = await this.money.findPlan(initiativeId);
      const at = clockNow();
      if (!existing) {
        if (expectedVersion !== null) {
          throw new PreconditionFailedException(
            `${PRECONDITION_FAILED_MESSAGE} (This initiative has no money case yet: leave out If-Match to create it.)`,
          );
        }
        await this.money.insertPlan(initiativeId, fields, at);
      } else {
        if (expectedVersion === null) {
          throw new HttpException(PRECONDITION_REQUIRED_MESSAGE, HttpStatus.PRECONDITION_REQUIRED);
        }
        await this.money.updatePlan(initiativeId, expectedVersion, fields, at);
      }
      await this.audit.record({
        actor,
        action: existing ? 'update' : 'create',
        entityType: 'initiative_money',
        entityId: initiativeId,
        initiativeId,
        before: existing ? { ...planOf(existing) } : null,
        after: { ...fields },
      });
      return !existing;
    });
    return { created, money: await this.read(initiativeId) };
  }

  /** States (or, with 0, withdraws) what one unit of improvement of a business measure is worth. */
  async putValuePerUnit(
    measureId: string,
    request: PutValuePerUnitRequest,
    actor: Actor,
  ): Promise<InitiativeMoneyResponse> {
    const initiativeId = await this.txHost.withTransaction(async () => {
      const measure = await this.money.measurePerspective(measureId);
      if (!measure) throw new NotFoundException('No such measure.');
      assertRule('invalid_request', valuePerUnitProblem(measure.perspective), 'valuePerUnitMinor');
      const before = await this.money.valuePerUnit(measureId);
      const after =
        request.valuePerUnitMinor === 0
          ? null
          : { minor: request.valuePerUnitMinor, basis: request.basis ?? '' };
      await this.money.putValuePerUnit(measureId, measure.initiativeId, after, clockNow());
      await this.audit.record({
        actor,
        action: 'update',
        entityType: 'measure_value',
        entityId: measureId,
        initiativeId: measure.initiativeId,
        before: before ? { valuePerUnitMinor: before.minor, basis: before.basis } : null,
        after: after ? { valuePerUnitMinor: after.minor, basis: after.basis } : null,
      });
      return measure.initiativeId;
    });
    return this.read(initiativeId);
  }

  /** Enters a cycle's realised benefit with its evidence; the latest entry of a cycle counts. */
  async enter(
    initiativeId: string,
    request: CreateRealisedBenefitRequest,
    actor: Actor,
  ): Promise<InitiativeMoneyResponse> {
    await this.txHost.withTransaction(async () => {
      const cycle = (await this.money.cycles()).find((c) => c.id === request.cycleId);
      assertRule('reference_invalid', cycle ? null : 'There is no such cycle.', 'cycleId');
      assertRule(
        'reference_invalid',
        cycle && cycle.startsOn > today(clockNow())
          ? 'This cycle has not started: benefit is entered for a cycle that has begun.'
          : null,
        'cycleId',
      );
      const fields = {
        initiativeId,
        cycleId: request.cycleId,
        amountMinor: request.amountMinor,
        evidenceUrl: request.evidenceUrl,
        note: request.note,
      };
      const id = await this.money.insertEntry({ ...fields, enteredBy: actor.userId }, clockNow());
      await this.audit.record({
        actor,
        action: 'create',
        entityType: 'realised_benefit',
        entityId: id,
        initiativeId,
        after: fields,
      });
    });
    return this.read(initiativeId);
  }
}
