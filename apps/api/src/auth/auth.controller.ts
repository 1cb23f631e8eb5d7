import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandRequest } from '@app/commands';
import { ROLES, type Caller } from '@app/identity';
import { ReadModels } from '@app/projections';
import { Accounts } from '@app/users';
import { BodyProblems, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { Access, CurrentCaller, Public } from './access.decorator.js';
import { ChangePasswordDto, MeResponse, SignInDto, SignInResponse } from './auth.dto.js';
import { meOf, SessionCookies } from './session-cookies.js';

@ApiTags('accounts')
@Controller('auth')
@StoreProblems()
export class AuthController {
  constructor(
    @Inject(Accounts) private readonly accounts: Accounts,
    @Inject(SessionCookies) private readonly sessions: SessionCookies,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  // applied last (decorators run bottom-up): the route's whole config
  @RouteConfig({ access: 'public', rateLimited: true, neverReplayed: true })
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Sign in with username and password',
    description:
      '`{username, password}` → `{user, csrfToken, passwordChangeRequired}` and a new session cookie (`HttpOnly`, `SameSite=Strict`, `Path=/`, `Secure` over HTTPS). Unknown user, wrong password and disabled account answer the same 401 `invalid-credentials`; 5 failures for a username within 15 minutes lock it: 423 `account-locked` with `Retry-After`. Limited per client address with the public routes.',
  })
  @ApiOkResponse({ type: SignInResponse })
  @BodyProblems()
  @Problems({ 401: ['invalid-credentials'], 423: ['account-locked'], 429: ['rate-limited'] })
  async signIn(@Body() body: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const started = await this.accounts.signIn(body.username, body.password);
    return this.sessions.answer(started, request, reply);
  }

  @Post('sign-out')
  @HttpCode(204)
  @RouteConfig({ access: ROLES, neverReplayed: true })
  @Access(...ROLES)
  @ApiOperation({ summary: 'Sign out', description: 'Ends the session of the cookie (and clears it); with a bearer token, nothing to end. 204.' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (request.session) await this.accounts.signOut(request.session);
    this.sessions.clear(request, reply);
  }

  @Get('me')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'Who is signed in',
    description: '`{user: {id, name, role, kindergartenId?, unitId?, townships?}, csrfToken?, passwordChangeRequired}`, from the directory; `csrfToken` with a session.',
  })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const user = request.session?.user ?? (await this.accounts.findEnabledUser(caller.sub))!;
    return {
      user: meOf(user),
      ...(request.session ? { csrfToken: request.session.csrfToken } : {}),
      passwordChangeRequired: caller.passwordChangeRequired ?? false,
    };
  }

  @Post('password')
  @HttpCode(204)
  @RouteConfig({ access: ROLES, neverReplayed: true })
  @Access(...ROLES)
  @ApiOperation({
    summary: 'Change one’s own password',
    description:
      '`{currentPassword, newPassword}` → 204. 401 `invalid-credentials` for a wrong current password; 422 `weak-password` (fewer than 10 characters, fewer than three of lower case / upper case / digits / symbols, containing the username, or one of the last three). Keeps the current session and its csrfToken; ends the user’s other sessions.',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @BodyProblems()
  @Problems({ 401: ['invalid-credentials'], 422: ['weak-password'] })
  async changePassword(@Body() body: ChangePasswordDto, @RequestContext() context: CommandRequest, @Req() request: FastifyRequest): Promise<void> {
    const outcome = await this.accounts.changePassword(context.caller, body.currentPassword, body.newPassword, context, request.session);
    // the next request is authenticated from the directory: it must know the password was changed
    await this.readModels.catchUp(outcome.position, 'user');
  }
}
