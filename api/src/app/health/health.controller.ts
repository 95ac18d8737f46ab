import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse } from '@waypoint/contracts';
import { HealthService } from './health.service';
import { HealthResponseDto, ReadinessResponseDto } from './health.dto';
import { ProblemDetailsDto } from '../common';
import { Public } from '../auth';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ type: HealthResponseDto })
  live(): HealthResponse {
    return this.health.live();
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: the database answers.' })
  @ApiOkResponse({ type: ReadinessResponseDto })
  @ApiServiceUnavailableResponse({
    type: ProblemDetailsDto,
    description: 'The database does not answer.',
  })
  async ready(): Promise<ReadinessResponse> {
    const readiness = await this.health.ready();
    if (readiness.status !== 'ok') {
      throw new ServiceUnavailableException('The database does not answer.');
    }
    return readiness;
  }
}
