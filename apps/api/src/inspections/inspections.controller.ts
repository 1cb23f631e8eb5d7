import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import type { Caller } from '@app/identity';
import { type CommandOutcome, type CommandRequest } from '@app/commands';
import { GetInspection, InspectionCommands, ListInspections, inspectionView, type InspectionView } from '@app/inspections';
import { type InspectionState } from '@app/inspections/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { KindergartenScope, ScopedBy } from '../auth/kindergarten-scope.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';
import { AmendFindingDto, ConclusionDto, FindingDto, ListInspectionsQuery, ReasonDto, RescheduleDto, ScheduleInspectionDto } from './inspection.dto.js';
import { FindingCodePipe } from './finding-code.pipe.js';
import { InspectionList, InspectionResponse } from './inspection.responses.js';

const INSPECTION: Answer<CommandOutcome<InspectionState>, InspectionView> = {
  readModel: 'inspection',
  view: ({ state, version }) => {
    if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
    return inspectionView(state, version);
  },
  location: (view) => `/api/v1/inspections/${view.id}`,
};

@ApiTags('inspections')
@Controller('inspections')
@ScopedBy('inspection')
@StoreProblems()
export class InspectionsController {
  constructor(
    @Inject(InspectionCommands) private readonly inspections: InspectionCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Schedule an inspection; an annual one at most once per kindergarten and year',
    description:
      'Supervisor only. `{kindergartenId, kind, year, scheduledOn}`: 422 `unknown-kindergarten`; a closed kindergarten gets none (409 `kindergarten-closed`); `scheduledOn` within `year` (422 `scheduled-outside-year`); a second `annual` inspection of a kindergarten for a year, even a cancelled one, is 409 `annual-inspection-exists`. The engine makes the id. Answers 201 with the inspection and its Location.',
  })
  @ApiCreatedResponse({ type: InspectionResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({ 409: ['kindergarten-closed', 'annual-inspection-exists'], 422: ['unknown-kindergarten', 'scheduled-outside-year'] })
  async schedule(@Body() body: ScheduleInspectionDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.created(reply, await this.inspections.schedule(body, request), INSPECTION);
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'List inspections (a kindergarten sees only its own)',
    description:
      'Admin, supervisor, auditor; a kindergarten sees only its own. Filters: `township` (the kindergarten’s), `status` (`scheduled`, `concluded`, `cancelled`), `year`, `kind`, `kindergartenId`; paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: InspectionList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListInspectionsQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const ids = await this.scope.visibleIds(caller, query.kindergartenId);
    const page = await this.queries.execute(
      new ListInspections({
        kindergartenIds: ids,
        year: query.year,
        kind: query.kind,
        status: query.status,
        township: query.township,
        cursor: query.after,
        limit: query.limit,
      }),
    );
    return listBody(request, page);
  }

  @Get(':id')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'An inspection with its findings',
    description:
      'Admin, supervisor, auditor; a kindergarten only its own (another’s is 404 `not-found`). Read from its stream, with `ETag: "<version>"`.',
  })
  @ApiOkResponse({ type: InspectionResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('id', ResourceIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetInspection(id));
    if (!view) throw new NotFoundError('not-found', 'No such inspection');
    reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Post(':id/findings')
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Record a finding (检查发现的问题)',
    description:
      'Supervisor only. `{code, description, severity}` on an inspection not yet concluded (409 `inspection-concluded`), a code not yet recorded on it (409 `finding-exists`). Answers 201 with the inspection.',
  })
  @ApiCreatedResponse({ type: InspectionResponse, description: 'The inspection, with Location and ETag' })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'finding-exists'] })
  async recordFinding(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: FindingDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.created(reply, await this.inspections.recordFinding(id, body, request), INSPECTION);
  }

  @Post(':id/conclusion')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Conclude the inspection: passed, or failed with at least one finding',
    description:
      'Supervisor only. `{outcome, summary}`, once (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); `failed` needs at least one finding, withdrawn ones not counted (422 `failed-without-findings`); not before `scheduledOn` (422 `conclusion-before-scheduled`). Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'invalid-transition'], 422: ['failed-without-findings', 'conclusion-before-scheduled'] })
  async conclude(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ConclusionDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.conclude(id, body, request), INSPECTION);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Reschedule the inspection (another day within its year)',
    description:
      'Supervisor only. `{scheduledOn, reason}` → `InspectionRescheduled`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); `scheduledOn` within the inspection’s year (422 `scheduled-outside-year`). Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'invalid-transition'], 422: ['scheduled-outside-year'] })
  async reschedule(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: RescheduleDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.reschedule(id, body, request), INSPECTION);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Cancel the inspection (final); a cancelled annual inspection still holds its year',
    description:
      'Supervisor only. `{reason}` → `InspectionCancelled`, status `cancelled`, before the conclusion (409 `inspection-concluded`; already cancelled 409 `invalid-transition`). Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'invalid-transition'] })
  async cancel(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ReasonDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.cancel(id, body, request), INSPECTION);
  }

  @Put(':id/findings/:code')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Amend a finding’s description and severity',
    description:
      'Supervisor only. `{description, severity}` → `FindingAmended`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); a code the inspection does not hold (or withdrew) is 404 `not-found`. Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'invalid-transition'] })
  async amendFinding(
    @Param('id', ResourceIdPipe) id: string,
    @Param('code', FindingCodePipe) code: string,
    @Body() body: AmendFindingDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.amendFinding(id, { code, ...body }, request), INSPECTION);
  }

  @Post(':id/findings/:code/withdrawal')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Withdraw a finding: it moves to withdrawnFindings and no longer counts',
    description:
      'Supervisor only. `{reason}` → `FindingWithdrawn`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); a code the inspection does not hold (or withdrew) is 404 `not-found`. A withdrawn code cannot be cited (422 `unknown-finding`) or recorded again (409 `finding-exists`). Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded', 'invalid-transition'] })
  async withdrawFinding(
    @Param('id', ResourceIdPipe) id: string,
    @Param('code', FindingCodePipe) code: string,
    @Body() body: ReasonDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.withdrawFinding(id, { code, ...body }, request), INSPECTION);
  }
}
