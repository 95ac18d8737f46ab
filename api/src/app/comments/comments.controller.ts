import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentResponse, Page } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import { Idempotent } from '../idempotency';
import {
  CommentListQueryDto,
  CommentPageDto,
  CommentResponseDto,
  CreateCommentDto,
} from './dto/comment.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Controller('initiatives')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get(':id/comments')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary: 'Comments on the initiative and its milestones and steps, oldest first, paged.',
  })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param() params: IdParams,
    @Query() query: CommentListQueryDto,
  ): Promise<Page<CommentResponse>> {
    return this.comments.list(params.id, query);
  }

  @Post(':id/comments')
  @Idempotent()
  @RequirePermission('comments.write', 'initiative')
  @ApiOperation({
    summary: 'Comment on the initiative, one of its milestones or one of its steps (plain text).',
  })
  @ApiCreatedResponse({ type: CommentResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'This Idempotency-Key is still being processed.'],
    [
      422,
      'The target is not this initiative nor one of its milestones or steps; or the Idempotency-Key was used for another request.',
    ],
  )
  create(
    @Param() params: IdParams,
    @Body() body: CreateCommentDto,
    @CurrentActor() actor: Actor,
  ): Promise<CommentResponse> {
    return this.comments.create(params.id, body, actor);
  }
}
