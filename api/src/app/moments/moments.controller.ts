import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  InitiativeMomentRef,
  MomentHeatMapResponse,
  MomentResponse,
  Page,
} from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiIfMatch, ApiProblems, IdParams, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateMomentDto,
  InitiativeMomentRefDto,
  InitiativeMomentsDto,
  MomentHeatMapResponseDto,
  MomentListQueryDto,
  MomentPageDto,
  MomentResponseDto,
  ReorderMomentsDto,
  UpdateMomentDto,
} from './dto/moment.dto';
import { MomentsService } from './moments.service';

const REFERENCE =
  'A customer group, measure or moment named does not exist (code reference_invalid).';

@ApiTags('moments')
@Controller()
export class MomentsController {
  constructor(private readonly moments: MomentsService) {}

  @Get('moments')
  @RequirePermission('moments.list')
  @ApiOperation({
    summary:
      'Customer moments in journey order (of one group with customerGroupId), each with its rating, measures, initiatives in flight and open ideas; paged.',
  })
  @ApiOkResponse({ type: MomentPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: MomentListQueryDto): Promise<Page<MomentResponse>> {
    return this.moments.list({ customerGroupId: query.customerGroupId }, query);
  }

  @Get('moments/heat-map')
  @RequirePermission('moments.list')
  @ApiOperation({
    summary:
      "Every customer group's journey side by side: one row per group, one column per moment name, each cell the moment (or null).",
  })
  @ApiOkResponse({ type: MomentHeatMapResponseDto })
  @ApiProblems(401, 403)
  heatMap(): Promise<MomentHeatMapResponse> {
    return this.moments.heatMap();
  }

  @Get('moments/:id')
  @RequirePermission('moments.list')
  @ApiOperation({ summary: 'One customer moment; the ETag header carries its version.' })
  @ApiOkResponse({ type: MomentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<MomentResponse> {
    return this.moments.get(params.id);
  }

  @Post('moments')
  @Idempotent()
  @RequirePermission('moments.manage')
  @ApiOperation({ summary: "Add a moment at the end of a customer group's journey (audited)." })
  @ApiCreatedResponse({ type: MomentResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    [409, 'The journey has a moment of that name, or this Idempotency-Key is in flight.'],
    [422, `${REFERENCE} Or the journey is full.`],
  )
  create(@Body() body: CreateMomentDto, @CurrentActor() actor: Actor): Promise<MomentResponse> {
    return this.moments.create(body, actor);
  }

  @Put('moments/order')
  @RequirePermission('moments.manage')
  @ApiOperation({ summary: "Put a customer group's journey in a new order (audited)." })
  @ApiOkResponse({ type: [MomentResponseDto], description: 'The journey in its new order.' })
  @ApiProblems(400, 401, 403, [422, `${REFERENCE} Or not every moment of the journey once.`])
  reorder(
    @Body() body: ReorderMomentsDto,
    @CurrentActor() actor: Actor,
  ): Promise<MomentResponse[]> {
    return this.moments.reorder(body, actor);
  }

  @Patch('moments/:id')
  @RequirePermission('moments.manage')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Rename or describe a moment, rate how customers experience it now (who and when are recorded), or choose the measures that track it.',
  })
  @ApiOkResponse({ type: MomentResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'The journey has a moment of that name.'],
    412,
    [422, REFERENCE],
    428,
  )
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateMomentDto,
    @CurrentActor() actor: Actor,
  ): Promise<MomentResponse> {
    return this.moments.update(params.id, expectedVersion, body, actor);
  }

  @Delete('moments/:id')
  @HttpCode(204)
  @RequirePermission('moments.manage')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Remove a moment from its journey; the later ones move up, ideas for it keep their group (audited).',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(400, 401, 403, 404, 412, 428)
  remove(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.moments.remove(params.id, expectedVersion, actor);
  }

  @Get('initiatives/:id/moments')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({ summary: 'The customer moments an initiative improves.' })
  @ApiOkResponse({ type: [InitiativeMomentRefDto] })
  @ApiProblems(400, 401, 403, 404)
  ofInitiative(@Param() params: IdParams): Promise<InitiativeMomentRef[]> {
    return this.moments.ofInitiative(params.id);
  }

  @Put('initiatives/:id/moments')
  @RequirePermission('initiatives.update', 'initiative')
  @ApiOperation({
    summary: 'Choose the customer moments an initiative improves (replaces them; audited).',
  })
  @ApiOkResponse({ type: [InitiativeMomentRefDto] })
  @ApiProblems(400, 401, 403, 404, [422, REFERENCE])
  linkInitiative(
    @Param() params: IdParams,
    @Body() body: InitiativeMomentsDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeMomentRef[]> {
    return this.moments.linkInitiative(params.id, body.momentIds, actor);
  }
}
