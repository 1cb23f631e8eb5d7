import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import type { CommandRequest } from '@app/commands';
import { GetAssessment, PlanSupervisionCommands } from '@app/plan-supervision';
import { Access } from '../auth/access.decorator.js';
import { CommandAnswers } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { OpenAssessmentDto } from './plan-supervision.dto.js';
import { AssessmentDetailResponse, OpenAssessmentResponse } from './plan-supervision.responses.js';

const YEAR = /^(20\d\d|2100)$/;

@ApiTags('plan supervision')
@Controller('annual-assessments')
@StoreProblems()
export class AnnualAssessmentsController {
  constructor(
    @Inject(PlanSupervisionCommands) private readonly plan: PlanSupervisionCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Open the year’s assessment (年度考核) and schedule one annual inspection per registered kindergarten; a repeat schedules none twice',
    description:
      'Supervisor only. `{year}` opens that year’s campaign and schedules an `annual` inspection for every registered kindergarten that has none yet; repeating it schedules none twice. Answers 201 with the campaign and its Location.',
  })
  @ApiCreatedResponse({ type: OpenAssessmentResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  async open(@Body() body: OpenAssessmentDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.created(reply, await this.plan.openAssessment(body.year, request), {
      // GET /inspections right after shows the inspections scheduled
      readModel: 'inspection',
      view: (outcome) => {
        if (outcome.state.status !== 'opened') throw new Error(`OpenAssessment left ${body.year} unopened`);
        return {
          year: outcome.state.year,
          openedAt: outcome.state.openedAt,
          version: outcome.version,
          scheduled: outcome.scheduled,
          existing: outcome.existing,
        };
      },
      location: () => `/api/v1/annual-assessments/${body.year}`,
    });
  }

  @Get(':year')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'A year’s assessment (年度考核), once opened: the departments’ scores and the kindergartens’ annual inspection results',
    description:
      'Admin, supervisor, auditor. The campaign of `{year}`: when it was opened; `units: [{unitId, name, owed, onTime, late, missing, score}]` with `score = round(100 × (onTime + 0.5 × late) / owed)` over the monthly reports of the year due so far; and `annualInspections` with each kindergarten’s annual inspection and its result. 404 `not-found` before it is opened.',
  })
  @ApiOkResponse({ type: AssessmentDetailResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('year') year: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = YEAR.test(year) ? await this.queries.execute(new GetAssessment(Number(year))) : null;
    if (!view) throw new NotFoundError('not-found', `The assessment of ${year} has not been opened`);
    reply.header('etag', `"${view.version}"`);
    return view;
  }
}
