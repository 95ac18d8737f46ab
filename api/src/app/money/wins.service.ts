import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Page, PublishWinRequest, WinMoneyNow, WinResponse } from '@waypoint/contracts';
import { assertRule, today, unitsImproved, winProblem } from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor, AuthenticatedUser } from '../auth';
import { clockNow, pageOf, type PageRequest } from '../common';
import { AppConfig } from '../config';
import { type ReadScope, readScope } from '../initiatives';
import { type InitiativeMoney, initiativeMoney } from './money-model';
import { type MoneyInitiativeRow, MoneyRepository } from './money.repository';
import { type PublishedWin, type WinSnapshot, WinsRepository } from './wins.repository';

/** Whose reading decides whether a win comes with its money today. */
type Viewer = Pick<AuthenticatedUser, 'id' | 'role'>;

/**
 * Wins (seed 000, celebrate wins and tell customers): a completed initiative with realised
 * results publishes its before and after, its money and what was learned, once. Everyone signed
 * in reads them; the note for customers shows only what the customer-facing fields say.
 *
 * A win's money is a snapshot of the day it was published. Beside it, whoever may read the
 * initiative gets its money today (`now`), computed by the same rules (money-model.ts over
 * libs/domain money.ts) as the initiative's money and the portfolio's payback, so the two
 * figures differ only by the days between them, never by definition.
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
      const computed = (await this.moneyOf([initiative]))[0];
      if (!computed) throw new NotFoundException('No such initiative.');
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
    // Its owner or an admin published it (wins.publish): they read the initiative.
    return this.read(id, null);
  }

  async get(id: string, viewer: Viewer): Promise<WinResponse> {
    return this.read(id, readScope(viewer));
  }

  async list(page: PageRequest, viewer: Viewer): Promise<Page<WinResponse>> {
    const { rows, total } = await this.wins.list(page);
    return pageOf(await this.withMoneyNow(rows, readScope(viewer)), total, page);
  }

  private async read(id: string, scope: ReadScope | null): Promise<WinResponse> {
    const win = await this.wins.find(id);
    if (!win) throw new NotFoundException('No such win.');
    const [read] = await this.withMoneyNow([win], scope);
    return read ?? { ...win, now: null };
  }

  /** Each win with its initiative's money today, for the initiatives the scope reads. */
  private async withMoneyNow(
    wins: readonly PublishedWin[],
    scope: ReadScope | null,
  ): Promise<WinResponse[]> {
    const ids = [...new Set(wins.map((w) => w.initiative.id))];
    const readable = ids.length > 0 ? await this.money.readable(ids, scope) : [];
    const initiatives = readable.length > 0 ? await this.money.initiatives(readable) : [];
    const money = await this.moneyOf(initiatives);
    const today = new Map(initiatives.map((initiative, i) => [initiative.id, money[i]]));
    return wins.map((win) => {
      const money = today.get(win.initiative.id);
      const now: WinMoneyNow | null = money
        ? { realisedMinor: money.realisedTotalMinor, payback: money.payback }
        : null;
      return { ...win, now };
    });
  }

  /**
   * The money today of each initiative, in order, by the rules of money-model.ts (and libs/domain
   * money.ts): three statements for any number of initiatives.
   */
  private async moneyOf(initiatives: readonly MoneyInitiativeRow[]): Promise<InitiativeMoney[]> {
    if (initiatives.length === 0) return [];
    const ids = initiatives.map((i) => i.id);
    const cycles = await this.money.cycles();
    const standings = await this.money.valuedStandings(ids);
    const entries = await this.money.entries(ids);
    const day = today(clockNow());
    return initiatives.map((initiative) =>
      initiativeMoney(
        initiative.plan,
        cycles,
        standings.filter((s) => s.initiativeId === initiative.id),
        entries.filter((e) => e.initiativeId === initiative.id),
        day,
      ),
    );
  }
}
