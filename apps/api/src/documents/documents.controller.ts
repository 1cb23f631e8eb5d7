import type { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { shanghaiDate } from '@app/calendar/domain';
import { Clock } from '@app/config';
import { DOCX_TYPE, Documents, Spreadsheets, XLSX_TYPE, type GeneratedFile } from '@app/documents';
import { NotFoundError } from '@app/event-sourcing';
import { ROLES, type Caller } from '@app/identity';
import { parseQuarterId } from '@app/plan-supervision/domain';
import { OPEN_STATUSES } from '@app/rectifications/domain';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { KindergartenScope, ScopedBy } from '../auth/kindergarten-scope.js';
import { contentDisposition } from '../http/downloads/content-disposition.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ResourceIdPipe } from '../http/validation/resource-id.pipe.js';

// as the case list filters them: `open` is issued, acknowledged, submitted or returned
const STATUSES = [...OPEN_STATUSES, 'closed', 'failed', 'withdrawn', 'open'] as const;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export class RectificationExportQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '`open`: issued, acknowledged, submitted or returned' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'The kindergartens of this township only' })
  @IsOptional()
  @Matches(NO_CONTROL_CHARACTERS)
  @MaxLength(64)
  @IsString()
  township?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class MonthlyReportExportQuery {
  @ApiPropertyOptional({ minimum: 2023, maximum: 2100, description: 'Default: the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2023)
  @Max(2100)
  year?: number;
}

const docx = { description: 'A Word document', content: { [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } } } };
const xlsx = { description: 'An Excel workbook, streamed', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } };

const send = (reply: FastifyReply, type: string, name: string, body: Buffer | Readable) =>
  reply.type(type).header('content-disposition', contentDisposition(name)).header('x-content-type-options', 'nosniff').send(body);

const sendDocument = (reply: FastifyReply, file: GeneratedFile) => send(reply, DOCX_TYPE, file.name, file.bytes);

/** Official documents and spreadsheets, rendered on request from the record; file names in Chinese (RFC 6266). */
@ApiTags('documents')
@Controller()
@StoreProblems()
export class DocumentsController {
  constructor(
    @Inject(Documents) private readonly documents: Documents,
    @Inject(Spreadsheets) private readonly spreadsheets: Spreadsheets,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
  ) {}

  @Get('rectifications/:id/notice.docx')
  @ScopedBy('rectification')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'The rectification notice (整改通知书) as a Word document',
    description:
      'As the case: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). Issuing authority (`ISSUING_AUTHORITY`), document number, the kindergarten, its findings, the requirements, the deadline and the date of issue, in 仿宋/黑体.',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse(docx)
  @Problems({ 404: ['not-found'] })
  async notice(@Param('id', ResourceIdPipe) id: string, @CurrentCaller() caller: Caller, @Res() reply: FastifyReply) {
    return sendDocument(reply, await this.documents.rectificationNotice(id, caller));
  }

  @Get('kindergartens/:id/enrolment/proposal.docx')
  @ScopedBy('kindergarten')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'The enrolment suspension proposal (暂停招生告知书) as a Word document',
    description:
      'As the kindergarten: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). The latest proposal, pending or decided: its facts, reasons (the failed case) and basis, the proposed start, and the right to state and defend (陈述申辩) with its deadline `statementDueAt`; 404 `no-proposal` when none was ever made.',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse(docx)
  @Problems({ 404: ['not-found', 'no-proposal'] })
  async suspensionProposal(@Param('id', ResourceIdPipe) id: string, @Res() reply: FastifyReply) {
    return sendDocument(reply, await this.documents.suspensionProposal(id));
  }

  @Get('kindergartens/:id/enrolment/decision.docx')
  @ScopedBy('kindergarten')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten')
  @ApiOperation({
    summary: 'The enrolment suspension decision (暂停招生决定书) as a Word document',
    description:
      'As the kindergarten: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). The last decision on a proposal: the facts, the statement quoted in full (or that it was waived or not made), the decision’s `reason` as the answer to it, the decision and its effective date, and the remedies (行政复议 within 60 days, 行政诉讼 within 6 months); a withdrawn proposal gives 不予暂停招生决定书. 404 `no-decision` while no proposal has been decided.',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse(docx)
  @Problems({ 404: ['not-found', 'no-decision'] })
  async suspensionDecision(@Param('id', ResourceIdPipe) id: string, @Res() reply: FastifyReply) {
    return sendDocument(reply, await this.documents.suspensionDecision(id));
  }

  @Get('bulletins/:id.docx')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'A published quarterly bulletin (督导通报) as a Word document, by `{year}-Q{n}`',
    description:
      'Any role. The bulletin as published: the county’s figures, the same figures per township (as the record stood at the quarter’s end) and a table of the units’ monthly reports; 404 `not-found` while not published.',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse(docx)
  @Problems({ 404: ['not-found'] })
  async bulletin(@Param('id') id: string, @Res() reply: FastifyReply) {
    const quarter = parseQuarterId(id);
    if (!quarter) throw new NotFoundError('not-found', `No bulletin ${id}`);
    return sendDocument(reply, await this.documents.bulletin(quarter));
  }

  @Get('exports/rectifications.xlsx')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'The rectification cases as an Excel workbook, filtered by status, township and overdue',
    description:
      'Admin, supervisor, auditor. One row per case: document number, kindergarten, township, findings, status, dates, overdue, reports; streamed.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse(xlsx)
  @Problems({ 400: ['validation-failed'] })
  async rectifications(@Query() query: RectificationExportQuery, @CurrentCaller() caller: Caller, @Res() reply: FastifyReply) {
    const overdue = query.overdue === undefined ? undefined : query.overdue === 'true';
    return send(
      reply,
      XLSX_TYPE,
      '整改事项.xlsx',
      await this.spreadsheets.rectifications({ status: query.status, township: query.township, overdue }, await this.scope.visibleIds(caller)),
    );
  }

  @Get('exports/monthly-reports.xlsx')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'The units’ monthly reports of a year as an Excel workbook: units × months',
    description:
      'Admin, supervisor, auditor. Each cell 按时 (on-time), 逾期 (late), 未报 (missing) or 待报 (pending); blank where the unit owed nothing.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse(xlsx)
  @Problems({ 400: ['validation-failed'] })
  async monthlyReports(@Query() query: MonthlyReportExportQuery, @Res() reply: FastifyReply) {
    const year = query.year ?? Number(shanghaiDate(this.clock.now()).slice(0, 4));
    return send(reply, XLSX_TYPE, `${year}年月度进展报告.xlsx`, await this.spreadsheets.monthlyReports(year));
  }

  @Get('exports/kindergartens.xlsx')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'The register of kindergartens as an Excel workbook',
    description:
      'Admin, supervisor, auditor. Each kindergarten with its township, ownership, enrolment status and latest annual and quality results.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse(xlsx)
  async kindergartens(@CurrentCaller() caller: Caller, @Res() reply: FastifyReply) {
    return send(reply, XLSX_TYPE, '幼儿园名册.xlsx', await this.spreadsheets.kindergartens(await this.scope.visibleIds(caller)));
  }
}
