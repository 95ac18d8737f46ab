import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  type DeclineIdeaRequest,
  IDEA_EFFORT_MAX,
  IDEA_EFFORT_MIN,
  IDEA_ESTIMATE_MAX,
  IDEA_ESTIMATE_MIN,
  IDEA_REASON_MAX_LENGTH,
  IDEA_STATUS_VALUES,
  IDEA_TEXT_MAX_LENGTH,
  IDEA_TITLE_MAX_LENGTH,
  type IdeaDetailResponse,
  type IdeaMeToo,
  type IdeaResponse,
  type IdeaStatus,
  INITIATIVE_TITLE_MAX_LENGTH,
  type MergeIdeaRequest,
  type MeTooRequest,
  type PromoteIdeaRequest,
  type SubmitIdeaRequest,
  type UserRef,
} from '@waypoint/contracts';
import {
  OneOf,
  OptionalText,
  PageDto,
  PageQueryDto,
  RequiredText,
  SingleLine,
  UserIdOrMe,
  UuidRef,
  WholeNumber,
} from '../../common';
import { CreateInitiativeDto, UserRefDto } from '../../initiatives';

export class SubmitIdeaDto implements SubmitIdeaRequest {
  @RequiredText(IDEA_TITLE_MAX_LENGTH, 'Call back instead of queueing')
  @SingleLine()
  title!: string;

  @UuidRef({ description: 'The customer group it is for.' })
  customerGroupId!: string;

  @UuidRef({ description: "A moment of that group's journey." })
  momentId!: string;

  @RequiredText(IDEA_TEXT_MAX_LENGTH, 'Families wait twenty minutes on the phone at peak.')
  pain!: string;

  @OptionalText(IDEA_TEXT_MAX_LENGTH)
  evidence?: string;

  @WholeNumber(IDEA_ESTIMATE_MIN, IDEA_ESTIMATE_MAX, { description: 'For customers, 0-10.' })
  customerImpact!: number;

  @WholeNumber(IDEA_ESTIMATE_MIN, IDEA_ESTIMATE_MAX, { description: 'For the business, 0-10.' })
  businessValue!: number;

  @WholeNumber(IDEA_EFFORT_MIN, IDEA_EFFORT_MAX, { description: '1 (days) to 5 (many months).' })
  effort!: number;
}

export class MeTooDto implements MeTooRequest {
  @OptionalText(IDEA_REASON_MAX_LENGTH)
  evidence?: string;
}

export class DeclineIdeaDto implements DeclineIdeaRequest {
  @RequiredText(IDEA_REASON_MAX_LENGTH, 'Already covered by the call-back initiative.')
  reason!: string;
}

export class MergeIdeaDto implements MergeIdeaRequest {
  @UuidRef({ description: 'The idea kept.' })
  intoIdeaId!: string;
}

/** The wizard's plan; what it leaves out comes from the idea. */
export class PromoteIdeaDto
  extends OmitType(CreateInitiativeDto, ['title'] as const)
  implements PromoteIdeaRequest
{
  @OptionalText(INITIATIVE_TITLE_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  title?: string;
}

export class IdeaListQueryDto extends PageQueryDto {
  @OneOf(IDEA_STATUS_VALUES, { optional: true })
  status?: IdeaStatus;

  @UuidRef({ optional: true })
  customerGroupId?: string;

  @UuidRef({ optional: true })
  momentId?: string;

  @UuidRef({ optional: true, description: 'The idea promoted into this initiative.' })
  initiativeId?: string;

  @UserIdOrMe('Only the ideas this person submitted (`me`: mine).')
  submittedBy?: string;
}

class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class TitledRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class IdeaMeTooDto implements IdeaMeToo {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserRefDto }) by!: UserRef;
  @ApiProperty() evidence!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class IdeaResponseDto implements IdeaResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: NamedRefDto }) customerGroup!: { id: string; name: string };
  @ApiProperty({ type: NamedRefDto, nullable: true }) moment!: { id: string; name: string } | null;
  @ApiProperty() pain!: string;
  @ApiProperty() evidence!: string;
  @ApiProperty({ type: 'integer' }) customerImpact!: number;
  @ApiProperty({ type: 'integer' }) businessValue!: number;
  @ApiProperty({ type: 'integer' }) effort!: number;
  @ApiProperty({
    description:
      '(customer impact + business value) / effort + 0.5 per "me too" (at most 10 count), one decimal.',
  })
  priority!: number;
  @ApiProperty({ enum: IDEA_STATUS_VALUES }) status!: IdeaStatus;
  @ApiProperty({ type: UserRefDto }) submittedBy!: UserRef;
  @ApiProperty({ type: 'integer' }) meTooCount!: number;
  @ApiProperty({ description: 'Whether you said "me too".' }) meTooMine!: boolean;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({ type: TitledRefDto, nullable: true }) mergedInto!: {
    id: string;
    title: string;
  } | null;
  @ApiProperty({ type: TitledRefDto, nullable: true }) initiative!: {
    id: string;
    title: string;
  } | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) triagedBy!: UserRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) triagedAt!: string | null;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class IdeaDetailResponseDto extends IdeaResponseDto implements IdeaDetailResponse {
  @ApiProperty({ type: [IdeaMeTooDto], description: 'Newest first.' }) meToos!: IdeaMeToo[];
}

export class IdeaPageDto extends PageDto(IdeaResponseDto) {}
