import {
  applyDecorators,
  Controller,
  Get,
  Param,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { InitiativeValueResponse } from '@waypoint/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import {
  PortfolioSeriesResponseDto,
  PortfolioSummaryResponseDto,
  PortfolioTensionQueryDto,
  PortfolioTensionResponseDto,
} from './dto/portfolio.dto';
import { CycleThresholdQueryDto, InitiativeValueResponseDto, NoQueryDto } from './dto/value.dto';
import { PortfolioService } from './portfolio.service';
import { sendReusedAnswer } from './reused-answer';
import { STATEMENT_COUNT_HEADERS, StatementCountInterceptor } from './statements/statement-counter';
import { ValueService } from './value.service';

const UNKNOWN_CYCLE: [number, string] = [422, 'There is no cycle with that cycleId.'];

/** OpenAPI of a reused answer: ETag, If-None-Match and 304. */
const Revalidated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of an earlier answer: 304 while that answer still holds.',
    }),
    ApiResponse({ status: 304, description: 'The answer named by If-None-Match still holds.' }),
  );

@ApiTags('portfolio')
@Controller('portfolio')
@UseInterceptors(StatementCountInterceptor)
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('summary')
  @RequirePermission('portfolio.read')
  @ApiOperation({
    summary:
      'Initiatives by stage and status, gates waiting, open conditions, stale measures, alerts, KPI review, cross-functional teams.',
  })
  @ApiOkResponse({ type: PortfolioSummaryResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403, UNKNOWN_CYCLE)
  @Revalidated()
  async summary(
    @Query() query: CycleThresholdQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendReusedAnswer(request, reply, await this.portfolio.summary(query.cycleId, query.threshold));
  }

  @Get('tension')
  @RequirePermission('portfolio.read')
  @ApiOperation({
    summary:
      'The tension chart: per initiative, customer and business value index (now or over a cycle) beside the estimates; the `limit` initiatives whose indices pull apart most, and how many match.',
  })
  @ApiOkResponse({ type: PortfolioTensionResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403, UNKNOWN_CYCLE)
  @Revalidated()
  async tension(
    @Query() query: PortfolioTensionQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const answer = await this.portfolio.tension(query.cycleId, query.status, query.limit);
    sendReusedAnswer(request, reply, answer);
  }

  @Get('series')
  @RequirePermission('portfolio.read')
  @ApiOperation({
    summary:
      'Cycle over cycle: customer and business value index of the portfolio and of each initiative, and review decisions.',
  })
  @ApiOkResponse({ type: PortfolioSeriesResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403)
  @Revalidated()
  async series(
    @Query() _query: NoQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendReusedAnswer(request, reply, await this.portfolio.series());
  }
}

@ApiTags('value')
@Controller('initiatives/:id/value')
@UseInterceptors(StatementCountInterceptor)
export class InitiativeValueController {
  constructor(private readonly value: ValueService) {}

  @Get()
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'Customer and business value index of an initiative now and per cycle, beside the estimates, and its tension alerts over a cycle.',
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
