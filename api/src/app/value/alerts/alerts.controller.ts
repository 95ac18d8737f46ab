import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AlertResponse,
  AlertStatus,
  Page,
  PortfolioAlertRecordsResponse,
} from '@waypoint/contracts';
import { LIVE_ALERT_STATUSES } from '@waypoint/domain';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../../auth';
import { ApiProblems, IdParams } from '../../common';
import { AlertsService } from './alerts.service';
import {
  AcknowledgeAlertDto,
  AlertListQueryDto,
  AlertPageDto,
  AlertResponseDto,
  DismissAlertDto,
  PortfolioAlertRecordsQueryDto,
  PortfolioAlertRecordsResponseDto,
} from './dto/alert.dto';

const CLOSED: [number, string] = [
  422,
  'The alert is not open (acknowledge) or not open or acknowledged (dismiss): code alert_closed.',
];

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission('alerts.list')
  @ApiOperation({
    summary:
      'Tension alert records, newest first, paged: filter by status (`live`: open or acknowledged), cycle and initiative. Members see those of initiatives they own or are on.',
  })
  @ApiOkResponse({ type: AlertPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: AlertListQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<AlertResponse>> {
    const { limit, offset, status, cycleId, initiativeId } = query;
    const statuses: readonly AlertStatus[] | undefined =
      status === 'live' ? LIVE_ALERT_STATUSES : status === undefined ? undefined : [status];
    return this.alerts.list({ statuses, cycleId, initiativeId }, { limit, offset }, user);
  }

  @Get(':id')
  @RequirePermission('alerts.read', 'alert')
  @ApiOperation({
    summary:
      "A tension alert record: what raised it (readings, the initiative's indices, the measures' moves), its answer and its history.",
  })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams, @CurrentUser() user: AuthenticatedUser): Promise<AlertResponse> {
    return this.alerts.get(params.id, user);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('alerts.acknowledge', 'alert')
  @ApiOperation({
    summary:
      'The owner or the sponsor acknowledges an open alert with a note of what they will do.',
  })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiProblems(400, 401, 403, 404, CLOSED)
  acknowledge(
    @Param() params: IdParams,
    @Body() body: AcknowledgeAlertDto,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertResponse> {
    return this.alerts.acknowledge(params.id, body.note, actor, user);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequirePermission('alerts.dismiss', 'alert')
  @ApiOperation({
    summary:
      'An executive dismisses an open or acknowledged alert with a reason; it is not raised again in its cycle.',
  })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiProblems(400, 401, 403, 404, CLOSED)
  dismiss(
    @Param() params: IdParams,
    @Body() body: DismissAlertDto,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertResponse> {
    return this.alerts.dismiss(params.id, body.reason, actor, user);
  }
}

@ApiTags('portfolio')
@Controller('portfolio')
export class PortfolioAlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @RequirePermission('portfolio.read')
  @ApiOperation({
    summary:
      'The live tension alert records (open or acknowledged) of every initiative in a cycle (default: the latest that has started), newest first, with their acknowledgements: the first `limit` and how many there are.',
  })
  @ApiOkResponse({ type: PortfolioAlertRecordsResponseDto })
  @ApiProblems(400, 401, 403, [422, 'There is no cycle with that cycleId.'])
  portfolio(@Query() query: PortfolioAlertRecordsQueryDto): Promise<PortfolioAlertRecordsResponse> {
    return this.alerts.portfolioAlerts(query.cycleId, query.threshold, query.limit);
  }
}
