import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import { ROLES } from '@app/identity';
import { type CommandRequest } from '@app/commands';
import { GetBulletin, ListBulletins, PlanSupervisionCommands, bulletinView } from '@app/plan-supervision';
import { parseQuarterId, quarterId, type Quarter } from '@app/plan-supervision/domain';
import { Access } from '../auth/access.decorator.js';
import { CommandAnswers } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { PublishBulletinDto } from './plan-supervision.dto.js';
import { BulletinList, BulletinResponse } from './plan-supervision.responses.js';

@ApiTags('plan supervision')
@Controller('bulletins')
@StoreProblems()
export class BulletinsController {
  constructor(
    @Inject(PlanSupervisionCommands) private readonly plan: PlanSupervisionCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Publish a quarter’s bulletin (季通报), computed from the record as it stood at the quarter’s end; once per quarter',
    description:
      'Supervisor only. `{year, quarter}` publishes that quarter’s bulletin, computed from the record as it stood at the quarter’s end: 409 `bulletin-exists` for a second one, 422 `period-not-ended` before the quarter ends. Answers 201 with the bulletin and its Location.',
  })
  @ApiCreatedResponse({ type: BulletinResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({ 409: ['bulletin-exists'], 422: ['period-not-ended'] })
  async publish(@Body() body: PublishBulletinDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const quarter: Quarter = { year: body.year, quarter: body.quarter as Quarter['quarter'] };
    return this.answers.created(reply, await this.plan.publishBulletin(quarter, request), {
      view: ({ state, version }) => {
        if (state.status !== 'published') throw new Error(`PublishBulletin left ${quarterId(quarter)} unpublished`);
        return bulletinView(state, version);
      },
      location: () => `/api/v1/bulletins/${quarterId(quarter)}`,
    });
  }

  @Get()
  @Access(...ROLES)
  @ApiOperation({
    summary: 'Every published bulletin (季通报), oldest first',
    description: 'Any role. `{items}`: each published quarter’s bulletin as `GET /bulletins/{year}-Q{n}` shows it.',
  })
  @ApiOkResponse({ type: BulletinList })
  async list() {
    return this.queries.execute(new ListBulletins());
  }

  @Get(':id')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'A published bulletin, by `{year}-Q{n}` (e.g. 2025-Q1); 404 while not published',
    description:
      'Any role. Inspections by outcome, notices issued, cases open, overdue, closed and failed, suspensions in force, and monthly reports on time, late or missing by unit, for the quarter.',
  })
  @ApiOkResponse({ type: BulletinResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const quarter = parseQuarterId(id);
    const view = quarter && (await this.queries.execute(new GetBulletin(quarter)));
    if (!view) throw new NotFoundError('not-found', `No bulletin ${id} has been published`);
    reply.header('etag', `"${view.version}"`);
    return view;
  }
}
