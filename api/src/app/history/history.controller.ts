import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HistoryEventResponse, Page } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import { HistoryPageDto, HistoryQueryDto } from './dto/history.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller('initiatives')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get(':id/history')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'What happened to the initiative and everything under it, newest first, with before and after.',
  })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param() params: IdParams,
    @Query() query: HistoryQueryDto,
  ): Promise<Page<HistoryEventResponse>> {
    return this.history.list(params.id, query);
  }
}
