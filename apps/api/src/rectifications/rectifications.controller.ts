import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '@app/event-sourcing';
import type { Caller } from '@app/identity';
import { type CommandOutcome, type CommandRequest } from '@app/commands';
import { GetRectification, ListRectifications, RectificationCases, rectificationView, type RectificationView } from '@app/rectifications';
import { type RectificationState } from '@app/rectifications/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { KindergartenScope, ScopedBy } from '../auth/kindergarten-scope.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';
import {
  DeadlineDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  FollowUpDto,
  IssueNoticeDto,
  ListRectificationsQuery,
  NewDeadlineDto,
  ReportDto,
  ReviewDto,
  WithdrawalDto,
  deadlineOf,
} from './rectification.dto.js';
import { RectificationList, RectificationResponse } from './rectification.responses.js';

const CASE = 'rectification-{id}';

const RECTIFICATION: Answer<CommandOutcome<RectificationState>, RectificationView> = {
  readModel: 'rectification',
  view: ({ state, version }) => {
    if (state.status === 'none') throw new NotFoundError('not-found', 'No such rectification case');
    return rectificationView(state, version);
  },
  location: (view) => `/api/v1/rectifications/${view.id}`,
};

@ApiTags('rectifications')
@ApiExtraModels(DeadlineDto)
@Controller('rectifications')
@ScopedBy('rectification')
@StoreProblems()
export class RectificationsController {
  constructor(
    @Inject(RectificationCases) private readonly cases: RectificationCases,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Issue a rectification notice (限期整改) for a failed inspection; tells the kindergarten at once',
    description:
      'Supervisor only. `{kindergartenId, inspectionId, findingCodes, deadline, publish}`: the inspection must be this kindergarten’s and concluded `failed` (422 `unknown-inspection`, `inspection-not-failed`), the codes its findings, withdrawn ones excluded (422 `unknown-finding`), one case per inspection (409 `rectification-exists`), a deadline in the future (422 `deadline-in-past`, `calendar-unavailable`). The notice gets the next document number of its year of issue, `documentNo` (`{DOCUMENT_NO_PREFIX}〔{year}〕{n}号`, no gap, no duplicate). Answers 201 with the case and its Location.',
  })
  @ApiCreatedResponse({ type: RectificationResponse, description: 'With Location and ETag' })
  @BodyProblems()
  @CommandHeaders()
  @Problems({
    409: ['rectification-exists'],
    422: ['unknown-kindergarten', 'unknown-inspection', 'inspection-not-failed', 'unknown-finding', 'deadline-in-past', 'calendar-unavailable'],
  })
  async issue(@Body() body: IssueNoticeDto, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.created(reply, await this.cases.issue({ ...body, deadline: deadlineOf(body.deadline) }, request), RECTIFICATION);
  }

  @Get()
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'List rectification cases (a kindergarten sees only its own)',
    description:
      'Admin, supervisor, auditor; a kindergarten sees only its own. Newest first. Filters: `status` (a status, or `open`: issued, acknowledged, submitted or returned), `township` (the kindergarten’s), `kindergartenId`, `overdue`, `from` and `to` (days of issue, inclusive, Asia/Shanghai), `dueFrom` and `dueTo` (days of the deadline, inclusive, Asia/Shanghai), `q` (part of the document number, the kindergarten’s name or the case id); paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: RectificationList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListRectificationsQuery, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    const ids = await this.scope.visibleIds(caller, query.kindergartenId);
    const overdue = query.overdue === undefined ? undefined : query.overdue === 'true';
    const page = await this.queries.execute(
      new ListRectifications({
        kindergartenIds: ids,
        status: query.status,
        overdue,
        township: query.township,
        from: query.from,
        to: query.to,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
        q: query.q,
        cursor: query.after,
        limit: query.limit,
      }),
    );
    return listBody(request, page);
  }

  @Get(':id')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'A rectification case',
    description:
      'Admin, supervisor, auditor; a kindergarten only its own (another’s is 404 `not-found`). Read from its stream: status, deadline, overdue, reports, pending extension, with `ETag: "<version>"`.',
  })
  @ApiOkResponse({ type: RectificationResponse, description: 'ETag: "<version>"' })
  @Problems({ 404: ['not-found'] })
  async get(@Param('id', ResourceIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetRectification(id));
    if (!view) throw new NotFoundError('not-found', 'No such rectification case');
    reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Post(':id/acknowledgement')
  @HttpCode(200)
  @Access('kindergarten')
  @ApiOperation({
    summary: 'Acknowledge the notice (issued → acknowledged); no body',
    description: 'The kindergarten of the case only. From `issued` only, else 409 `invalid-transition`. Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'] })
  async acknowledge(
    @Param('id', ResourceIdPipe) id: string,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.cases.run(id, { type: 'AcknowledgeNotice', data: {} }, request), RECTIFICATION);
  }

  @Post(':id/extension-requests')
  @HttpCode(201)
  @Access('kindergarten')
  @ApiOperation({
    summary: 'Ask for a later deadline (from issued, acknowledged or returned, before the deadline)',
    description:
      'The kindergarten of the case only. `{requestedDueAt, reason}`: one request at a time (409 `extension-pending`), before the deadline (422 `extension-after-deadline`), for a later one (422 `extension-not-later`). Answers 201 with the case.',
  })
  @ApiCreatedResponse({ type: RectificationResponse, description: 'The case, with Location and ETag' })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition', 'extension-pending'], 422: ['extension-after-deadline', 'extension-not-later'] })
  async requestExtension(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ExtensionRequestDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.created(reply, await this.cases.run(id, { type: 'RequestExtension', data: body }, request), RECTIFICATION);
  }

  @Post(':id/extension-decision')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Grant or deny the pending extension; a grant moves dueAt and clears overdue',
    description:
      'Supervisor only. `{approve, reason}` on a pending request (409 `no-pending-extension`); a grant moves `dueAt`, reschedules every reminder and clears `overdue`. Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition', 'no-pending-extension'] })
  async decideExtension(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ExtensionDecisionDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.cases.run(id, { type: 'DecideExtension', data: body }, request), RECTIFICATION);
  }

  @Post(':id/reports')
  @HttpCode(200)
  @Access('kindergarten')
  @ApiOperation({
    summary: 'Submit a rectification report (整改报告) addressing every finding of the notice',
    description:
      'The kindergarten of the case only. `{summary, actions, evidence}` from `acknowledged` or `returned` (409 `invalid-transition`); every action names a finding of the notice (422 `unknown-finding`) and every finding is addressed (422 `finding-not-addressed`); evidence items are `{attachmentId, caption?}`, attachments uploaded by users of this kindergarten (422 `unknown-attachment`; their SHA-256 is recorded), or the v1 `{name, sha256, sizeBytes}` kept as an unverified reference; `late` when after `dueAt`. Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'], 422: ['unknown-finding', 'finding-not-addressed', 'unknown-attachment'] })
  async submitReport(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ReportDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const evidence = body.evidence.map(({ attachmentId, caption, name, sha256, sizeBytes }) =>
      attachmentId !== undefined ? { attachmentId, ...(caption !== undefined ? { caption } : {}) } : { name: name!, sha256: sha256!, sizeBytes: sizeBytes! },
    );
    return this.answers.ok(reply, await this.cases.run(id, { type: 'SubmitReport', data: { ...body, evidence } }, request), RECTIFICATION);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Accept (→ closed) or return (→ returned) the submitted report',
    description:
      'Supervisor only. `{decision, comment, deadline?}` from `submitted` only, else 409 `invalid-transition`. A `return` at or after `dueAt` must carry a new `deadline` (422 `deadline-required`); with one, `DeadlineReset` is recorded with the return (422 `deadline-in-past`, `calendar-unavailable`). Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'], 422: ['deadline-required', 'deadline-in-past', 'calendar-unavailable'] })
  async review(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: ReviewDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { deadline, ...review } = body;
    const data = deadline ? { ...review, deadline: deadlineOf(deadline) } : review;
    return this.answers.ok(reply, await this.cases.run(id, { type: 'ReviewReport', data }, request), RECTIFICATION);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Record the follow-up inspection (复查): passed → closed, failed → failed',
    description:
      'Supervisor only. `{inspectionId}` on an open case that is `submitted` or `overdue` (409 `follow-up-too-early`, checked before the inspection; a case not open 409 `invalid-transition`): a `follow-up` inspection of this kindergarten concluded after the notice (422 `follow-up-inspection-required`). Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition', 'follow-up-too-early'], 422: ['unknown-inspection', 'follow-up-inspection-required'] })
  async followUp(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: FollowUpDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.cases.run(id, { type: 'RecordFollowUp', data: body }, request), RECTIFICATION);
  }

  @Post(':id/deadline')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Set a new deadline (an overdue case too): moves every reminder, clears overdue, tells the kindergarten',
    description:
      'Supervisor only. `{deadline: {workingDays} | {dueAt}, reason}` from `issued`, `acknowledged` or `returned` (else 409 `invalid-transition`) → `DeadlineReset`; a deadline in the future (422 `deadline-in-past`, `calendar-unavailable`). Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'], 422: ['deadline-in-past', 'calendar-unavailable'] })
  async resetDeadline(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: NewDeadlineDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { deadline: deadlineOf(body.deadline), reason: body.reason };
    return this.answers.ok(reply, await this.cases.run(id, { type: 'ResetDeadline', data }, request), RECTIFICATION);
  }

  @Post(':id/publication')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Publish a notice issued unpublished (通报): it appears on the public board; no body',
    description:
      'Supervisor only. → `NoticePublished`; 409 `already-published`; a withdrawn notice 409 `invalid-transition`. Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 400: ['validation-failed'], 404: ['not-found'], 409: ['invalid-transition', 'already-published'] })
  async publish(@Param('id', ResourceIdPipe) id: string, @RequestContext() request: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answers.ok(reply, await this.cases.run(id, { type: 'PublishNotice', data: {} }, request), RECTIFICATION);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Access('supervisor')
  @ApiOperation({
    summary: 'Withdraw the notice (撤销): status withdrawn, final, no more reminders',
    description:
      'Supervisor only. `{reason}` from any open status (else 409 `invalid-transition`) → `NoticeWithdrawn`, status `withdrawn`; pending reminders are dropped and the kindergarten is told. A published notice stays on the public board marked 已撤销 with the reason. Answers with the case.',
  })
  @ApiOkResponse({ type: RectificationResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: CASE })
  @Problems({ 404: ['not-found'], 409: ['invalid-transition'] })
  async withdraw(
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: WithdrawalDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answers.ok(reply, await this.cases.run(id, { type: 'WithdrawNotice', data: body }, request), RECTIFICATION);
  }
}
