import { Body, Controller, Get, HttpCode, Inject, Injectable, Param, Post, Put, Query, Req, Res, type PipeTransform } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandOutcome, CommandRequest } from '@app/commands';
import { NotFoundError } from '@app/event-sourcing';
import { decodeCursor, DEFAULT_LIMIT, pageOf } from '@app/projections';
import { Accounts, type UserView } from '@app/users';
import { USER_ID } from '@app/users/domain';
import { Access } from '../auth/access.decorator.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ListUsersQuery, PasswordResetResponse, RegisteredUserResponse, RegisterUserDto, UpdateUserDto, UserList, UserResponse } from './user.dto.js';

/** A path id that cannot name a user is simply not found. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID.test(value)) throw new NotFoundError('not-found', 'No such user');
    return value;
  }
}

const profileOf = (body: UpdateUserDto) => ({
  name: body.name,
  role: body.role,
  ...(body.kindergartenId ? { kindergartenId: body.kindergartenId } : {}),
  ...(body.unitId ? { unitId: body.unitId } : {}),
  ...(body.townships ? { townships: body.townships } : {}),
  ...(body.email ? { email: body.email } : {}),
  ...(body.phone ? { phone: body.phone } : {}),
});

/** The user directory, for administrators. Answers never hold a password's hash; a one-time password only once. */
@ApiTags('accounts')
@Controller('users')
@StoreProblems()
export class UsersController {
  constructor(
    @Inject(Accounts) private readonly accounts: Accounts,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @RouteConfig({ access: ['admin'], neverReplayed: true })
  @Access('admin')
  @ApiOperation({
    summary: 'Register a user',
    description:
      'Admin only. `{id, name, role, kindergartenId?, unitId?, townships?, email?, phone?, serviceAccount?}` → 201 `{user, initialPassword}`: a one-time password shown only here (null for a service account), to be changed at first sign-in. The id `system` is reserved. 409 `user-exists`; 422 `unknown-kindergarten`, `unknown-unit`, `unknown-township`. Never stored for idempotent replay.',
  })
  @ApiCreatedResponse({ type: RegisteredUserResponse })
  @BodyProblems()
  @Problems({ 409: ['user-exists'], 422: ['unknown-kindergarten', 'unknown-unit', 'unknown-township'] })
  async register(@Body() body: RegisterUserDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { outcome, initialPassword } = await this.accounts.register({ userId: body.id, serviceAccount: body.serviceAccount ?? false, ...profileOf(body) }, request);
    const user = await this.answers.created(reply, outcome, this.answer(body.id));
    return { user, initialPassword };
  }

  @Get()
  @Access('admin')
  @ApiOperation({ summary: 'List users', description: 'Admin only. `?role&kindergartenId&unitId`, paged `{items, next?}` by id.' })
  @ApiOkResponse({ type: UserList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListUsersQuery, @Req() request: FastifyRequest) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.after)?.[0];
    const users = await this.accounts.users({
      role: query.role,
      kindergartenId: query.kindergartenId,
      unitId: query.unitId,
      after: typeof after === 'string' ? after : undefined,
      limit: limit + 1,
    });
    return listBody(
      request,
      pageOf(users, limit, (user) => user, (user) => [user.id]),
    );
  }

  @Get(':id')
  @Access('admin')
  @ApiOperation({ summary: 'A user', description: 'Admin only. ETag: the version of its `user-{id}` stream.' })
  @ApiOkResponse({ type: UserResponse })
  @Problems({ 404: ['not-found'] })
  async get(@Param('id', UserIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const user = await this.accounts.user(id);
    if (!user) throw new NotFoundError('not-found', 'No such user');
    reply.header('etag', `"${user.version}"`);
    return user;
  }

  @Put(':id')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary: 'Update a user',
    description: 'Admin only. `{name, role, kindergartenId?, unitId?, townships?, email?, phone?}` → the user (`UserUpdated`; email and phone are kept outside the log).',
  })
  @ApiOkResponse({ type: UserResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'user-{id}' })
  @Problems({ 404: ['not-found'], 422: ['unknown-kindergarten', 'unknown-unit', 'unknown-township'] })
  async update(
    @Param('id', UserIdPipe) id: string,
    @Body() body: UpdateUserDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.accounts.update(id, profileOf(body), request), this.answer(id));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({ summary: 'Disable a user', description: 'Admin only. Ends the user’s sessions at once; its tokens stop working. 409 `cannot-disable-self`.' })
  @ApiOkResponse({ type: UserResponse })
  @CommandHeaders({ ifMatch: 'user-{id}' })
  @Problems({ 404: ['not-found'], 409: ['cannot-disable-self'] })
  async disable(@Param('id', UserIdPipe) id: string, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.ok(reply, await this.accounts.disable(id, request), this.answer(id));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({ summary: 'Enable a user', description: 'Admin only. Also lifts a sign-in lock on the username.' })
  @ApiOkResponse({ type: UserResponse })
  @CommandHeaders({ ifMatch: 'user-{id}' })
  @Problems({ 404: ['not-found'] })
  async enable(@Param('id', UserIdPipe) id: string, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.ok(reply, await this.accounts.enable(id, request), this.answer(id));
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @RouteConfig({ access: ['admin'], neverReplayed: true })
  @Access('admin')
  @ApiOperation({
    summary: 'Reset a user’s password',
    description: 'Admin only. → `{initialPassword}`: one-time, shown only here, to be changed at first sign-in. Never stored for idempotent replay.',
  })
  @ApiOkResponse({ type: PasswordResetResponse })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'] })
  async resetPassword(@Param('id', UserIdPipe) id: string, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { outcome, initialPassword } = await this.accounts.resetPassword(id, request);
    await this.answers.ok(reply, outcome, this.answer(id));
    return { initialPassword };
  }

  private answer(id: string): Answer<CommandOutcome<unknown>, UserView> {
    return {
      readModel: 'user',
      view: async () => {
        const user = await this.accounts.user(id);
        if (!user) throw new NotFoundError('not-found', 'No such user');
        return user;
      },
      version: (view) => view.version,
      location: () => `/api/v1/users/${id}`,
    };
  }
}
