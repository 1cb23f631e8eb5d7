import { Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { WorkingDayCalendar } from '@app/calendar/domain';
import { DomainError } from '@app/event-sourcing';
import { ROLES } from '@app/identity';
import { Access } from '../auth/access.decorator.js';
import { Problems } from '../http/openapi/openapi.js';
import { ProblemError, problem } from '../http/problems/problem-details.js';
import { IsDateOnly } from '../http/validation/validation.js';

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

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar) {}

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
