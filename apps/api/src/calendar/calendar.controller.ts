import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CalendarAdministration } from '@app/calendar';
import { WorkingDayCalendar } from '@app/calendar/domain';
import type { CommandRequest } from '@app/commands';
import { DomainError } from '@app/event-sourcing';
import { ROLES } from '@app/identity';
import { Access } from '../auth/access.decorator.js';
import { CommandAnswers } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { BodyProblems, CommandHeaders, Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ProblemError, problem } from '../http/problems/problem-details.js';
import { FIRST_YEAR, IsDateOnly, LAST_YEAR, validationFailed } from '../http/validation/validation.js';

class PublishCalendarYearDto {
  @ApiProperty({
    type: [String],
    format: 'date',
    example: ['2027-01-01', '2027-01-02', '2027-01-03'],
    description: 'Every day off, weekends inside a holiday period included',
  })
  @IsDateOnly({ each: true })
  @ArrayMaxSize(120)
  @IsArray()
  holidays: string[];

  @ApiProperty({ type: [String], format: 'date', example: ['2027-02-07'], description: 'Make-up working days (调休上班日): Saturdays or Sundays' })
  @IsDateOnly({ each: true })
  @ArrayMaxSize(30)
  @IsArray()
  makeUpWorkdays: string[];

  @ApiProperty({ maxLength: 200, example: '国办发明电〔2026〕7号', description: 'The State Council notice’s number' })
  @Matches(/\S/, { message: 'source must not be blank' })
  @Length(1, 200)
  @IsString()
  source: string;

  @ApiPropertyOptional({ description: 'Required to replace a year that already has data from any source' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

class DeadlineQuery {
  @ApiProperty({ format: 'date', example: '2025-01-24', description: 'The day of issue (Asia/Shanghai)' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ minimum: 1, maximum: 90, example: 3 })
  @Type(() => Number)
  @Min(1)
  @Max(90)
  @IsInt()
  workingDays: number;
}

class DeadlineResponse {
  @ApiProperty({ format: 'date', example: '2025-02-05' }) dueDate: string;
  @ApiProperty({ example: '2025-02-05T23:59:59.999+08:00' }) dueAt: string;
}

class CalendarYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [String], description: 'Every day off of a holiday period, weekends inside it included' }) holidays: string[];
  @ApiProperty({ type: [String], description: 'Make-up working days (调休上班日)' }) makeUpWorkdays: string[];
}

const yearOf = (text: string): number => {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_YEAR || year > LAST_YEAR)
    throw validationFailed([{ field: 'year', message: `year must be a four-digit year from ${FIRST_YEAR} to ${LAST_YEAR}`, zh: `year 须为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的四位年份` }]);
  return year;
};

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    @Inject(CalendarAdministration) private readonly administration: CalendarAdministration,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Put(':year')
  @HttpCode(200)
  @Access('admin')
  @StoreProblems()
  @ApiOperation({
    summary: 'Publish a year’s official holidays and make-up working days (the State Council’s notice)',
    description:
      'Admin only. `{holidays, makeUpWorkdays, source, replace?}` → `CalendarYearPublished` in `calendar-{year}`, in force at once in every engine process, no restart; deadlines already issued do not move. Every date must lie in `year`; a date in both lists, a weekday listed as a make-up workday, or a holiday period made only of weekend days: 422 `invalid-calendar`. A year that already has data from any source (the package, the override file, an earlier publication) needs `"replace": true`, else 409 `calendar-year-exists`. Precedence: published through the API, then the override file, then the package. Answers with the year as `GET /calendar/{year}` shows it.',
  })
  @ApiBody({ type: PublishCalendarYearDto })
  @ApiOkResponse({ type: CalendarYearResponse })
  @BodyProblems()
  @CommandHeaders({ ifMatch: 'calendar-{year}' })
  @Problems({ 409: ['calendar-year-exists'], 422: ['invalid-calendar'] })
  async publish(
    @Param('year') text: string,
    @Body() body: PublishCalendarYearDto,
    @RequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const year = yearOf(text);
    const { holidays, makeUpWorkdays, source } = body;
    const outcome = await this.administration.publish({ year, holidays, makeUpWorkdays, source, replace: body.replace ?? false }, request);
    return this.answers.ok(reply, outcome, { view: () => this.calendar.year(year), location: () => `/api/v1/calendar/${year}` });
  }

  @Get('deadline')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'The deadline a notice issued on `from` would get: the end of the N-th working day after it',
    description:
      'Any role. `{dueDate, dueAt}` for `from` and `workingDays`: the end (23:59:59.999 +08:00) of the N-th working day after `from`, counting the State Council’s holidays and make-up working days; 422 `calendar-unavailable` when a counted day falls in a year without official data.',
  })
  @ApiOkResponse({ type: DeadlineResponse })
  @Problems({ 400: ['validation-failed'], 422: ['calendar-unavailable'] })
  deadline(@Query() query: DeadlineQuery) {
    return this.calendar.deadline(query.from, query.workingDays);
  }

  @Get(':year')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'A year’s official holidays and make-up working days',
    description:
      'Any role. `{year, holidays, makeUpWorkdays}` as the State Council published them (every day off of a holiday period, weekends inside it included); 404 `calendar-unavailable` for a year without official data.',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  @Problems({ 404: ['calendar-unavailable'] })
  year(
    @Param('year', new ParseIntPipe({ exceptionFactory: () => new ProblemError(problem(404, 'calendar-unavailable', 'No such year')) })) year: number,
  ) {
    try {
      return this.calendar.year(year);
    } catch (error) {
      // on this path a year without data is a missing resource, not a broken rule
      if (error instanceof DomainError && error.code === 'calendar-unavailable') throw new ProblemError(problem(404, error.code, error.message));
      throw error;
    }
  }
}
