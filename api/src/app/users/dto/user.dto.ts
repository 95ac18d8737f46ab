import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateUserRequest,
  type CreateUserResponse,
  type DepartmentRef,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  ROLE_VALUES,
  type Role,
  type SponsorResponse,
  type UpdateUserRequest,
  type UserResponse,
  type InitiativeTitleRef,
  type UpdatedUserResponse,
} from '@waypoint/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn } from 'class-validator';
import {
  PageDto,
  PageQueryDto,
  Email,
  OneOf,
  Optional,
  OptionalBoolean,
  OptionalText,
  RequiredText,
  SingleLine,
  UuidRef,
} from '../../common';

export class CreateUserDto implements CreateUserRequest {
  @Email(EMAIL_MAX_LENGTH, 'sam@example.com')
  email!: string;

  @RequiredText(NAME_MAX_LENGTH, 'Sam Rivera')
  @SingleLine()
  displayName!: string;

  @ApiProperty({ enum: ROLE_VALUES })
  @IsIn(ROLE_VALUES)
  role!: Role;

  @UuidRef()
  departmentId!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @OptionalText(NAME_MAX_LENGTH, { nonEmpty: true })
  @SingleLine()
  displayName?: string;

  @OneOf(ROLE_VALUES, { optional: true })
  role?: Role;

  @UuidRef({ optional: true })
  departmentId?: string;

  @ApiPropertyOptional({
    description: 'false deactivates the user: their sessions and tokens end at once.',
  })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class UserListQueryDto extends PageQueryDto {
  @OneOf(ROLE_VALUES, { optional: true })
  role?: Role;

  @UuidRef({ optional: true })
  departmentId?: string;

  @OptionalBoolean()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  active?: boolean;

  @OptionalText(NAME_MAX_LENGTH)
  @SingleLine()
  q?: string;
}

class DepartmentRefDto implements DepartmentRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class UserResponseDto implements UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLE_VALUES }) role!: Role;
  @ApiProperty({ type: DepartmentRefDto, nullable: true }) department!: DepartmentRefDto | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() passwordSet!: boolean;
  @ApiProperty({ description: 'Increments on every change; the ETag is "<version>".' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UserPageDto extends PageDto(UserResponseDto) {}

export class InitiativeTitleRefDto implements InitiativeTitleRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class UpdatedUserResponseDto extends UserResponseDto implements UpdatedUserResponse {
  @ApiProperty({
    type: InitiativeTitleRefDto,
    isArray: true,
    description:
      'Initiatives (not completed or stopped) that lose their sponsor with this change: they now show needsSponsor.',
  })
  affectedSponsorships!: InitiativeTitleRefDto[];
}

/** `GET /api/users/sponsors?q=`: active executives, by name. */
export class SponsorListQueryDto extends PageQueryDto {
  @OptionalText(NAME_MAX_LENGTH)
  @SingleLine()
  q?: string;
}

export class SponsorResponseDto implements SponsorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: DepartmentRefDto, nullable: true }) department!: DepartmentRefDto | null;
}

export class SponsorPageDto extends PageDto(SponsorResponseDto) {}

export class CreateUserResponseDto implements CreateUserResponse {
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
  @ApiProperty({ description: 'One-time link for the user to choose a password. Shown only here.' })
  setPasswordUrl!: string;
  @ApiProperty({ format: 'date-time' }) setPasswordExpiresAt!: string;
}
