import { ApiProperty } from '@nestjs/swagger';
import {
  type CreateCustomerGroupRequest,
  CUSTOMER_GROUP_INTENT_VALUES,
  CUSTOMER_GROUP_NAME_MAX_LENGTH,
  CUSTOMER_GROUP_TEXT_MAX_LENGTH,
  type CustomerGroupIntent,
  type CustomerGroupResponse,
  type UpdateCustomerGroupRequest,
} from '@waypoint/contracts';
import {
  PageDto,
  PageQueryDto,
  OneOf,
  OptionalBoolean,
  OptionalText,
  RequiredText,
  SingleLine,
} from '../../common';
import type { CustomerGroupEntity } from '../customer-group.entity';

export class CreateCustomerGroupDto implements CreateCustomerGroupRequest {
  @RequiredText(CUSTOMER_GROUP_NAME_MAX_LENGTH, 'Loyal families')
  @SingleLine()
  name!: string;

  @OptionalText(CUSTOMER_GROUP_TEXT_MAX_LENGTH)
  description?: string;

  @OneOf(CUSTOMER_GROUP_INTENT_VALUES)
  intent!: CustomerGroupIntent;

  @OptionalText(CUSTOMER_GROUP_TEXT_MAX_LENGTH)
  valueProposition?: string;

  @OptionalBoolean()
  protected?: boolean;
}

export class UpdateCustomerGroupDto implements UpdateCustomerGroupRequest {
  @OptionalText(CUSTOMER_GROUP_NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  name?: string;

  @OptionalText(CUSTOMER_GROUP_TEXT_MAX_LENGTH)
  description?: string;

  @OneOf(CUSTOMER_GROUP_INTENT_VALUES, { optional: true })
  intent?: CustomerGroupIntent;

  @OptionalText(CUSTOMER_GROUP_TEXT_MAX_LENGTH)
  valueProposition?: string;

  @OptionalBoolean()
  protected?: boolean;
}

/** Sorted by name; optionally only the groups of one intent. */
export class CustomerGroupListQueryDto extends PageQueryDto {
  @OneOf(CUSTOMER_GROUP_INTENT_VALUES, { optional: true })
  intent?: CustomerGroupIntent;
}

export class CustomerGroupResponseDto implements CustomerGroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Loyal families' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: CUSTOMER_GROUP_INTENT_VALUES }) intent!: CustomerGroupIntent;
  @ApiProperty() valueProposition!: string;
  @ApiProperty({ description: 'Its experience must not be traded away.' }) protected!: boolean;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CustomerGroupPageDto extends PageDto(CustomerGroupResponseDto) {}

export function mapCustomerGroup(entity: CustomerGroupEntity): CustomerGroupResponse {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    intent: entity.intent,
    valueProposition: entity.valueProposition,
    protected: entity.protected,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
