import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import { canSeeKindergarten, type Caller } from '@app/identity';
import { type CommandOutcome, type CommandRequest } from '@app/commands';
import { GetInspection, InspectionCommands, ListInspections, inspectionView, type InspectionView } from '@app/inspections';
import { type InspectionState } from '@app/inspections/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';
import { ConclusionDto, FindingDto, ListInspectionsQuery, ScheduleInspectionDto } from './inspection.dto.js';
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
@StoreProblems()
export class InspectionsController {
  constructor(
    @Inject(InspectionCommands) private readonly inspections: InspectionCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Schedule an inspection; an annual one at most once per kindergarten and year',
    description:
      'Supervisor only. `{kindergartenId, kind, year, scheduledOn}`: 422 `unknown-kindergarten`; a second `annual` inspection of a kindergarten for a year is 409 `annual-inspection-exists`. The engine makes the id. Answers 201 with the inspection and its Location.',
  })
  @ApiCreatedResponse({ type: InspectionResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({ 409: ['annual-inspection-exists'], 422: ['unknown-kindergarten'] })
  async schedule(@Body() body: ScheduleInspectionDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.created(reply, await this.inspections.schedule(body, request), INSPECTION);
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'List inspections (a kindergarten sees only its own)',
    description: 'Admin, supervisor, auditor; a kindergarten sees only its own. Filters: `kindergartenId`, `year`, `kind`; paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: InspectionList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListInspectionsQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const scope = caller.role === 'kindergarten' ? caller.kindergartenId! : undefined;
    const ids = scope
      ? query.kindergartenId && query.kindergartenId !== scope
        ? []
        : [scope]
      : query.kindergartenId
        ? [query.kindergartenId]
        : undefined;
    const page = await this.queries.execute(
      new ListInspections({ kindergartenIds: ids, year: query.year, kind: query.kind, cursor: query.after, limit: query.limit }),
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
  async get(@Param('id', ResourceIdPipe) id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetInspection(id));
    if (!view || !canSeeKindergarten(caller, view.kindergartenId)) throw new NotFoundError('not-found', 'No such inspection');
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
      'Supervisor only. `{outcome, summary}`, once (409 `inspection-concluded`); `failed` needs at least one finding (422 `failed-without-findings`). Answers with the inspection.',
  })
  @ApiOkResponse({ type: InspectionResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'inspection-{id}' })
  @Problems({ 404: ['not-found'], 409: ['inspection-concluded'], 422: ['failed-without-findings'] })
  async conclude(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ConclusionDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.inspections.conclude(id, body, request), INSPECTION);
  }
}
