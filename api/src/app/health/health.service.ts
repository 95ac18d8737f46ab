import { Injectable } from '@nestjs/common';
import type { HealthResponse, ReadinessResponse } from '@waypoint/contracts';
import { AppConfig } from '../config';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly config: AppConfig,
    private readonly repository: HealthRepository,
  ) {}

  live(): HealthResponse {
    return {
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      version: this.config.version,
    };
  }

  async ready(): Promise<ReadinessResponse> {
    const latencyMs = await this.repository.ping(2000);
    return {
      status: latencyMs === null ? 'unavailable' : 'ok',
      database: { kind: this.config.database.kind, reachable: latencyMs !== null, latencyMs },
    };
  }
}
