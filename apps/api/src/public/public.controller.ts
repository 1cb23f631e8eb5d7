import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListPublicKindergartens, ListPublicNotices } from '@app/overviews';
import { DEFAULT_LIMIT } from '@app/projections';
import { Public } from '../auth/access.decorator.js';
import { ListQuery, listBody } from '../http/lists/lists.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';

class PublicDisclosure {
  @ApiProperty() teachers: number;
  @ApiProperty() caregivers: number;
  @ApiProperty() children: number;
  @ApiProperty() monthlyFeeYuan: number;
  @ApiProperty() publishedAt: string;
}

class PublicResult {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['passed', 'failed'] }) outcome: string;
}

class PublicKindergarten {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() township: string;
  @ApiProperty() ownership: string;
  @ApiProperty({ description: 'Closed (停办)' }) closed: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ enum: ['open', 'suspended'] }) enrolmentStatus: string;
  @ApiProperty({ type: PublicDisclosure, nullable: true }) disclosure: PublicDisclosure | null;
  @ApiProperty({ type: PublicResult, nullable: true }) latestAnnual: PublicResult | null;
  @ApiProperty({ type: PublicResult, nullable: true }) latestQuality: PublicResult | null;
}

class PublicKindergartenList {
  @ApiProperty({ type: [PublicKindergarten] }) items: PublicKindergarten[];
  @ApiPropertyOptional() next?: string;
}

class KindergartenName {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class PublicWithdrawal {
  @ApiProperty({ enum: ['已撤销'] }) label: string;
  @ApiProperty() reason: string;
  @ApiProperty() withdrawnAt: string;
}

class PublicNotice {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: '清教督改〔2026〕3号', description: '文号; null for notices issued before v1.1' })
  documentNo: string | null;
  @ApiProperty({ type: KindergartenName }) kindergarten: KindergartenName;
  @ApiProperty({ type: [String], description: 'The findings’ descriptions' }) findings: string[];
  @ApiProperty() issuedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty() status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: PublicWithdrawal, nullable: true, description: 'A withdrawn notice stays, marked 已撤销 with the reason' })
  withdrawal: PublicWithdrawal | null;
}

class PublicSuspension {
  @ApiProperty({ type: KindergartenName }) kindergarten: KindergartenName;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty() reason: string;
}

class PublicNotices {
  @ApiProperty({ type: [PublicNotice] }) notices: PublicNotice[];
  @ApiProperty({ type: [PublicSuspension] }) suspensions: PublicSuspension[];
}

/** 公示: what the plan requires to be public, without a token, rate-limited per client address, naming no user. */
@ApiTags('public')
@Controller('public')
@Problems({ 429: ['rate-limited'] }, { 429: 'Too many requests a minute from one client address; Retry-After says when to come back' })
@StoreProblems()
export class PublicController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('kindergartens')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Kindergartens’ basic information, disclosure and latest results',
    description:
      'No token. Each registered kindergarten with its township, ownership, enrolment status, its latest disclosure (staffing, children, fees) and the outcomes of its latest annual and quality inspections; no user, report, comment or evidence. Paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: PublicKindergartenList })
  @Problems({ 400: ['validation-failed'] })
  async kindergartens(@Query() query: ListQuery, @Req() request: FastifyRequest) {
    return listBody(request, await this.queries.execute(new ListPublicKindergartens(query.after, query.limit ?? DEFAULT_LIMIT)));
  }

  @Get('notices')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: 'Published rectification notices (通报) and the enrolment suspensions in force',
    description:
      'No token. The notices issued with `publish: true` (kindergarten, findings, issue time, deadline, status, overdue) and the enrolment suspensions in force with their effective date and reason.',
  })
  @ApiOkResponse({ type: PublicNotices })
  async notices(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    // the same text for every reader until the board changes: written once, not serialised per request
    const { json } = await this.queries.execute(new ListPublicNotices());
    void reply.type('application/json; charset=utf-8');
    return json;
  }
}
