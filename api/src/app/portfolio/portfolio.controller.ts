import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequirePermission } from '../auth';
import { ApiProblems, STATEMENT_COUNT_HEADERS } from '../common';
import { CycleThresholdQueryDto, NoQueryDto } from '../value';
import {
  PortfolioSeriesResponseDto,
  PortfolioSummaryResponseDto,
  PortfolioTensionQueryDto,
  PortfolioTensionResponseDto,
} from './dto/portfolio.dto';
import { PortfolioService } from './portfolio.service';
import { sendReusedAnswer } from './reused-answer';

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
