import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import type { Caller } from '@app/identity';
import type { CommandRequest } from '@app/commands';
import { GetMonthlyReport, ListMonthlyReports, PlanSupervisionCommands } from '@app/plan-supervision';
import { PERIOD } from '@app/plan-supervision/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { CommandAnswers } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';
import { AmendMonthlyReportDto, ListMonthlyReportsQuery, MonthlyReportDto, MonthlyReportEvidenceDto } from './plan-supervision.dto.js';
import { MonthlyReportList, MonthlyReportResponse } from './plan-supervision.responses.js';

const citations = (evidence: MonthlyReportEvidenceDto[] | undefined) =>
  (evidence ?? []).map(({ attachmentId, caption }) => ({ attachmentId, ...(caption !== undefined ? { caption } : {}) }));

const notFound = (): NotFoundError => new NotFoundError('not-found', 'No such monthly report');

@ApiTags('plan supervision')
@Controller('monthly-reports')
@StoreProblems()
export class MonthlyReportsController {
  constructor(
    @Inject(PlanSupervisionCommands) private readonly plan: PlanSupervisionCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('department')
  @ApiOperation({
    summary: 'Submit the caller’s unit’s progress report (月报告) for a month that has ended; late after the due day',
    description:
      'Department only, for the unit in its token. `{period: YYYY-MM, items: [{taskNo, status, progress}], evidence?: [{attachmentId, caption?}]}`: one report per unit and month (409 `report-exists`), from the plan’s first month 2023-01 (422 `period-outside-plan`) to a month that has ended (422 `period-not-ended`), every task number known (422 `unknown-task`), each the unit’s own (422 `task-not-assigned`), every task the unit leads or shares reported (422 `task-not-reported`), and every cited attachment uploaded by a user of the unit (422 `unknown-attachment`); marked `late` after the due day. Answers 201 with the report and its Location.',
  })
  @ApiCreatedResponse({ type: MonthlyReportResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({
    409: ['report-exists'],
    422: ['unknown-unit', 'period-outside-plan', 'period-not-ended', 'unknown-task', 'task-not-assigned', 'task-not-reported', 'unknown-attachment'],
  })
  async submit(
    @Body() body: MonthlyReportDto,
    @CurrentCaller() caller: Caller,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const unitId = caller.unitId!;
    const items = body.items.map(({ taskNo, status, progress }) => ({ taskNo, status, progress }));
    const evidence = citations(body.evidence);
    return this.answers.created(reply, await this.plan.submitMonthlyReport({ unitId, period: body.period, items, evidence }, request), {
      readModel: 'monthlyReport',
      view: async () => {
        const view = await this.queries.execute(new GetMonthlyReport(unitId, body.period));
        if (!view) throw notFound();
        return view;
      },
      location: () => `/api/v1/monthly-reports/${unitId}/${body.period}`,
    });
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'department')
  @ApiOperation({
    summary: 'Every unit that owes the month’s report: on time, late, pending (not yet due) or missing',
    description:
      'Admin, supervisor, auditor: for `period`, every unit that owes it (a unit with tasks in the plan, registered before the month ended), each with the status `GET /monthly-reports/{unitId}/{period}` gives; `unitId` narrows it to one. A department sees its own unit only (`unitId` implied).',
  })
  @ApiOkResponse({ type: MonthlyReportList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListMonthlyReportsQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const unitId = caller.role === 'department' ? caller.unitId! : query.unitId;
    if (caller.role === 'department' && query.unitId !== undefined && query.unitId !== unitId) return listBody(request, { items: [] });
    return listBody(request, await this.queries.execute(new ListMonthlyReports(query.period, query.after, query.limit, unitId)));
  }

  @Put(':unitId/:period')
  @HttpCode(200)
  @Access('department')
  @ApiOperation({
    summary: 'Amend the unit’s report for a month (MonthlyReportAmended): both versions are kept, `late` stays as first filed',
    description:
      'The unit itself only (another unit’s is 404 `not-found`). `{items, evidence?}` under the same rules as the first filing (422 `unknown-task`, `task-not-assigned`, `task-not-reported`, `unknown-attachment`); the evidence is the new version’s; a report not yet submitted: 409 `invalid-transition`. Answers with the report.',
  })
  @ApiOkResponse({ type: MonthlyReportResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'monthlyReport-{unitId}-{period}' })
  @Problems({
    404: ['not-found'],
    409: ['invalid-transition'],
    422: ['unknown-task', 'task-not-assigned', 'task-not-reported', 'unknown-attachment'],
  })
  async amend(
    @Param('unitId', ResourceIdPipe) unitId: string,
    @Param('period') period: string,
    @Body() body: AmendMonthlyReportDto,
    @CurrentCaller() caller: Caller,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!PERIOD.test(period) || caller.unitId !== unitId) throw notFound();
    if (!(await this.queries.execute(new GetMonthlyReport(unitId, period)))) throw notFound();
    const items = body.items.map(({ taskNo, status, progress }) => ({ taskNo, status, progress }));
    const evidence = citations(body.evidence);
    return this.answers.ok(reply, await this.plan.amendMonthlyReport({ unitId, period, items, evidence }, request), {
      readModel: 'monthlyReport',
      view: async () => {
        const view = await this.queries.execute(new GetMonthlyReport(unitId, period));
        if (!view) throw notFound();
        return view;
      },
      location: () => `/api/v1/monthly-reports/${unitId}/${period}`,
    });
  }

  @Get(':unitId/:period')
  @Access('admin', 'supervisor', 'auditor', 'department')
  @ApiOperation({
    summary: 'A unit’s report for a month (a department sees only its own unit’s)',
    description:
      'Admin, supervisor, auditor; a department for its own unit only (another unit’s is 404 `not-found`). The report as submitted, with `late`.',
  })
  @ApiOkResponse({ type: MonthlyReportResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(
    @Param('unitId', ResourceIdPipe) unitId: string,
    @Param('period') period: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!PERIOD.test(period) || (caller.role === 'department' && caller.unitId !== unitId)) throw notFound();
    const view = await this.queries.execute(new GetMonthlyReport(unitId, period));
    if (!view) throw notFound();
    reply.header('etag', `"${view.version}"`);
    return view;
  }
}
