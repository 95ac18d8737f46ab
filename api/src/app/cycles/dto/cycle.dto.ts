import { ApiProperty } from '@nestjs/swagger';
import {
  type CreateCycleRequest,
  CYCLE_NAME_MAX_LENGTH,
  CYCLE_PERIOD_VALUES,
  CYCLE_SORT_VALUES,
  type CyclePeriod,
  type CycleRef,
  type CycleResponse,
  type CycleSort,
  type NextCycleRequest,
  type UpdateCycleRequest,
} from '@waypoint/contracts';
import {
  PageDto,
  PageQueryDto,
  IsoDay,
  OneOf,
  OptionalText,
  RequiredText,
  SingleLine,
} from '../../common';
import type { CycleEntity } from '../cycle.entity';

export class CreateCycleDto implements CreateCycleRequest {
  @RequiredText(CYCLE_NAME_MAX_LENGTH, '2026-Q4')
  @SingleLine()
  name!: string;

  @IsoDay({ example: '2026-10-01' })
  startsOn!: string;

  @IsoDay({ example: '2026-12-31' })
  endsOn!: string;
}

export class UpdateCycleDto implements UpdateCycleRequest {
  @OptionalText(CYCLE_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  name?: string;

  @IsoDay({ optional: true, example: '2027-01-01' })
  startsOn?: string;

  @IsoDay({ optional: true, example: '2027-03-31' })
  endsOn?: string;
}

export class NextCycleDto implements NextCycleRequest {
  @OneOf(CYCLE_PERIOD_VALUES, { optional: true })
  period?: CyclePeriod;
}

export class CycleListQueryDto extends PageQueryDto {
  @OneOf(CYCLE_SORT_VALUES, { optional: true })
  sort?: CycleSort;

  /** Cycles that end on or after this day. */
  @IsoDay({ optional: true, example: '2026-01-01' })
  from?: string;

  /** Cycles that start on or before this day. */
  @IsoDay({ optional: true, example: '2026-12-31' })
  to?: string;
}

export class CycleRefDto implements CycleRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-Q4' }) name!: string;
  @ApiProperty({ format: 'date', description: 'The first day.' }) startsOn!: string;
  @ApiProperty({ format: 'date', description: 'The last day (included).' }) endsOn!: string;
}

export class CycleResponseDto extends CycleRefDto implements CycleResponse {
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CyclePageDto extends PageDto(CycleResponseDto) {}

export function mapCycle(entity: CycleEntity): CycleResponse {
  return {
    id: entity.id,
    name: entity.name,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
