import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CycleReviewResponse, Page } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import {
  CycleReviewPageDto,
  CycleReviewResponseDto,
  PutCycleReviewDto,
  ReviewListQueryDto,
  ReviewParams,
} from './dto/review.dto';
import { ApiOptionalIfMatch, OptionalIfMatch } from './optional-if-match.decorator';
import { ReviewsService } from './reviews.service';

@ApiTags('cycle reviews')
@Controller('initiatives/:id/cycle-reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'Cycle reviews of an initiative, latest cycle first; each with the change measured from the readings.',
  })
  @ApiOkResponse({ type: CycleReviewPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param() params: IdParams,
    @Query() query: ReviewListQueryDto,
  ): Promise<Page<CycleReviewResponse>> {
    return this.reviews.list(params.id, query);
  }

  @Put(':cycleId')
  @RequirePermission('reviews.write', 'initiative')
  @ApiOptionalIfMatch()
  @ApiOperation({
    summary:
      'Write the review of a cycle (plan-do-check-act): creates it, or replaces it with If-Match (audited).',
  })
  @ApiOkResponse({ type: CycleReviewResponseDto, description: 'Replaced; with its new ETag.' })
  @ApiCreatedResponse({ type: CycleReviewResponseDto, description: 'Created.' })
  @ApiProblems(
    400,
    401,
    403,
    [404, 'No such initiative or cycle.'],
    412,
    [422, 'A decision before the cycle starts, or none after it has ended.'],
    [428, 'The review exists: send If-Match with its ETag.'],
  )
  async put(
    @Param() params: ReviewParams,
    @OptionalIfMatch() expectedVersion: number | null,
    @Body() body: PutCycleReviewDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CycleReviewResponse> {
    const { created, review } = await this.reviews.put(
      params.id,
      params.cycleId,
      expectedVersion,
      body,
      actor,
    );
    void reply.status(created ? 201 : 200);
    return review;
  }
}
