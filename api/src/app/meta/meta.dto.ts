import { ApiProperty } from '@nestjs/swagger';
import type { MetaResponse } from '@waypoint/contracts';

export class MetaResponseDto implements MetaResponse {
  @ApiProperty() version!: string;
  @ApiProperty({ format: 'uuid' }) installationId!: string;
  @ApiProperty({ format: 'date-time' }) installedAt!: string;
  @ApiProperty() demo!: boolean;
  @ApiProperty({ enum: ['embedded', 'server'] }) database!: 'embedded' | 'server';
  @ApiProperty({
    example: 'GBP',
    description: "The organisation's currency (ISO 4217): every amount of money is in it.",
  })
  currency!: string;
}
