import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Page, PublishWinRequest, WinResponse } from '@waypoint/contracts';
import { assertRule, today, unitsImproved, winProblem } from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { clockNow, pageOf, type PageRequest } from '../common';
import { AppConfig } from '../config';
import { initiativeMoney } from './money-model';
import { MoneyRepository } from './money.repository';
import { type WinSnapshot, WinsRepository } from './wins.repository';

/**
 * Wins (seed 000, celebrate wins and tell customers): a completed initiative with realised
 * results publishes its before and after, its money and what was learned, once. Everyone signed
 * in reads them; the note for customers shows only what the customer-facing fields say.
 */
@Injectable()
export class WinsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly wins: WinsRepository,
    private readonly money: MoneyRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async publish(
    initiativeId: string,
    request: PublishWinRequest,
    actor: Actor,
  ): Promise<WinResponse> {
    const id = await this.txHost.withTransaction(async () => {
      const ids = [initiativeId];
      const [initiative] = await this.money.initiatives(ids);
      if (!initiative) throw new NotFoundException('No such initiative.');
      const measures = await this.money.measures(ids);
      const computed = initiativeMoney(
        initiative.plan,
        await this.money.cycles(),
        await this.money.valuedStandings(ids),
        await this.money.entries(ids),
        today(clockNow()),
      );
      const improvedMeasures = measures.filter(
        (m) => m.latest !== null && unitsImproved(m.direction, m.baseline, m.latest, m.target) > 0,
      ).length;
      assertRule(
        'win_not_ready',
        winProblem({
          status: initiative.status,
          improvedMeasures,
          realisedMinor: computed.realisedTotalMinor,
          alreadyPublished: (await this.wins.idFor(initiativeId)) !== null,
        }),
      );
      const snapshot: WinSnapshot = {
        initiative: { id: initiative.id, title: initiative.title, road: initiative.road },
        measures: measures.map((m) => ({
          name: m.name,
          unit: m.unit,
          perspective: m.perspective,
          direction: m.direction,
          before: m.baseline,
          after: m.latest,
        })),
        money: {
          currency: this.config.currency,
          expectedYearlyBenefitMinor: initiative.plan?.expectedYearlyBenefitMinor ?? null,
          oneOffCostMinor: initiative.plan?.oneOffCostMinor ?? null,
          realisedMinor: computed.realisedTotalMinor,
          payback: computed.payback,
        },
        customerGroups: await this.wins.customerGroups(initiativeId),
      };
      const fields = {
        learned: request.learned,
        youToldUs: request.youToldUs,
        weChanged: request.weChanged,
      };
      const winId = await this.wins.insert(
        { initiativeId, publishedBy: actor.userId, ...fields, snapshot },
        clockNow(),
      );
      await this.audit.record({
        actor,
        action: 'create',
        entityType: 'win',
        entityId: winId,
        initiativeId,
        after: { ...fields, snapshot },
      });
      return winId;
    });
    return this.get(id);
  }

  async get(id: string): Promise<WinResponse> {
    const win = await this.wins.find(id);
    if (!win) throw new NotFoundException('No such win.');
    return win;
  }

  async list(page: PageRequest): Promise<Page<WinResponse>> {
    const { rows, total } = await this.wins.list(page);
    return pageOf(rows, total, page);
  }
}
