import { PassThrough } from 'node:stream';
import { All, Controller, Get, Inject, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentVerification } from '@app/attachments';
import { AuditService, actorLabel, describeEvent } from '@app/audit';
import { shanghaiDate } from '@app/calendar/domain';
import { Clock } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { USER_ID } from '@app/users/domain';
import { ROLES } from '@app/identity';
import { DEFAULT_LIMIT, MAX_LIMIT } from '@app/projections';
import { Access } from '../auth/access.decorator.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ProblemError, problem } from '../http/problems/problem-details.js';
import { IsDateOnly, IsInstant, validationFailed } from '../http/validation/validation.js';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,254}$/;

// the store keeps versions as 32-bit and positions as 64-bit integers: a larger number is a bad request, not a 500
// (a version leaves room for a page after it: no stream holds a billion events)
const MAX_VERSION = 2 ** 30;
const MAX_POSITION = Number.MAX_SAFE_INTEGER;

class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(MAX_LIMIT)
  @IsInt()
  limit?: number;
}

const MAX_SIGN_IN_DAYS = 31;
const PROGRESS_EVERY_MS = 250;
const DAY_MS = 86_400_000;

class SignInsQuery {
  @ApiPropertyOptional({ description: 'First Shanghai date (default: today)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ description: `Last Shanghai date, inclusive (default: from); at most ${MAX_SIGN_IN_DAYS} days in all` })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ description: 'Only this user’s sign-ins, sign-outs and failures (by id or typed username)' })
  @IsOptional()
  @Matches(USER_ID)
  userId?: string;
}

class StreamsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The stream category: kindergarten, inspection, rectification, enrolment, …' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/)
  type?: string;

  @ApiPropertyOptional({ description: 'The last stream id of the previous page' })
  @IsOptional()
  @MaxLength(255)
  @IsString()
  after?: string;
}

class StreamEventsQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VERSION, default: 1, description: 'Inclusive' })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_VERSION)
  @Min(1)
  @IsInt()
  fromVersion?: number;
}

class StateQuery {
  @ApiPropertyOptional({ description: 'RFC 3339: the state after the last event recorded at or before it' })
  @IsOptional()
  @IsInstant()
  at?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VERSION, description: 'The state after this event' })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_VERSION)
  @Min(1)
  @IsInt()
  version?: number;
}

class VerificationQuery {
  @ApiPropertyOptional({ description: 'One stream; all when absent' })
  @IsOptional()
  @Matches(STREAM_ID)
  streamId?: string;
}

class GlobalEventsQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_POSITION, default: 0, description: 'Exclusive' })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_POSITION)
  @Min(0)
  @IsInt()
  afterPosition?: number;
}

class ChainBreakResponse {
  @ApiProperty() streamId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch', 'version-gap', 'attachment-missing', 'attachment-altered'] }) reason: string;
  @ApiPropertyOptional({
    description: 'With attachment-missing and attachment-altered: the cited attachment (the stream and version are the citing event’s)',
  })
  attachmentId?: string;
}

class VerificationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty() streamsChecked: number;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ description: 'Cited attachments whose stored bytes were re-hashed' }) attachmentsChecked: number;
  @ApiProperty({ type: [ChainBreakResponse] }) broken: ChainBreakResponse[];
}

interface VerificationProgress {
  events(eventsChecked: number, position: number): void;
  attachments(eventsChecked: number): void;
}

const streamIdOf = (value: string): string => {
  if (!STREAM_ID.test(value)) throw new ProblemError(problem(404, 'not-found', 'No such stream'));
  return value;
};

/** A page of a list: `{items, next?}`, each item as the record holds it. */
const page = (what: string) => ({
  description: `A page of ${what}; \`next\` is the path of the next page, absent on the last`,
  schema: {
    type: 'object',
    required: ['items'],
    properties: {
      items: { type: 'array', items: { type: 'object', additionalProperties: true } },
      next: { type: 'string', example: '/api/v1/audit/events?afterPosition=100' },
    },
  },
});

/** The auditor's view (审计): read-only, for auditors and administrators. */
@ApiTags('audit')
@Controller('audit')
@StoreProblems()
export class AuditController {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AttachmentVerification) private readonly attachments: AttachmentVerification,
  ) {}

  @Get('sign-ins')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'The sign-in log',
    description: `Auditor or admin. \`UserSignedIn\`, \`UserSignInFailed\`, \`UserSignedOut\` and \`AccountLocked\` of the \`signins-{YYYY-MM-DD}\` streams from \`from\` to \`to\` (Shanghai dates, at most ${MAX_SIGN_IN_DAYS} days), optionally of one \`userId\`, in order, each with its sentence in Chinese.`,
  })
  @ApiOkResponse(page('`{streamId, version, type, at, actor, data, sentence}`'))
  @Problems({ 400: ['validation-failed'] })
  async signIns(@Query() query: SignInsQuery) {
    const from = query.from ?? shanghaiDate(this.clock.now());
    const to = query.to ?? from;
    const first = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - first) / DAY_MS) + 1;
    if (days < 1 || days > MAX_SIGN_IN_DAYS) {
      throw validationFailed(
        [
          {
            field: 'to',
            message: `to must be from or up to ${MAX_SIGN_IN_DAYS - 1} days after it`,
            zh: `to 须与 from 相同或在其后 ${MAX_SIGN_IN_DAYS - 1} 天之内`,
          },
        ],
        'The date range is not valid',
      );
    }
    const items = [];
    for (let day = 0; day < days; day++) {
      const streamId = `signins-${new Date(first + day * DAY_MS).toISOString().slice(0, 10)}`;
      for (const event of await this.store.readStream(streamId)) {
        const data = event.data as { userId?: string; username?: string };
        if (query.userId && data.userId !== query.userId && data.username !== query.userId) continue;
        items.push({
          streamId,
          version: event.version,
          type: event.type,
          at: event.metadata.at,
          actor: { ...event.metadata.actor, label: actorLabel(event.metadata.actor) },
          data: event.data,
          sentence: describeEvent(event),
        });
      }
    }
    return { items };
  }

  @Get('streams')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'Streams, optionally of one category, with their versions',
    description:
      'Auditor or admin. Every stream of the record, optionally of one category (`type`: kindergarten, inspection, rectification, enrolment, …), in stream-id order, paged with `after`.',
  })
  @ApiOkResponse(page('streams: `{streamId, type, version}`'))
  @Problems({ 400: ['validation-failed'] })
  async streams(@Query() query: StreamsQuery, @Req() request: FastifyRequest) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const items = await this.audit.listStreams(query.type, query.after, limit + 1);
    if (items.length <= limit) return { items };
    const url = new URL(request.url, 'http://local');
    url.searchParams.set('after', items[limit - 1]!.streamId);
    return { items: items.slice(0, limit), next: `${url.pathname}${url.search}` };
  }

  @Get('streams/:streamId/events')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'A stream’s events exactly as recorded, with their full envelopes',
    description:
      'Auditor or admin. From `fromVersion` (inclusive): each event with its stream, version, global position, id, type, schema version, data, metadata (actor, time, command, correlation and causation ids) and its place in the hash chain. 404 `not-found` for an unknown stream.',
  })
  @ApiOkResponse(page('the stream’s events with their envelopes (ids, versions, metadata, hashes)'))
  @Problems({ 400: ['validation-failed'], 404: ['not-found'] })
  async streamEvents(@Param('streamId') streamId: string, @Query() query: StreamEventsQuery, @Req() request: FastifyRequest) {
    const fromVersion = query.fromVersion ?? 1;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = await this.audit.events(streamIdOf(streamId), fromVersion, limit);
    if (!page.more) return { items: page.items };
    const url = new URL(request.url, 'http://local');
    url.searchParams.set('fromVersion', String(fromVersion + limit));
    return { items: page.items, next: `${url.pathname}${url.search}` };
  }

  @Get('streams/:streamId/state')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'The aggregate’s state after event N, or as recorded at a time, rebuilt by the code that decides commands',
    description:
      'Auditor or admin. `{streamId, version, asOf, state}` after event `version`, or after the last event recorded at or before `at`; neither gives the current state, both is 400 `validation-failed`, a version beyond the stream or an unknown stream 404 `not-found`.',
  })
  @ApiOkResponse({
    description: 'The version reached and the aggregate’s state then, as its decider sees it',
    schema: { type: 'object', additionalProperties: true },
  })
  @Problems({ 400: ['validation-failed'], 404: ['not-found'] })
  state(@Param('streamId') streamId: string, @Query() query: StateQuery) {
    if (query.at !== undefined && query.version !== undefined) {
      throw validationFailed(
        [{ field: 'at', message: 'give either at or version, not both', zh: 'at 与 version 只能给出其一' }],
        'Give either at or version, not both',
      );
    }
    return this.audit.stateOf(streamIdOf(streamId), { version: query.version, at: query.at ? new Date(query.at) : undefined });
  }

  @Get('streams/:streamId/timeline')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'Each step of a stream in Chinese: who, when (Asia/Shanghai), what, and the state after it',
    description:
      'Auditor or admin. The stream told step by step for a reader of the record: the actor, the time in Asia/Shanghai, what happened, and the state after it. 404 `not-found` for an unknown stream.',
  })
  @ApiOkResponse({
    description: 'The stream’s steps in order, each told in Chinese with the state after it',
    schema: { type: 'object', additionalProperties: true },
  })
  @Problems({ 404: ['not-found'] })
  timeline(@Param('streamId') streamId: string) {
    return this.audit.timeline(streamIdOf(streamId));
  }

  @Get('verification')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'Re-computes the hash chain of one stream, or of every stream, and reports the first broken event of each',
    description:
      'Auditor or admin. `{ok, streamsChecked, eventsChecked, attachmentsChecked, broken}`: each broken stream is named with its first failing version and why (`hash-mismatch`, `prev-hash-mismatch`, `version-gap`); every attachment the record cites is re-hashed, one whose bytes are gone or differ named with `attachment-missing` or `attachment-altered` and its `attachmentId` (at the citing event). ' +
      'With `Accept: application/x-ndjson` the same check reports as it goes, one JSON line at a time: `{phase: "events", eventsChecked, position, headPosition}` while the log is read (about four times a second), `{phase: "attachments", eventsChecked}` while cited attachments are re-hashed, then `{phase: "done", report}` with the report the JSON answer gives (or `{phase: "failed", code}` if the store fails midway).',
  })
  @ApiExtraModels(VerificationResponse)
  @ApiProduces('application/json', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The report; with `Accept: application/x-ndjson`, progress lines ending with the report',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(VerificationResponse) } },
      'application/x-ndjson': { schema: { type: 'string' } },
    },
  })
  @Problems({ 400: ['validation-failed'] })
  async verification(@Query() query: VerificationQuery, @Req() request: FastifyRequest) {
    if (!request.headers.accept?.includes('application/x-ndjson')) return this.verify(query.streamId);
    return new StreamableFile(this.verificationProgress(query.streamId), { type: 'application/x-ndjson; charset=utf-8' });
  }

  private async verify(streamId: string | undefined, progress?: VerificationProgress) {
    const chains = await this.audit.verify(streamId, progress?.events);
    progress?.attachments(chains.eventsChecked);
    const attachments = await this.attachments.verify(streamId);
    return {
      ...chains,
      ok: chains.ok && attachments.broken.length === 0,
      attachmentsChecked: attachments.attachmentsChecked,
      broken: [...chains.broken, ...attachments.broken],
    };
  }

  /** The verification told as it goes, one JSON line at a time, for a person watching a long check of the whole store. */
  private verificationProgress(streamId: string | undefined): PassThrough {
    const lines = new PassThrough();
    const write = (line: object) => lines.write(`${JSON.stringify(line)}\n`);
    const run = async () => {
      const headPosition = await this.audit.headPosition();
      write({ phase: 'events', eventsChecked: 0, position: 0, headPosition });
      let told = performance.now();
      const report = await this.verify(streamId, {
        events: (eventsChecked, position) => {
          // a line about four times a second is progress enough, however fast the store reads
          if (performance.now() - told < PROGRESS_EVERY_MS) return;
          told = performance.now();
          write({ phase: 'events', eventsChecked, position, headPosition });
        },
        attachments: (eventsChecked) => write({ phase: 'attachments', eventsChecked }),
      });
      write({ phase: 'done', report });
    };
    run()
      .catch((error: unknown) => write({ phase: 'failed', code: (error as { code?: string }).code ?? 'store-unavailable' }))
      .finally(() => lines.end());
    return lines;
  }

  @Get('events')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'The global log in commit order',
    description: 'Auditor or admin. The events of every stream in the order they were committed, after `afterPosition` (exclusive), paged.',
  })
  @ApiOkResponse(page('events of every stream with their global positions'))
  @Problems({ 400: ['validation-failed'] })
  async globalEvents(@Query() query: GlobalEventsQuery, @Req() request: FastifyRequest) {
    const page = await this.audit.globalEvents(query.afterPosition ?? 0, query.limit ?? DEFAULT_LIMIT);
    if (!page.more) return { items: page.items };
    const url = new URL(request.url, 'http://local');
    url.searchParams.set('afterPosition', String(page.items.at(-1)!.position));
    return { items: page.items, next: `${url.pathname}${url.search}` };
  }

  @Get('export')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'Every event as NDJSON, in commit order, streamed',
    description:
      'Auditor or admin. The whole record as one download, one event envelope per line in commit order, streamed as it is read; `npm run audit -- import` reads it back and checks its hashes.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'One event envelope per line, as `audit import` reads it (Content-Disposition: attachment; filename="events.ndjson")',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  export(@Res() reply: FastifyReply) {
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', 'attachment; filename="events.ndjson"')
      .send(this.audit.exportStream());
  }

  // the record is read-only: every other method answers 403 and an unknown GET 404, as the `audit` tag says
  // (a catch-all has no place in an OpenAPI document: its `{path}` would span segments, and SEARCH is no OpenAPI method)
  @All('*')
  @Access(...ROLES)
  @ApiExcludeEndpoint()
  readOnly(@Req() request: FastifyRequest) {
    if (request.method === 'GET' || request.method === 'HEAD')
      throw new ProblemError(problem(404, 'not-found', `No route GET ${request.url.split('?')[0]}`));
    throw new ProblemError(problem(403, 'forbidden', 'The audit record is read-only'));
  }
}
