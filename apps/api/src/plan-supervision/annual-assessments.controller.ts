import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import type { CommandRequest } from '@app/identity';
import { GetAssessment, OpenAssessment } from '@app/plan-supervision';
import { ReadModels } from '@app/projections';
import { Access } from '../auth/access.decorator.js';
import { RequestContext } from '../http/command-request.decorator.js';
import { BodyProblems, CommandHeaders, Problems } from '../http/openapi.js';
import { OpenAssessmentDto } from './plan-supervision.dto.js';
import { AssessmentResponse, OpenAssessmentResponse } from './plan-supervision.responses.js';

const YEAR = /^(20\d\d|2100)$/;

@ApiTags('plan supervision')
@Controller('annual-assessments')
export class AnnualAssessmentsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Open the year’s assessment (年度考核) and schedule one annual inspection per registered kindergarten; a repeat schedules none twice',
  })
  @ApiCreatedResponse({ type: OpenAssessmentResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  async open(@Body() body: OpenAssessmentDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new OpenAssessment(body.year, request));
    if (outcome.state.status !== 'opened') throw new Error(`OpenAssessment left ${body.year} unopened`);
    // GET /inspections right after shows the inspections scheduled
    await this.readModels.catchUp(outcome.position, 'inspection');
    reply.header('etag', `"${outcome.version}"`);
    reply.header('location', `/api/v1/annual-assessments/${body.year}`);
    return {
      year: outcome.state.year,
      openedAt: outcome.state.openedAt,
      version: outcome.version,
      scheduled: outcome.scheduled,
      existing: outcome.existing,
    };
  }

  @Get(':year')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'A year’s assessment campaign, once opened' })
  @ApiOkResponse({ type: AssessmentResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('year') year: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = YEAR.test(year) ? await this.queries.execute(new GetAssessment(Number(year))) : null;
    if (!view) throw new NotFoundError('not-found', `The assessment of ${year} has not been opened`);
    reply.header('etag', `"${view.version}"`);
    return view;
  }
}
