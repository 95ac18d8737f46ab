import { ApiProperty } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse } from '@waypoint/contracts';

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty() uptimeSeconds!: number;
  @ApiProperty() version!: string;
}

class DatabaseReadinessDto {
  @ApiProperty({ enum: ['embedded', 'server'] }) kind!: 'embedded' | 'server';
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ type: Number, nullable: true }) latencyMs!: number | null;
}

export class ReadinessResponseDto implements ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: DatabaseReadinessDto }) database!: DatabaseReadinessDto;
}
