import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  ROLE_VALUES,
  type ApiTokenResponse,
  type CreateApiTokenRequest,
  type CreatedApiTokenResponse,
  type CurrentUserResponse,
  type LoginRequest,
  type Role,
  type SetPasswordRequest,
} from '@waypoint/contracts';
import { IsString, MaxLength } from 'class-validator';
import { Email, UntrimmedText } from '../common';

export class LoginDto implements LoginRequest {
  @Email(EMAIL_MAX_LENGTH, 'manager@waypoint.test')
  email!: string;

  @UntrimmedText(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @UntrimmedText(200, { description: 'The token of the set-password link.' })
  token!: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @UntrimmedText(NAME_MAX_LENGTH, { example: 'Reporting script' })
  name!: string;
}

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CurrentUserDto implements CurrentUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLE_VALUES }) role!: Role;
  @ApiProperty({ type: DepartmentRefDto, nullable: true }) department!: DepartmentRefDto | null;
  @ApiProperty({ enum: ['session', 'token'] }) via!: 'session' | 'token';
}

export class ApiTokenDto implements ApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto implements CreatedApiTokenResponse {
  @ApiProperty({ description: 'The secret. Shown once: store it now.' }) token!: string;
}
