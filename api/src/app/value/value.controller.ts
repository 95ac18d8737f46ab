import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InitiativeValueResponse } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems, IdParams, STATEMENT_COUNT_HEADERS } from '../common';
import { CycleThresholdQueryDto, InitiativeValueResponseDto } from './dto/value.dto';
import { ValueService } from './value.service';

const UNKNOWN_CYCLE: [number, string] = [422, 'There is no cycle with that cycleId.'];

@ApiTags('value')
@Controller('initiatives/:id/value')
export class InitiativeValueController {
  constructor(private readonly value: ValueService) {}

  @Get()
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      "Customer and business value index of an initiative now and at the close of each cycle that has started, beside the estimates, and its tension alerts over a cycle (from the measures' cycle standings).",
  })
  @ApiOkResponse({ type: InitiativeValueResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403, 404, UNKNOWN_CYCLE)
  get(
    @Param() params: IdParams,
    @Query() query: CycleThresholdQueryDto,
  ): Promise<InitiativeValueResponse> {
    return this.value.ofInitiative(params.id, query.cycleId, query.threshold);
  }
}
