import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import { ROLES, type Caller } from '@app/identity';
import { InboxViews } from '@app/notifications';
import { NOTIFICATION_KINDS } from '@app/notifications/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { KindergartenScope } from '../auth/kindergarten-scope.js';
import { IsIn, IsOptional } from 'class-validator';
import { ListQuery, listBody } from '../http/lists/lists.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';

class InboxItemResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ example: '【整改提醒】清水河县城关镇第一幼儿园：距整改期限还有7天' }) subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ example: { rectificationId: 'rc-annual-2026-cg-kg-01', kindergartenId: 'cg-kg-01' } }) refs: Record<string, string>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When this user read it' }) readAt: string | null;
}

class InboxQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only what this user has not read' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

class UnreadCount {
  @ApiProperty({ example: 3 }) count: number;
}

class InboxList {
  @ApiProperty({ type: [InboxItemResponse] }) items: InboxItemResponse[];
  @ApiPropertyOptional() next?: string;
}

@ApiTags('inbox')
@Controller('inbox')
@StoreProblems()
export class InboxController {
  constructor(
    @Inject(InboxViews) private readonly inbox: InboxViews,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
  ) {}

  @Get()
  @Access(...ROLES)
  @ApiOperation({
    summary: 'The caller’s notifications, newest first: to their kindergarten, to supervisors, or to their unit',
    description:
      'Any role. Notifications addressed to the caller’s kindergarten, to supervisors (a supervisor with `townships`: only those about kindergartens of its 责任区), or to the caller’s unit, with `readAt` for this user; `unread=true` for only the unread ones; text in Chinese; paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: InboxList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: InboxQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return listBody(request, await this.inbox.list(caller, query.after, query.limit, query.unread === 'true', await this.scope.visibleIds(caller)));
  }

  @Get('unread-count')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'How many of the caller’s notifications this user has not read',
    description: 'Any role. `{count}` over the same notifications as `GET /inbox`, less those this user has marked read.',
  })
  @ApiOkResponse({ type: UnreadCount })
  async unreadCount(@CurrentCaller() caller: Caller): Promise<UnreadCount> {
    return { count: await this.inbox.unreadCount(caller, await this.scope.visibleIds(caller)) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access(...ROLES)
  @ApiOperation({
    summary: 'Mark a notification read, for this user only',
    description:
      'Any role, for a notification addressed to the caller (another’s is 404 `not-found`). Sets `readAt` for this user; other users keep their own. Answers with the notification.',
  })
  @ApiOkResponse({ type: InboxItemResponse })
  @Problems({ 404: ['not-found'] })
  async read(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    const item = await this.inbox.markRead(caller, id, await this.scope.visibleIds(caller));
    if (!item) throw new NotFoundError('not-found', 'No such notification in your inbox');
    return item;
  }
}
