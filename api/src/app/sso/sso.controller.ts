import { Controller, Get, HttpCode, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignInOptionsResponse, SsoLogoutResponse } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import {
  type AuthenticatedRequest,
  type AuthenticatedUser,
  CurrentUser,
  Public,
  PublicOrigin,
  RequirePermission,
  SESSION_COOKIE,
  setSessionCookie,
} from '../auth';
import { ApiProblems, requestIdOf } from '../common';
import { SignInOptionsDto, SsoCallbackQueryDto, SsoLogoutDto, SsoStartQueryDto } from './sso.dto';
import { SSO_LOGIN_MINUTES, SsoService } from './sso.service';

/** The cookie that ties a provider's callback to the browser that started the sign-in. */
const LOGIN_COOKIE = 'wp_sso';
const LOGIN_COOKIE_PATH = '/api/auth/sso';

interface RedirectAnswer {
  url: string;
  statusCode: number;
}

@ApiTags('auth')
@Controller('auth')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly origin: PublicOrigin,
  ) {}

  @Get('sign-in-options')
  @Public()
  @ApiOperation({
    summary:
      'How people may sign in here: with a password, and/or with single sign-on (its provider name).',
  })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsResponse {
    return this.sso.options();
  }

  @Get('sso/start')
  @Public()
  @Redirect()
  @ApiOperation({
    summary:
      'Starts a single sign-on: redirects to the provider (authorization code flow with PKCE, state and nonce), and sets a short-lived cookie that ties its callback to this browser.',
  })
  @ApiFoundResponse({
    description:
      "Redirect to the provider's sign-in (or to `/sign-in?sso=unavailable` when it cannot be reached).",
  })
  @ApiProblems(400, [404, 'Single sign-on is not set up here.'])
  async start(
    @Query() query: SsoStartQueryDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectAnswer> {
    const started = await this.sso.start(query.returnTo ?? '/', this.origin.of(request));
    if (!started.ok) return { url: `/sign-in?sso=${started.reason}`, statusCode: 302 };
    void reply.setCookie(LOGIN_COOKIE, started.browserToken, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET from its own site.
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: LOGIN_COOKIE_PATH,
      maxAge: SSO_LOGIN_MINUTES * 60,
    });
    return { url: started.url, statusCode: 302 };
  }

  @Get('sso/callback')
  @Public()
  @Redirect()
  @ApiOperation({
    summary:
      "The provider's redirect back: checks state, PKCE, nonce and the ID token, finds or creates the account (its role from the groups, audited), sets the session cookie and redirects to where the sign-in started; a refusal redirects to `/sign-in?sso=<reason>`.",
  })
  @ApiFoundResponse({ description: 'Redirect into the app, or to the sign-in page with a reason.' })
  @ApiProblems(400, [404, 'Single sign-on is not set up here.'])
  async callback(
    @Query() _query: SsoCallbackQueryDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectAnswer> {
    const url = request.raw.url ?? '';
    const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const outcome = await this.sso.complete(
      request.cookies?.[LOGIN_COOKIE],
      search,
      requestIdOf(request.raw) ?? null,
    );
    void reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    if (!outcome.ok) return { url: `/sign-in?sso=${outcome.reason}`, statusCode: 302 };
    setSessionCookie(reply, request, outcome.session);
    return { url: outcome.returnTo, statusCode: 302 };
  }

  @Post('sso/logout')
  @RequirePermission('auth.me')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Sign out, single-sign-on aware: the Waypoint session ends at once, and the answer names the provider's end-session URL when the session came from single sign-on and the provider offers one.",
  })
  @ApiOkResponse({ type: SsoLogoutDto })
  @ApiProblems(401, [403, 'Cross-site request.'])
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SsoLogoutResponse> {
    const answer = await this.sso.logout(user, this.origin.of(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return answer;
  }
}
