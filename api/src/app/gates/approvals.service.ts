import { Injectable } from '@nestjs/common';
import type { ApprovalResponse, Page } from '@waypoint/contracts';
import type { AuthenticatedUser } from '../auth';
import { pageOf, type PageRequest } from '../common';
import { PeopleRepository, personOf } from '../milestones';
import { type ApprovalFilter, ApprovalsRepository } from './approvals.repository';

const HOUR_MS = 3_600_000;

/** The gates waiting for the caller's decision (executives: all; others: those they sponsor). */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly approvals: ApprovalsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async list(
    user: AuthenticatedUser,
    filter: ApprovalFilter,
    page: PageRequest,
    now: Date = new Date(),
  ): Promise<Page<ApprovalResponse>> {
    const { rows, total } = await this.approvals.list(
      { userId: user.id, decidesAll: user.role === 'executive' },
      filter,
      page,
    );
    const people = await this.people.refs(rows.map((row) => row.submittedBy));
    return pageOf(
      rows.map((row) => ({
        submissionId: row.submissionId,
        initiative: { id: row.initiativeId, title: row.initiativeTitle },
        milestone: {
          id: row.milestoneId,
          title: row.milestoneTitle,
          position: row.milestonePosition,
          version: row.milestoneVersion,
        },
        submittedAt: row.submittedAt.toISOString(),
        submittedBy: personOf(people, row.submittedBy),
        waitingHours: Math.max(
          0,
          Math.floor((now.getTime() - row.submittedAt.getTime()) / HOUR_MS),
        ),
      })),
      total,
      page,
    );
  }
}
