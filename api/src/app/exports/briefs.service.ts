import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  BriefMeasure,
  InitiativeBriefResponse,
  PortfolioBriefResponse,
} from '@waypoint/contracts';
import { isStale } from '@waypoint/domain';
import { PortfolioRepository, PortfolioService } from '../portfolio';
import { mapReview, ReviewsRepository } from '../reviews';
import { type CycleRow, cycleRef, resolveCycle, type ValueModel, ValueService } from '../value';
import { BriefsRepository } from './briefs.repository';

function briefMeasures(model: ValueModel, initiativeId: string, now: Date): BriefMeasure[] {
  const latest = model.latest(initiativeId);
  const progress = new Map(model.standings(initiativeId).map((s) => [s.measureId, s.progress]));
  return model.measures(initiativeId).map((m) => {
    const reading = latest.get(m.id);
    return {
      id: m.id,
      name: m.name,
      unit: m.unit,
      perspective: m.perspective,
      direction: m.direction,
      baseline: m.baseline,
      target: m.target,
      latest: reading
        ? { id: reading.id, value: reading.value, observedAt: reading.observedAt.toISOString() }
        : null,
      progress: progress.get(m.id) ?? null,
      stale: isStale(reading?.observedAt ?? null, m.cadence, now, m.createdAt),
    };
  });
}

/** The data of the one-page, printable progress briefs (seed 000 points 5 and 6). */
@Injectable()
export class BriefsService {
  constructor(
    private readonly briefs: BriefsRepository,
    private readonly value: ValueService,
    private readonly portfolioData: PortfolioRepository,
    private readonly portfolio: PortfolioService,
    private readonly reviews: ReviewsRepository,
  ) {}

  async initiative(
    id: string,
    cycleId: string | undefined,
    threshold: number,
  ): Promise<InitiativeBriefResponse> {
    const now = new Date();
    const initiative = await this.briefs.initiative(id);
    if (!initiative) throw new NotFoundException('No such initiative.');
    const people = await this.briefs.people(id);
    const customerGroups = await this.briefs.customerGroups(id);
    const milestones = await this.portfolioData.milestones([id]);
    const cycles = await this.value.cycles();
    const cycle = resolveCycle(cycles, cycleId, 'latest_started', now);
    const review = await this.reviews.latestFor(id, cycle?.startsOn ?? null);
    // The brief's cycle and its latest review's cycle: their indices and standings.
    const shown = [cycle, review?.cycle ?? null].filter((c): c is CycleRow => c !== null);
    const model = await this.value.model([id], {
      now: true,
      measuresNow: true,
      indices: shown,
      standings: shown,
    });
    const openConditions = await this.briefs.openConditions(id);
    const person = (userId: string | null) => {
      const found = people.find((p) => p.id === userId);
      return found ? { id: found.id, displayName: found.displayName } : null;
    };
    return {
      generatedAt: now.toISOString(),
      initiative: {
        id,
        title: initiative.title,
        status: initiative.status,
        approach: initiative.approach,
        problem: initiative.problem,
        hypothesis: initiative.hypothesis,
        owner: person(initiative.ownerId) ?? { id: initiative.ownerId, displayName: '' },
        sponsor: person(initiative.sponsorId),
        team: people.filter((p) => p.onTeam).map((p) => ({ id: p.id, displayName: p.displayName })),
        customerGroups,
        estimated: {
          customer: initiative.estimatedCustomerValue,
          business: initiative.estimatedBusinessValue,
        },
      },
      gateTrack: milestones.map((m) => ({
        id: m.id,
        position: m.position,
        title: m.title,
        state: m.state,
        dueDate: m.dueDate,
        submittedAt: m.submittedAt?.toISOString() ?? null,
        decidedAt: m.decidedAt?.toISOString() ?? null,
      })),
      measures: briefMeasures(model, id, now),
      indices: {
        now: model.now(id),
        cycle: cycle ? { cycle: cycleRef(cycle), ...model.forCycle(id, cycle) } : null,
      },
      alerts: await this.value.alertsOf(id, cycle, threshold),
      latestReview: review
        ? mapReview(review, model, await this.reviews.authors([review.authorId]))
        : null,
      openConditions,
    };
  }

  portfolioBrief(cycleId: string | undefined, threshold: number): Promise<PortfolioBriefResponse> {
    return this.portfolio.brief(cycleId, threshold);
  }
}
