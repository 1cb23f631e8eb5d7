import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import { canSeeKindergarten, type Caller, type CommandOutcome, type CommandRequest } from '@app/identity';
import {
  ConcludeInspection,
  GetInspection,
  ListInspections,
  RecordFinding,
  ScheduleInspection,
  inspectionView,
  type InspectionState,
} from '@app/inspections';
import { ReadModels } from '@app/projections';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { RequestContext } from '../http/command-request.decorator.js';
import { listBody } from '../http/lists.js';
import { BodyProblems, CommandHeaders, Problems } from '../http/openapi.js';
import { ResourceIdPipe } from '../http/resource-id.pipe.js';
import { ConclusionDto, FindingDto, ListInspectionsQuery, ScheduleInspectionDto } from './inspection.dto.js';
import { InspectionList, InspectionResponse } from './inspection.responses.js';

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({ summary: 'Schedule an inspection; an annual one at most once per kindergarten and year' })
  @ApiCreatedResponse({ type: InspectionResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({ 409: ['annual-inspection-exists'], 422: ['unknown-kindergarten'] })
  async schedule(@Body() body: ScheduleInspectionDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new ScheduleInspection(body, request));
    return this.respond(outcome, reply, true);
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({ summary: 'List inspections (a kindergarten sees only its own)' })
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
  @ApiOperation({ summary: 'An inspection with its findings' })
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
  @ApiOperation({ summary: 'Record a finding (检查发现的问题)' })
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
    return this.respond(await this.commands.execute(new RecordFinding(id, body, request)), reply, true);
  }

  @Post(':id/conclusion')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({ summary: 'Conclude the inspection: passed, or failed with at least one finding' })
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
    return this.respond(await this.commands.execute(new ConcludeInspection(id, body, request)), reply, false);
  }

  private async respond(outcome: CommandOutcome<InspectionState>, reply: FastifyReply, withLocation: boolean) {
    if (outcome.state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
    await this.readModels.catchUp(outcome.position, 'inspection');
    reply.header('etag', `"${outcome.version}"`);
    if (withLocation) reply.header('location', `/api/v1/inspections/${outcome.state.id}`);
    return inspectionView(outcome.state, outcome.version);
  }
}
