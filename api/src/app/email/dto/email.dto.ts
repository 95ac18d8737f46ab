import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_DELIVERY_VALUES,
  EMAIL_KIND_VALUES,
  type EmailDelivery,
  type EmailKind,
  type EmailPreference,
  type EmailPreferencesResponse,
  type UnsubscribeDescription,
  type UnsubscribeRequest,
  type UpdateEmailPreferencesRequest,
} from '@waypoint/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateNested } from 'class-validator';
import { OneOf, RequiredText, SingleLine } from '../../common';

/** An unsubscribe token is `<uuid>.<kind>.<43 characters>`: well under this. */
export const UNSUBSCRIBE_TOKEN_MAX_LENGTH = 200;

export class EmailPreferenceDto implements EmailPreference {
  @OneOf(EMAIL_KIND_VALUES)
  kind!: EmailKind;

  @OneOf(EMAIL_DELIVERY_VALUES)
  delivery!: EmailDelivery;
}

export class EmailPreferencesResponseDto implements EmailPreferencesResponse {
  @ApiProperty({ description: 'False: this server has no SMTP settings and sends no email.' })
  emailEnabled!: boolean;

  @ApiProperty({ minimum: 0, maximum: 23, description: 'When the daily digest goes out (UTC).' })
  digestHourUtc!: number;

  @ApiProperty({ type: [EmailPreferenceDto], description: 'One per kind of email.' })
  preferences!: EmailPreferenceDto[];
}

export class UpdateEmailPreferencesDto implements UpdateEmailPreferencesRequest {
  @ApiProperty({
    type: [EmailPreferenceDto],
    minItems: 1,
    maxItems: EMAIL_KIND_VALUES.length,
    description: 'The kinds to change, each at most once; kinds left out stay as they are.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EMAIL_KIND_VALUES.length)
  @ArrayUnique((preference: EmailPreferenceDto) => preference.kind, {
    message: 'preferences must name each kind at most once',
  })
  @ValidateNested({ each: true })
  @Type(() => EmailPreferenceDto)
  preferences!: EmailPreferenceDto[];
}

export class UnsubscribeDto implements UnsubscribeRequest {
  @RequiredText(UNSUBSCRIBE_TOKEN_MAX_LENGTH)
  @SingleLine()
  token!: string;
}

export class UnsubscribeDescriptionDto implements UnsubscribeDescription {
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ enum: EMAIL_KIND_VALUES, isArray: true }) kinds!: EmailKind[];
}
