import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CurrentUserResponse } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import { ProblemDetailsDto, requestIdOf } from '../common';
import type { AuthenticatedUser } from './authenticated-user';
import { SESSION_COOKIE } from './auth.guard';
import { setSessionCookie } from './session-cookie';
import { CurrentUserDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { type AuthenticatedRequest, CurrentUser } from './current-user.decorator';
import { Public, RequirePermission } from './permission.decorator';

@ApiTags('auth')
@ApiUnauthorizedResponse({
  type: ProblemDetailsDto,
  description: 'Not signed in, or wrong email or password.',
})
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets an httpOnly session cookie.' })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  @ApiTooManyRequestsResponse({
    type: ProblemDetailsDto,
    description: 'Throttled; see Retry-After.',
  })
  @ApiForbiddenResponse({
    type: ProblemDetailsDto,
    description: 'Cross-site request, or password sign-in is off (single sign-on only).',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserResponse> {
    const session = await this.auth.login(body, request.ip, requestIdOf(request.raw) ?? null);
    setSessionCookie(reply, request, session);
    return session.user;
  }

  @Post('logout')
  @RequirePermission('auth.me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends at once.' })
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(user);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @RequirePermission('auth.me')
  @ApiOperation({ summary: 'The signed-in user.' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserResponse> {
    return this.auth.describe(user);
  }
}
