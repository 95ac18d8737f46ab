import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateReadingRequest,
  MEASURE_NUMBER_LIMIT,
  READING_EVIDENCE_URL_MAX_LENGTH,
  READING_NOTE_MAX_LENGTH,
  READING_SORT_VALUES,
  READING_WITHDRAWAL_REASON_MAX_LENGTH,
  type MeasureUserRef,
  type ReadingWithdrawal,
  type WithdrawReadingRequest,
  type ReadingResponse,
  type ReadingSort,
} from '@waypoint/contracts';
import { IsBoolean, IsUrl, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import {
  PageDto,
  PageQueryDto,
  FiniteNumber,
  IsoDateTime,
  OneOf,
  Optional,
  OptionalDateTime,
  OptionalText,
  RequiredText,
  UuidRef,
} from '../../common';
import { MeasureUserRefDto } from './measure.dto';

export class CreateReadingDto implements CreateReadingRequest {
  @FiniteNumber(-MEASURE_NUMBER_LIMIT, MEASURE_NUMBER_LIMIT, { example: 31.5 })
  value!: number;

  @IsoDateTime('When the value was observed; not in the future.')
  observedAt!: string;

  @OptionalText(READING_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({
    maxLength: READING_EVIDENCE_URL_MAX_LENGTH,
    example: 'https://reports.example.com/q1-waits',
    description: 'A link to the evidence: http or https only.',
  })
  @Optional()
  @MaxLength(READING_EVIDENCE_URL_MAX_LENGTH)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http or https link' },
  )
  evidenceUrl?: string;

  @UuidRef({
    optional: true,
    description: 'The reading this one corrects: a reading of the same measure not yet superseded.',
  })
  supersedesId?: string;
}

export class ReadingListQueryDto extends PageQueryDto {
  @OneOf(READING_SORT_VALUES, { optional: true })
  sort?: ReadingSort;

  @OptionalDateTime('Readings observed at or after this instant.')
  from?: Date;

  @OptionalDateTime('Readings observed before this instant.')
  to?: Date;

  @ApiPropertyOptional({
    description:
      'true: only the readings that count (not superseded, not withdrawn); false: only the others.',
  })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  effective?: boolean;
}

export class WithdrawReadingDto implements WithdrawReadingRequest {
  @RequiredText(READING_WITHDRAWAL_REASON_MAX_LENGTH, 'Typed in the wrong measure')
  reason!: string;
}

export class ReadingWithdrawalDto implements ReadingWithdrawal {
  @ApiProperty() reason!: string;
  @ApiProperty({ type: MeasureUserRefDto }) withdrawnBy!: MeasureUserRef;
  @ApiProperty({ format: 'date-time' }) withdrawnAt!: string;
}

export class ReadingResponseDto implements ReadingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) measureId!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
  @ApiProperty({ type: MeasureUserRefDto }) recordedBy!: MeasureUserRef;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedesId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  supersededById!: string | null;
  @ApiProperty() superseded!: boolean;
  @ApiProperty({
    type: ReadingWithdrawalDto,
    nullable: true,
    description: 'Set when the reading was withdrawn: it is kept but no longer counts.',
  })
  withdrawal!: ReadingWithdrawal | null;
}

export class ReadingPageDto extends PageDto(ReadingResponseDto) {}
