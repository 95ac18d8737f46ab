import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Page,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiIfMatch, ApiProblems, IdParams, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookListQueryDto,
  WebhookPageDto,
  WebhookResponseDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

const URL_REFUSED: [number, string] = [
  422,
  'The address is not https:// (code webhook_url_refused; plain http:// only to this machine, when allowed).',
];

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('webhooks.read')
  @ApiOperation({ summary: 'Outgoing webhooks, sorted by name, paged (never their secrets).' })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: WebhookListQueryDto): Promise<Page<WebhookResponse>> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @RequirePermission('webhooks.read')
  @ApiOperation({ summary: 'One webhook; the ETag header carries its version.' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<WebhookResponse> {
    return this.webhooks.get(params.id);
  }

  @Post()
  @Idempotent()
  @RequirePermission('webhooks.write')
  @ApiOperation({
    summary:
      'Register a webhook: its address, the events it follows and its body format (audited). The signing secret is answered this once.',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 401, 403, [409, 'This Idempotency-Key is in flight.'], URL_REFUSED)
  create(
    @Body() body: CreateWebhookDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookWithSecretResponse> {
    return this.webhooks.create(body, actor);
  }

  @Patch(':id')
  @RequirePermission('webhooks.write')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change a webhook (name, address, events, format, enabled), if it has not changed since you read it (audited).',
  })
  @ApiOkResponse({ type: WebhookResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(400, 401, 403, 404, 412, URL_REFUSED, 428)
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateWebhookDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookResponse> {
    return this.webhooks.update(params.id, expectedVersion, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('webhooks.write')
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Delete a webhook and its delivery log; nothing waiting is sent (audited).',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 412, 428)
  remove(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.webhooks.remove(params.id, expectedVersion, actor);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @RequirePermission('webhooks.write')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Rotate the signing secret: the new one is answered this once and signs every delivery from now on (audited).',
  })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 401, 403, 404, 412, 428)
  rotateSecret(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookWithSecretResponse> {
    return this.webhooks.rotateSecret(params.id, expectedVersion, actor);
  }

  @Post(':id/test')
  @HttpCode(200)
  @RequirePermission('webhooks.test')
  @ApiOperation({
    summary:
      'Send a test now (even to a disabled webhook) and answer how it went; it joins the delivery log. A failed test is not retried.',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiProblems(400, 401, 403, 404)
  test(@Param() params: IdParams, @CurrentActor() actor: Actor): Promise<WebhookDeliveryResponse> {
    return this.webhooks.sendTest(params.id, actor);
  }

  @Get(':id/deliveries')
  @RequirePermission('webhooks.read')
  @ApiOperation({
    summary:
      "A webhook's delivery log, newest first: event, status, attempts, the last answer's HTTP status, when.",
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(400, 401, 403, 404)
  deliveries(
    @Param() params: IdParams,
    @Query() query: WebhookDeliveryQueryDto,
  ): Promise<Page<WebhookDeliveryResponse>> {
    return this.webhooks.log(params.id, query);
  }
}
