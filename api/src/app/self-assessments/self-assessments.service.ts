import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  type MySelfAssessmentAnswer,
  type OpenSelfAssessmentRequest,
  type Page,
  SELF_ASSESSMENT_MIN_ANSWERS,
  type SelfAssessmentArea,
  type SelfAssessmentResponse,
  type SelfAssessmentResults,
  type SelfAssessmentScore,
  type SubmitSelfAssessmentAnswerRequest,
} from '@waypoint/contracts';
import {
  assertRule,
  DomainError,
  fieldErrorsOf,
  SELF_ASSESSMENT_QUESTION_SET_VERSION,
  selfAssessmentAnswerProblems,
  selfAssessmentAverages,
  selfAssessmentInScope,
  selfAssessmentShown,
  selfAssessmentStatements,
  selfAssessmentSuggestions,
} from '@waypoint/domain';
import { AuditService } from '../audit';
import type { Actor, AuthenticatedUser } from '../auth';
import { clockNow, pageOf, type PageRequest } from '../common';
import { mapSelfAssessment } from './dto/self-assessment.dto';
import { newAnswerKey, respondentKey } from './respondent-key';
import {
  type SelfAssessmentFilter,
  type SelfAssessmentRow,
  SelfAssessmentsRepository,
} from './self-assessments.repository';

const ENTITY_TYPE = 'self_assessment';
const NOT_FOUND = 'No such self-assessment.';

/**
 * The customer-centricity self-assessment (seeds 002 and 004). Answers are anonymous: the audit
 * trail says who answered and when, never what; results are read only as averages, and only for
 * five answers or more.
 */
@Injectable()
export class SelfAssessmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: SelfAssessmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    filter: SelfAssessmentFilter,
    page: PageRequest,
    user: AuthenticatedUser,
  ): Promise<Page<SelfAssessmentResponse>> {
    const { rows, total } = await this.repository.list(filter, page, user.id);
    return pageOf(
      rows.map((row) => mapSelfAssessment(row, user.departmentId)),
      total,
      page,
    );
  }

  async get(id: string, user: AuthenticatedUser): Promise<SelfAssessmentResponse> {
    return mapSelfAssessment(await this.row(id, user.id), user.departmentId);
  }

  private async row(id: string, viewerId: string): Promise<SelfAssessmentRow> {
    const row = await this.repository.findRow(id, viewerId);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  /** Opens the assessment of a cycle for the organisation or one department (409: it exists). */
  async open(
    request: OpenSelfAssessmentRequest,
    user: AuthenticatedUser,
    actor: Actor,
  ): Promise<SelfAssessmentResponse> {
    return this.txHost.withTransaction(async () => {
      const problems: string[] = [];
      if (!(await this.repository.cycleExists(request.cycleId))) {
        problems.push('cycleId: no such cycle.');
      }
      if (
        request.departmentId !== undefined &&
        !(await this.repository.departmentExists(request.departmentId))
      ) {
        problems.push('departmentId: no such department.');
      }
      if (problems.length > 0) {
        throw new DomainError(
          'reference_invalid',
          problems.map((p) => p.replace(/^\w+: /, '')).join(' '),
          fieldErrorsOf(problems),
        );
      }
      const created = await this.repository.insert({
        cycleId: request.cycleId,
        departmentId: request.departmentId ?? null,
        questionSetVersion: SELF_ASSESSMENT_QUESTION_SET_VERSION,
        status: 'open',
        openedBy: user.id,
        openedAt: clockNow(),
        answerKey: newAnswerKey(),
      });
      const response = await this.get(created.id, user);
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        after: { ...response, inScope: undefined, answered: undefined },
      });
      return response;
    });
  }

  /** Closes it: answers can no longer change, and nothing ties them to anyone any more. */
  async close(
    id: string,
    expectedVersion: number,
    user: AuthenticatedUser,
    actor: Actor,
  ): Promise<SelfAssessmentResponse> {
    return this.txHost.withTransaction(async () => {
      const locked = await this.repository.lock(id);
      if (!locked) throw new NotFoundException(NOT_FOUND);
      assertRule(
        'self_assessment_closed',
        locked.status === 'closed' ? 'This self-assessment is already closed.' : null,
      );
      await this.repository.close(id, expectedVersion, clockNow());
      const response = await this.get(id, user);
      await this.audit.record({
        actor,
        action: 'close',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: { status: 'open' },
        after: { status: 'closed', answerCount: response.answerCount },
      });
      return response;
    });
  }

  /**
   * The person's answer: once per person, changed as often as they like while the assessment is
   * open. The audit event names who answered, never the scores.
   */
  async answer(
    id: string,
    request: SubmitSelfAssessmentAnswerRequest,
    user: AuthenticatedUser,
    actor: Actor,
  ): Promise<MySelfAssessmentAnswer> {
    return this.txHost.withTransaction(async () => {
      const locked = await this.repository.lock(id);
      if (!locked) throw new NotFoundException(NOT_FOUND);
      assertRule(
        'self_assessment_closed',
        locked.status === 'closed' || locked.answerKey === null
          ? 'This self-assessment is closed: answers can no longer be given or changed.'
          : null,
      );
      assertRule(
        'self_assessment_out_of_scope',
        selfAssessmentInScope(locked.departmentId, user.departmentId)
          ? null
          : 'This self-assessment asks the people of another department.',
      );
      const problems = selfAssessmentAnswerProblems(locked.questionSetVersion, request.scores);
      if (problems.length > 0) {
        throw new DomainError(
          'invalid_request',
          [...new Set(problems.map((p) => p.replace(/^scores: /, '')))].join(' '),
          fieldErrorsOf(problems),
        );
      }
      const scores = this.normalised(locked.questionSetVersion, request.scores);
      await this.repository.saveAnswer(id, respondentKey(locked.answerKey ?? '', user.id), scores);
      const first = await this.repository.addParticipant(id, user.id);
      await this.audit.record({
        actor,
        action: first ? 'answer' : 'change_answer',
        entityType: ENTITY_TYPE,
        entityId: id,
      });
      return { assessmentId: id, answered: true, scores };
    });
  }

  /** In the order of the question set; empty comments left out. */
  private normalised(
    version: number,
    scores: readonly SelfAssessmentScore[],
  ): SelfAssessmentScore[] {
    return selfAssessmentStatements(version).flatMap((statement) => {
      const given = scores.find((s) => s.area === statement.area);
      if (!given) return [];
      const comment = given.comment?.trim();
      return [{ area: given.area, score: given.score, ...(comment ? { comment } : {}) }];
    });
  }

  /** The signed-in person's own answer, found by their respondent key (no one else's). */
  async myAnswer(id: string, user: AuthenticatedUser): Promise<MySelfAssessmentAnswer> {
    return this.txHost.withTransaction(async () => {
      const locked = await this.repository.lock(id);
      if (!locked) throw new NotFoundException(NOT_FOUND);
      const answered = await this.repository.hasAnswered(id, user.id);
      const scores =
        answered && locked.answerKey !== null
          ? await this.repository.findAnswer(id, respondentKey(locked.answerKey, user.id))
          : null;
      return { assessmentId: id, answered, scores: scores ?? [] };
    });
  }

  /**
   * Averages per area beside the previous cycle's (same scope), the comments, and the roads of
   * the weakest areas; below five answers only the count.
   */
  async results(id: string, user: AuthenticatedUser): Promise<SelfAssessmentResults> {
    const row = await this.row(id, user.id);
    const previous = await this.repository.previous(row, user.id);
    const shown = selfAssessmentShown(row.answerCount);
    const previousShown = previous !== null && selfAssessmentShown(previous.answerCount);
    const answers = shown ? await this.repository.answers(id) : [];
    const averages = selfAssessmentAverages(answers);
    const before =
      previous && previousShown
        ? selfAssessmentAverages(await this.repository.answers(previous.id))
        : new Map<SelfAssessmentArea, number>();
    const areas = shown
      ? selfAssessmentStatements(row.questionSetVersion).flatMap((statement) => {
          const average = averages.get(statement.area);
          if (average === undefined) return [];
          const comments = answers
            .flatMap((answer) => answer.filter((s) => s.area === statement.area))
            .flatMap((s) => (s.comment ? [s.comment] : []))
            .sort((a, b) => a.localeCompare(b));
          return [
            {
              area: statement.area,
              average,
              previousAverage: before.get(statement.area) ?? null,
              comments,
            },
          ];
        })
      : [];
    return {
      assessmentId: id,
      cycleName: row.cycleName,
      answerCount: row.answerCount,
      minimumAnswers: SELF_ASSESSMENT_MIN_ANSWERS,
      shown,
      areas,
      previous: previous
        ? {
            assessmentId: previous.id,
            cycleName: previous.cycleName,
            answerCount: previous.answerCount,
            shown: previousShown,
          }
        : null,
      suggestions: shown ? selfAssessmentSuggestions(row.questionSetVersion, averages) : [],
    };
  }
}
