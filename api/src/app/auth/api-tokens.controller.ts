import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ApiTokenResponse, CreatedApiTokenResponse } from '@waypoint/contracts';
import { ProblemDetailsDto } from '../common';
import type { AuthenticatedUser } from './authenticated-user';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './auth.dto';
import { ApiTokensService } from './api-tokens.service';
import { CurrentUser } from './current-user.decorator';
import { RequirePermission } from './permission.decorator';

@ApiTags('auth')
@ApiUnauthorizedResponse({ type: ProblemDetailsDto })
@Controller('auth/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @RequirePermission('auth.tokens')
  @ApiOperation({ summary: 'My active API tokens (never their secrets).' })
  @ApiOkResponse({ type: ApiTokenDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ApiTokenResponse[]> {
    return this.tokens.list(user);
  }

  @Post()
  @RequirePermission('auth.tokens')
  @ApiOperation({ summary: 'Create a personal API token; the secret is shown once.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(user, body.name);
  }

  @Delete(':id')
  @RequirePermission('auth.tokens')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of my API tokens; it stops working at once.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.tokens.revoke(user, id);
  }
}
