import { ApiProperty } from '@nestjs/swagger';
import {
  COMMENT_BODY_MAX_LENGTH,
  COMMENT_TARGET_TYPE_VALUES,
  type CommentListQuery,
  type CommentResponse,
  type CommentTargetType,
  type CreateCommentRequest,
} from '@waypoint/contracts';
import { PageDto, PageQueryDto, OneOf, RequiredText, UuidRef } from '../../common';
import { UserRefDto } from '../../initiatives';

export class CreateCommentDto implements CreateCommentRequest {
  @OneOf(COMMENT_TARGET_TYPE_VALUES)
  targetType!: CommentTargetType;

  @UuidRef({ description: 'The initiative itself, or one of its milestones or steps.' })
  targetId!: string;

  @RequiredText(COMMENT_BODY_MAX_LENGTH, 'The pilot numbers look good; can we see last week too?')
  body!: string;
}

/** Oldest first; optionally only the comments on one target. */
export class CommentListQueryDto extends PageQueryDto implements CommentListQuery {
  @OneOf(COMMENT_TARGET_TYPE_VALUES, { optional: true })
  targetType?: CommentTargetType;

  @UuidRef({ optional: true })
  targetId?: string;
}

export class CommentResponseDto implements CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ enum: COMMENT_TARGET_TYPE_VALUES }) targetType!: CommentTargetType;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ type: UserRefDto }) author!: UserRefDto;
  @ApiProperty({ description: 'Plain text: show it escaped, never as HTML.' }) body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommentPageDto extends PageDto(CommentResponseDto) {}
