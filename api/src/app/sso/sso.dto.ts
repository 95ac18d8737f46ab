import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SignInOptionsResponse, SsoLogoutResponse } from '@waypoint/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A path of this site: one leading slash, never `//` or `/\` (which would leave the site). */
const LOCAL_PATH = /^\/(?![/\\])[^\s]*$/;

export class SsoStartQueryDto {
  @ApiPropertyOptional({
    description: 'Where to go once signed in: a path of this site (default `/`).',
    example: '/my-work',
    maxLength: 2048,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @Matches(LOCAL_PATH, { message: '$property must be a path of this site, e.g. /my-work' })
  returnTo?: string;
}

/** What a provider sends back to the callback (RFC 6749 4.1.2, RFC 9207 `iss`). */
export class SsoCallbackQueryDto {
  @ApiPropertyOptional({ maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  code?: string;

  @ApiPropertyOptional({ maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  state?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  iss?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  session_state?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  scope?: string;

  @ApiPropertyOptional({ maxLength: 256 })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  error?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  error_description?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  error_uri?: string;
}

class SsoProviderDto {
  @ApiProperty({ example: 'Acme Login' })
  providerName!: string;
}

export class SignInOptionsDto implements SignInOptionsResponse {
  @ApiProperty({ description: 'Email and password are accepted.' })
  passwordSignIn!: boolean;

  @ApiProperty({
    type: SsoProviderDto,
    nullable: true,
    description: 'Single sign-on, when on: the sign-in page offers "Sign in with <providerName>".',
  })
  sso!: SsoProviderDto | null;
}

export class SsoLogoutDto implements SsoLogoutResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The provider's end-session URL to send the browser to; null when the session did not come from single sign-on or the provider offers no end_session.",
  })
  endSessionUrl!: string | null;
}
