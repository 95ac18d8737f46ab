import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { InitiativeBriefResponse, PortfolioBriefResponse } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems, IdParams, STATEMENT_COUNT_HEADERS } from '../common';
import { CycleThresholdQueryDto, NoQueryDto } from '../value';
import { BriefsService } from './briefs.service';
import { InitiativeBriefResponseDto, PortfolioBriefResponseDto } from './dto/brief.dto';
import { ExportsService } from './exports.service';

const CSV = 'text/csv; charset=utf-8';
const csvFile = (name: string): [string, string] => [
  'Content-Disposition',
  `attachment; filename="${name}"`,
];
const CSV_NOTE =
  'A header row, then RFC 4180 lines (CRLF); text that a spreadsheet would run as a formula starts with a quote.';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('initiatives.csv')
  @RequirePermission('portfolio.read')
  @Header('Content-Type', CSV)
  @Header(...csvFile('initiatives.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: `Every initiative with its stage, team and value indices. ${CSV_NOTE}` })
  @ApiOkResponse({
    description: 'CSV.',
    schema: { type: 'string' },
    headers: STATEMENT_COUNT_HEADERS,
  })
  @ApiProblems(400, 401, 403)
  initiatives(@Query() _query: NoQueryDto): Promise<string> {
    return this.exports.initiatives();
  }

  @Get('measures.csv')
  @RequirePermission('portfolio.read')
  @Header('Content-Type', CSV)
  @Header(...csvFile('measures.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: `Every measure with its readings, one line per reading. ${CSV_NOTE}` })
  @ApiOkResponse({
    description: 'CSV.',
    schema: { type: 'string' },
    headers: STATEMENT_COUNT_HEADERS,
  })
  @ApiProblems(400, 401, 403)
  measures(@Query() _query: NoQueryDto): Promise<string> {
    return this.exports.measures();
  }

  @Get('decisions.csv')
  @RequirePermission('portfolio.read')
  @Header('Content-Type', CSV)
  @Header(...csvFile('decisions.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: `Every gate decision with its rationale. ${CSV_NOTE}` })
  @ApiOkResponse({
    description: 'CSV.',
    schema: { type: 'string' },
    headers: STATEMENT_COUNT_HEADERS,
  })
  @ApiProblems(400, 401, 403)
  decisions(@Query() _query: NoQueryDto): Promise<string> {
    return this.exports.decisions();
  }
}

@ApiTags('briefs')
@Controller('briefs')
export class BriefsController {
  constructor(private readonly briefs: BriefsService) {}

  @Get('initiatives/:id')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      'The one-page brief of an initiative: gate track, measures, value indices, alerts, latest review, open conditions.',
  })
  @ApiOkResponse({ type: InitiativeBriefResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403, 404, [422, 'There is no cycle with that cycleId.'])
  initiative(
    @Param() params: IdParams,
    @Query() query: CycleThresholdQueryDto,
  ): Promise<InitiativeBriefResponse> {
    return this.briefs.initiative(params.id, query.cycleId, query.threshold);
  }

  @Get('portfolio')
  @RequirePermission('portfolio.read')
  @ApiOperation({ summary: 'The one-page brief of the portfolio: summary, tension chart, alerts.' })
  @ApiOkResponse({ type: PortfolioBriefResponseDto, headers: STATEMENT_COUNT_HEADERS })
  @ApiProblems(400, 401, 403, [422, 'There is no cycle with that cycleId.'])
  portfolio(@Query() query: CycleThresholdQueryDto): Promise<PortfolioBriefResponse> {
    return this.briefs.portfolioBrief(query.cycleId, query.threshold);
  }
}
