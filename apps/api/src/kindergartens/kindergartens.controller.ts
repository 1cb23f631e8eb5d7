import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EnrolmentCommands } from '@app/enrolment';
import { NotFoundError } from '@app/event-sourcing';
import type { Caller } from '@app/identity';
import { type CommandOutcome, type CommandRequest } from '@app/commands';
import { KindergartenCommands } from '@app/kindergartens';
import { GetKindergarten, ListKindergartens, type KindergartenView } from '@app/overviews';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { KindergartenScope, ScopedBy } from '../auth/kindergarten-scope.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';
import {
  ClosureDto,
  DisclosureDto,
  ListKindergartensQuery,
  RegisterKindergartenDto,
  ReinstatementDto,
  StatementDto,
  SuspensionDecisionDto,
  SuspensionNoticeDto,
  UpdateKindergartenDto,
} from './kindergarten.dto.js';
import { KindergartenList, KindergartenResponse } from './kindergarten.responses.js';

@ApiTags('kindergartens')
@Controller('kindergartens')
@ScopedBy('kindergarten')
@StoreProblems()
export class KindergartensController {
  constructor(
    @Inject(KindergartenCommands) private readonly kindergartens: KindergartenCommands,
    @Inject(EnrolmentCommands) private readonly enrolment: EnrolmentCommands,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('admin')
  @ApiOperation({
    summary: 'Register a kindergarten',
    description:
      'Admin only. `{id, name, township, ownership}`; `township` is a township id or its registered name, stored as its id (else 422 `unknown-township`). A second registration of an id is 409 `kindergarten-exists`; a name another kindergarten has is 409 `kindergarten-name-exists`. Answers 201 with the kindergarten and its Location.',
  })
  @ApiCreatedResponse({ type: KindergartenResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({ 409: ['kindergarten-exists', 'kindergarten-name-exists'], 422: ['unknown-township'] })
  async register(@Body() body: RegisterKindergartenDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, ...rest } = body;
    return this.answers.created(reply, await this.kindergartens.register({ kindergartenId: id, ...rest }, request), this.answer(id));
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'List kindergartens (a kindergarten sees only itself)',
    description:
      'Admin, supervisor, auditor; a kindergarten sees only itself. Filters: `township` (id), `q` (part of the name), `ownership`, `enrolmentStatus`. Each with its enrolment status, whether it is closed and its number of open cases; paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: KindergartenList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListKindergartensQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const page = await this.queries.execute(
      new ListKindergartens({
        ids: await this.scope.visibleIds(caller),
        township: query.township,
        q: query.q,
        ownership: query.ownership,
        enrolmentStatus: query.enrolmentStatus,
        cursor: query.after,
        limit: query.limit,
      }),
    );
    return listBody(request, page);
  }

  @Get(':id')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'A kindergarten, with its enrolment status and open cases',
    description:
      'Admin, supervisor, auditor; a kindergarten only itself (another is 404 `not-found`). `ETag` is the version of its `kindergarten-{id}` stream; `enrolmentVersion` that of `enrolment-{id}`.',
  })
  @ApiOkResponse({ type: KindergartenResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('id', ResourceIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetKindergarten(id));
    if (!view) throw new NotFoundError('not-found', 'No such kindergarten');
    reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Put(':id')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary: 'Correct a kindergarten’s register entry: name, township, ownership',
    description:
      'Admin only. `{name, township, ownership}` → `KindergartenUpdated` (nothing is written when nothing changes). `township` as on registration (422 `unknown-township`); a name another kindergarten has is 409 `kindergarten-name-exists`. If-Match is checked against `kindergarten-{id}`. Answers 200 with the kindergarten.',
  })
  @ApiBody({ type: UpdateKindergartenDto })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'kindergarten-{id}' })
  @Problems({ 404: ['not-found'], 409: ['kindergarten-name-exists'], 422: ['unknown-township'] })
  async update(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: UpdateKindergartenDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.kindergartens.update(id, body, request), this.answer(id));
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary: 'Record that a kindergarten has closed (停办)',
    description:
      'Admin only. `{closedOn, reason}` → `KindergartenClosed`; a closed kindergarten stays in the register, shown as closed, and gets no new inspections (409 `kindergarten-closed`). Closing it again is 409 `kindergarten-closed`. If-Match is checked against `kindergarten-{id}`. Answers 200 with the kindergarten.',
  })
  @ApiBody({ type: ClosureDto })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'kindergarten-{id}' })
  @Problems({ 404: ['not-found'], 409: ['kindergarten-closed'] })
  async close(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ClosureDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.kindergartens.close(id, body, request), this.answer(id));
  }

  @Put(':id/disclosure')
  @HttpCode(200)
  @Access('kindergarten')
  @ApiOperation({
    summary: 'Publish the kindergarten’s disclosure (备案及公示): staffing, children, fees',
    description:
      'The kindergarten itself only. `{teachers, caregivers, children, monthlyFeeYuan, notes?}` replaces what the public board shows. Answers with the kindergarten.',
  })
  @ApiBody({ type: DisclosureDto })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'kindergarten-{id}' })
  @Problems({ 404: ['not-found'] })
  async publishDisclosure(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: DisclosureDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.kindergartens.publishDisclosure(id, { ...body, notes: body.notes ?? null }, request), this.answer(id));
  }

  @Post(':id/enrolment/suspension-notice')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Propose an enrolment suspension (暂停招生告知): facts, reasons and basis, and the statement period',
    description:
      'Supervisor only. `{rectificationId, facts, basis, proposedFrom}` → `SuspensionProposed` with `statementDueAt`, the end of the `STATEMENT_WORKING_DAYS`-th (default 3) working day after today (422 `calendar-unavailable` where the calendar has no data). The case must be this kindergarten’s and `failed` (422 `unknown-rectification`, `suspension-requires-failed-rectification`); 409 `already-suspended`; 409 `suspension-proposed` while one is pending. If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.',
  })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'enrolment-{id} (enrolmentVersion)' })
  @Problems({
    404: ['not-found'],
    409: ['already-suspended', 'suspension-proposed'],
    422: ['unknown-rectification', 'suspension-requires-failed-rectification', 'calendar-unavailable'],
  })
  async proposeSuspension(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: SuspensionNoticeDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.enrolment.propose(id, body, request), this.answer(id, 'enrolment'));
  }

  @Post(':id/enrolment/statement')
  @HttpCode(200)
  @Access('kindergarten')
  @ApiOperation({
    summary: 'State the kindergarten’s case (陈述申辩) on the pending proposal, or waive it',
    description:
      'The kindergarten itself only (another is 404). `{text, attachmentIds?}` → `StatementSubmitted`, or `{waive: true}` → `StatementWaived`; 409 `no-proposal`; one statement per proposal (409 `statement-exists`); at or after `statementDueAt`: 422 `statement-period-over`; each attachment must have been uploaded by users of this kindergarten (422 `unknown-attachment`; its SHA-256 is recorded, so verification re-hashes it). The public board never shows it. Answers with the kindergarten.',
  })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'enrolment-{id} (enrolmentVersion)' })
  @Problems({ 404: ['not-found'], 409: ['no-proposal', 'statement-exists'], 422: ['statement-period-over', 'unknown-attachment'] })
  async submitStatement(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: StatementDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = body.waive ? { waive: true as const } : { text: body.text!, attachmentIds: body.attachmentIds ?? [] };
    return this.answers.ok(reply, await this.enrolment.state(id, data, request), this.answer(id, 'enrolment'));
  }

  @Post(':id/enrolment/suspension')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Decide the pending suspension proposal (暂停招生决定): suspend or withdraw',
    description:
      'Supervisor only. `{decision: suspend | withdraw, reason, effectiveFrom?}` → `EnrolmentSuspended` or `SuspensionWithdrawn`; `reason` answers the statement. 409 `no-proposal`; before `statementDueAt`, unless the kindergarten submitted or waived its statement: 409 `statement-period-open`; `effectiveFrom` (default today, Asia/Shanghai) in the past: 422 `effective-from-in-past`. If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.',
  })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'enrolment-{id} (enrolmentVersion)' })
  @Problems({ 404: ['not-found'], 409: ['no-proposal', 'statement-period-open'], 422: ['effective-from-in-past'] })
  async decideSuspension(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: SuspensionDecisionDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.enrolment.decide(id, body, request), this.answer(id, 'enrolment'));
  }

  @Post(':id/enrolment/reinstatement')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Reinstate enrolment (恢复招生), citing a follow-up inspection passed after the suspension',
    description:
      'Supervisor only. `{inspectionId, reason}`: enrolment must be suspended (409 `not-suspended`) and the inspection a `follow-up` of this kindergarten concluded `passed` after the suspension (422 `reinstatement-requires-passed-follow-up`). If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.',
  })
  @ApiOkResponse({ type: KindergartenResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'enrolment-{id} (enrolmentVersion)' })
  @Problems({ 404: ['not-found'], 409: ['not-suspended'], 422: ['unknown-inspection', 'reinstatement-requires-passed-follow-up'] })
  async reinstate(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ReinstatementDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.enrolment.reinstate(id, body, request), this.answer(id, 'enrolment'));
  }

  /** The kindergarten as the read model shows it, once the read model includes this command; its ETag is the row's version. */
  private answer(id: string, readModel = 'kindergarten'): Answer<CommandOutcome<unknown>, KindergartenView> {
    return {
      readModel,
      view: async () => {
        const view = await this.queries.execute(new GetKindergarten(id));
        if (!view) throw new NotFoundError('not-found', 'No such kindergarten');
        return view;
      },
      version: (view) => view.version,
      location: () => `/api/v1/kindergartens/${id}`,
    };
  }
}
