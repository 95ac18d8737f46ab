import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOMAIN_ERROR_CODE_VALUES,
  type DomainErrorCode,
  type ProblemDetails,
} from '@waypoint/contracts';

/** RFC 9457 problem details, documented once for every error answer. */
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({
    enum: DOMAIN_ERROR_CODE_VALUES,
    enumName: 'DomainErrorCode',
    description: 'The rule that refused the request: every 422 answer carries one.',
    example: 'plan_closed',
  })
  code?: DomainErrorCode;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description:
      'Messages per field path: for validation failures (400) and for rule refusals that concern fields (422).',
  })
  errors?: Record<string, string[]>;
}
