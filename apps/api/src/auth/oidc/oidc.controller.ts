import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_PATH, OidcSignIn, OidcSignInError } from '@app/oidc';
import { Public } from '../access.decorator.js';
import { Problems, StoreProblems } from '../../http/openapi/openapi.js';
import { ProblemError } from '../../http/problems/problem-details.js';
import { SessionCookies } from '../session-cookies.js';

/** The browser's pending sign-in: sent back only to the callback, and across the provider's redirect (so Lax, not Strict). */
const PENDING_COOKIE = 'oidc_sign_in';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

class StartQuery {
  @ApiPropertyOptional({ description: 'A path of this site to open after signing in (default `/`)', example: '/rectifications' })
  @IsOptional()
  @Matches(LOCAL_PATH, { message: 'returnTo must be a path of this site, such as /rectifications' })
  @IsString()
  returnTo?: string;
}

class SingleSignOnStatus {
  @ApiProperty({ description: 'Whether single sign-on is configured (OIDC_* settings)' }) enabled: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/api/v1/auth/oidc/start',
    description: 'Where the browser starts it; null when not configured',
  })
  startUrl: string | null;
}

const notConfigured = (): ProblemError => ProblemError.of(404, 'not-found', 'Single sign-on is not configured on this engine');

const asProblem = (error: unknown): unknown => (error instanceof OidcSignInError ? ProblemError.of(error.status, error.code, error.message) : error);

/** Single sign-on (OpenID Connect): the browser leaves for the provider at `start` and comes back to `callback`. */
@ApiTags('accounts')
@Controller('auth/oidc')
@Problems(
  { 404: ['not-found'], 429: ['rate-limited'], 502: ['oidc-provider-unavailable'] },
  {
    404: 'Single sign-on is not configured (OIDC_* settings)',
    502: 'The identity provider cannot be reached',
  },
)
@StoreProblems()
export class OidcController {
  constructor(
    @Inject(OidcSignIn) private readonly signIn: OidcSignIn,
    @Inject(SessionCookies) private readonly sessions: SessionCookies,
  ) {}

  @Get('status')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Whether single sign-on is on',
    description:
      'No token. `{enabled, startUrl}`: the sign-in page offers 统一身份认证登录 only when the engine has an identity provider configured.',
  })
  @ApiOkResponse({ type: SingleSignOnStatus })
  status(): SingleSignOnStatus {
    return this.signIn.enabled ? { enabled: true, startUrl: '/api/v1/auth/oidc/start' } : { enabled: false, startUrl: null };
  }

  @Get('start')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Sign in with the identity provider',
    description:
      'No token. Redirects the browser to the OpenID provider (authorization code with PKCE S256, `state` and `nonce`), and sets a short-lived `HttpOnly` cookie naming this pending sign-in, which only the callback reads.',
  })
  @ApiResponse({ status: 302, description: 'To the provider’s authorization endpoint' })
  @Problems({ 400: ['validation-failed'] })
  async start(@Query() query: StartQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.signIn.enabled) throw notConfigured();
    const { authorizationUrl, pendingId, expiresAt } = await this.signIn.start(query.returnTo ?? '/').catch((error) => {
      throw asProblem(error);
    });
    reply
      .setCookie(PENDING_COOKIE, pendingId, {
        httpOnly: true,
        sameSite: 'lax',
        path: CALLBACK_PATH,
        secure: this.sessions.secure(request),
        expires: expiresAt,
      })
      .redirect(authorizationUrl.href, 302);
  }

  @Get('callback')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Where the identity provider sends the browser back',
    description:
      'No token. Takes the pending sign-in named by this browser’s cookie (once: a replayed answer finds none), checks `state`, exchanges the code with its PKCE verifier, checks the ID token and its `nonce`, then finds the user: by the provider’s `iss` + `sub` bound to it, or at a first sign-in by the claim named by `OIDC_USERNAME_CLAIM` equal to a registered, enabled user’s id (which binds them). Starts a session (its cookie) and redirects to `/` (or the `returnTo` given at the start). Never asks for a password change.',
  })
  @ApiResponse({ status: 302, description: 'Signed in: to `/` with the session cookie' })
  @Problems(
    {
      400: ['oidc-state-mismatch'],
      401: ['oidc-sign-in-refused', 'oidc-code-rejected', 'oidc-id-token-rejected'],
      403: ['unknown-user'],
    },
    {
      400: 'No pending sign-in of this browser has this `state` (none started, expired, or already used)',
      401: 'The provider refused the sign-in, refused the code (used, expired, or not this sign-in’s PKCE verifier), or its ID token fails a check (nonce, issuer, audience, signature, expiry)',
      403: 'The provider’s account leads to no registered, enabled user',
    },
  )
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.signIn.enabled) throw notConfigured();
    // whatever happens next, this pending sign-in is spent
    reply.clearCookie(PENDING_COOKIE, { path: CALLBACK_PATH });
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const { user, returnTo } = await this.signIn.finish(request.cookies[PENDING_COOKIE], query).catch((error) => {
      throw asProblem(error);
    });
    await this.sessions.start(user, 'oidc', request, reply);
    reply.redirect(returnTo, 302);
  }
}
