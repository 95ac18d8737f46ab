import {
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  HttpCode,
  Post,
  Put,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmailPreferencesResponse, UnsubscribeDescription } from '@waypoint/contracts';
import { type Actor, CurrentActor, Public, RequirePermission } from '../auth';
import { ApiProblems, requestIdOf } from '../common';
import {
  EmailPreferencesResponseDto,
  UnsubscribeDescriptionDto,
  UnsubscribeDto,
  UpdateEmailPreferencesDto,
} from './dto/email.dto';
import { EmailPreferencesService } from './email-preferences.service';

/** The id of this request (for the audit trail of a change made without signing in). */
const RequestId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | null =>
    requestIdOf(ctx.switchToHttp().getRequest<FastifyRequest>().raw) ?? null,
);

const BAD_LINK: [number, string] = [404, 'The link is not valid, or its account no longer exists.'];

/** My email preferences, and the unsubscribe link of every email (no sign-in needed). */
@ApiTags('email')
@Controller('email')
export class EmailController {
  constructor(private readonly email: EmailPreferencesService) {}

  @Get('preferences')
  @RequirePermission('email.preferences')
  @ApiOperation({
    summary:
      'My delivery per kind of email: at once (immediate), in the daily digest, or never; and whether this server sends email at all.',
  })
  @ApiOkResponse({ type: EmailPreferencesResponseDto })
  @ApiProblems(401, 403)
  mine(@CurrentActor() actor: Actor): Promise<EmailPreferencesResponse> {
    return this.email.mine(actor.userId);
  }

  @Put('preferences')
  @RequirePermission('email.preferences')
  @ApiOperation({
    summary: 'Change my delivery of the kinds given (others stay as they are). Audited.',
  })
  @ApiOkResponse({ type: EmailPreferencesResponseDto })
  @ApiProblems(400, 401, 403)
  update(
    @Body() body: UpdateEmailPreferencesDto,
    @CurrentActor() actor: Actor,
  ): Promise<EmailPreferencesResponse> {
    return this.email.update(body, actor);
  }

  @Post('unsubscribe/preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What the unsubscribe link of an email would stop, without changing anything: the page the link opens (GET /unsubscribe) shows it and asks to confirm, so a mail scanner that opens links unsubscribes nobody. No sign-in.',
  })
  @ApiOkResponse({ type: UnsubscribeDescriptionDto })
  @ApiProblems(400, BAD_LINK)
  describe(@Body() body: UnsubscribeDto): Promise<UnsubscribeDescription> {
    return this.email.describe(body.token);
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Stop the emails of an unsubscribe link (its kind, or every kind for a digest): sets them to never. No sign-in; audited.',
  })
  @ApiOkResponse({ type: UnsubscribeDescriptionDto })
  @ApiProblems(400, BAD_LINK)
  unsubscribe(
    @Body() body: UnsubscribeDto,
    @RequestId() requestId: string | null,
  ): Promise<UnsubscribeDescription> {
    return this.email.unsubscribe(body.token, requestId);
  }
}
