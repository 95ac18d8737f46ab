import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MetaResponse } from '@waypoint/contracts';
import { MetaResponseDto } from './meta.dto';
import { MetaService } from './meta.service';

@ApiTags('meta')
@Public()
@Controller('meta')
export class MetaController {
  constructor(private readonly meta: MetaService) {}

  @Get()
  @ApiOperation({
    summary:
      "About this installation: version, installation id, demo mode, the organisation's currency.",
  })
  @ApiOkResponse({ type: MetaResponseDto })
  get(): Promise<MetaResponse> {
    return this.meta.meta();
  }
}
