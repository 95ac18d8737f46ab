import { Injectable } from '@nestjs/common';
import {
  APPROACH_VALUES,
  type Approach,
  type CompletedPayback,
  type MoneyCycleTotals,
  type MoneyDepartment,
  type MoneyRoad,
  type PortfolioMoneyResponse,
} from '@waypoint/contracts';
import { today } from '@waypoint/domain';
import { clockNow } from '../common';
import { AppConfig } from '../config';
import { type InitiativeMoney, initiativeMoney } from './money-model';
import { type CycleRow, MoneyRepository } from './money.repository';

interface Totals {
  cycles: MoneyCycleTotals[];
  expectedMinor: number;
  realisedMinor: number;
}

function emptyTotals(cycles: readonly CycleRow[]): Totals {
  return {
    cycles: cycles.map((c) => ({
      cycle: { id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn },
      expectedMinor: 0,
      realisedMinor: 0,
    })),
    expectedMinor: 0,
    realisedMinor: 0,
  };
}

function add(totals: Totals, money: InitiativeMoney): void {
  money.cycles.forEach((c, i) => {
    const into = totals.cycles[i];
    if (!into) return;
    into.expectedMinor += c.expectedMinor;
    into.realisedMinor += c.realisedMinor ?? 0;
  });
  totals.expectedMinor += money.expectedTotalMinor;
  totals.realisedMinor += money.realisedTotalMinor;
}

/**
 * The portfolio's money: expected against realised benefit per cycle, in all, by road and by
 * the owner's department, the mix of initiatives by road, and the payback of each completed
 * initiative with a money case. Five statements whatever the size of the portfolio; each
 * initiative's figures are the same rules (money-model.ts) its own page shows.
 */
@Injectable()
export class PortfolioMoneyService {
  constructor(
    private readonly money: MoneyRepository,
    private readonly config: AppConfig,
  ) {}

  async read(): Promise<PortfolioMoneyResponse> {
    const cycles = await this.money.cycles();
    const initiatives = await this.money.initiatives(null);
    const standings = await this.money.valuedStandings(null);
    const entries = await this.money.entries(null);
    const counts = await this.money.roadCounts();
    const day = today(clockNow());

    const standingsOf = groupBy(standings, (s) => s.initiativeId);
    const entriesOf = groupBy(entries, (e) => e.initiativeId);
    const all = emptyTotals(cycles);
    const roads = new Map<Approach, MoneyRoad>(
      APPROACH_VALUES.map((road) => [
        road,
        { road, initiatives: 0, byStatus: {}, ...emptyTotals(cycles) },
      ]),
    );
    for (const c of counts) {
      const road = roads.get(c.road);
      if (!road) continue;
      road.initiatives += c.count;
      road.byStatus[c.status] = (road.byStatus[c.status] ?? 0) + c.count;
    }
    const departments = new Map<string, MoneyDepartment>();
    const completed: CompletedPayback[] = [];
    for (const initiative of initiatives) {
      const money = initiativeMoney(
        initiative.plan,
        cycles,
        standingsOf.get(initiative.id) ?? [],
        entriesOf.get(initiative.id) ?? [],
        day,
      );
      add(all, money);
      const road = roads.get(initiative.road);
      if (road) add(road, money);
      const key = initiative.department?.id ?? '';
      let department = departments.get(key);
      if (!department) {
        department = { department: initiative.department, ...emptyTotals(cycles) };
        departments.set(key, department);
      }
      add(department, money);
      if (initiative.status === 'completed' && initiative.plan && money.payback) {
        completed.push({
          initiative: { id: initiative.id, title: initiative.title, road: initiative.road },
          oneOffCostMinor: initiative.plan.oneOffCostMinor,
          realisedMinor: money.realisedTotalMinor,
          payback: money.payback,
        });
      }
    }
    return {
      currency: this.config.currency,
      ...all,
      roads: [...roads.values()],
      departments: [...departments.values()].sort((a, b) =>
        (a.department?.name ?? '').localeCompare(b.department?.name ?? ''),
      ),
      completed,
    };
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
