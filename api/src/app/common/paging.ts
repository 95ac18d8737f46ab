import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@waypoint/contracts';
import { Type as TransformType } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from './validators';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
const OFFSET_MAX = 1_000_000;

/** `?limit=&offset=` of every list; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
  })
  @Optional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: OFFSET_MAX, default: 0 })
  @Optional()
  @TransformType(() => Number)
  @IsInt()
  @Min(0)
  @Max(OFFSET_MAX)
  offset = 0;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, total, limit: request.limit, offset: request.offset };
}

/** OpenAPI schema of `Page<item>`: `export class ThingPageDto extends PageDto(ThingDto) {}`. */
export function PageDto<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'How many match, over all pages.' }) total!: number;
    @ApiProperty() limit!: number;
    @ApiProperty() offset!: number;
  }
  return PageOfItems;
}
