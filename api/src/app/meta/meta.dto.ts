import { ApiProperty } from '@nestjs/swagger';
import type { MetaResponse } from '@waypoint/contracts';

export class MetaResponseDto implements MetaResponse {
  @ApiProperty() version!: string;
  @ApiProperty({ format: 'uuid' }) installationId!: string;
  @ApiProperty({ format: 'date-time' }) installedAt!: string;
  @ApiProperty() demo!: boolean;
  @ApiProperty({ enum: ['embedded', 'server'] }) database!: 'embedded' | 'server';
}
