import { ApiProperty } from '@nestjs/swagger';
import {
  type CreateDepartmentRequest,
  type DepartmentResponse,
  NAME_MAX_LENGTH,
  type UpdateDepartmentRequest,
} from '@waypoint/contracts';
import { PageDto, PageQueryDto, OptionalText, RequiredText } from '../../common';
import type { DepartmentEntity } from '../department.entity';

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @RequiredText(NAME_MAX_LENGTH, 'Customer Service')
  name!: string;
}

export class UpdateDepartmentDto implements UpdateDepartmentRequest {
  @OptionalText(NAME_MAX_LENGTH, { nonEmpty: true })
  name?: string;
}

/** Paging only; the list is sorted by name. */
export class DepartmentListQueryDto extends PageQueryDto {}

export class DepartmentResponseDto implements DepartmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Customer Service' }) name!: string;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DepartmentPageDto extends PageDto(DepartmentResponseDto) {}

export function mapDepartment(entity: DepartmentEntity): DepartmentResponse {
  return {
    id: entity.id,
    name: entity.name,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
