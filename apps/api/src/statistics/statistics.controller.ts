import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { shanghaiDate } from '@app/calendar/domain';
import { Clock } from '@app/config';
import type { Caller } from '@app/identity';
import { Townships } from '@app/kindergartens';
import { GetStatisticsOverview, byTownshipId, townshipKeys, type StatisticsOverview } from '@app/overviews';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';

export class StatisticsQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'Default: this year in Asia/Shanghai' })
  @IsOptional()
  @Type(() => Number)
  @Min(2000)
  @Max(2100)
  @IsInt()
  year?: number;
}

class InspectionCounts {
  @ApiProperty({ description: 'Not yet concluded' }) scheduled: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty() cancelled: number;
}

class CaseCounts {
  @ApiProperty({ description: 'issued, acknowledged, submitted or returned' }) open: number;
  @ApiProperty({ description: 'Open and past the deadline' }) overdue: number;
  @ApiProperty() closed: number;
  @ApiProperty() failed: number;
  @ApiProperty() withdrawn: number;
}

class StatisticsCountsResponse {
  @ApiProperty({ description: 'Registered and not closed' }) kindergartens: number;
  @ApiProperty({ type: InspectionCounts, description: 'The inspections of the year, by where they stand' }) inspections: InspectionCounts;
  @ApiProperty({ type: CaseCounts, description: 'The cases issued in the year (Asia/Shanghai), by where they stand' }) cases: CaseCounts;
  @ApiProperty({ description: 'Kindergartens whose enrolment is suspended now' }) suspensions: number;
}

class TownshipStatisticsResponse extends StatisticsCountsResponse {
  @ApiProperty({ example: 'chengguan', description: 'The township’s id in the register (GET /townships)' }) township: string;
  @ApiProperty({ example: '城关镇' }) name: string;
}

class StatisticsOverviewResponse {
  @ApiProperty({ example: '2026-12-03T10:00:00.000+08:00' }) asOf: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [TownshipStatisticsResponse] }) townships: TownshipStatisticsResponse[];
  @ApiProperty({ type: StatisticsCountsResponse }) totals: StatisticsCountsResponse;
}

@ApiTags('statistics')
@Controller('statistics')
@StoreProblems()
export class StatisticsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Townships) private readonly townships: Townships,
  ) {}

  @Get('overview')
  @Access('admin', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'The county’s statistics for a year, by township',
    description:
      'Admin, supervisor, auditor; a supervisor with `townships` sees those only. Per township (by id, with its name): kindergartens; the year’s inspections scheduled (not yet concluded), passed, failed and cancelled; the cases issued in the year open, overdue, closed, failed and withdrawn; kindergartens suspended now; and the totals. From a projection of its own.',
  })
  @ApiOkResponse({ type: StatisticsOverviewResponse })
  @Problems({ 400: ['validation-failed'] })
  async overview(@Query() query: StatisticsQuery, @CurrentCaller() caller: Caller): Promise<StatisticsOverview> {
    const year = query.year ?? Number(shanghaiDate(this.clock.now()).slice(0, 4));
    const register = this.townships.all();
    // a supervisor with a 责任区 sees its townships only
    const scope = caller.role === 'supervisor' && caller.townships ? townshipKeys(caller.townships, register) : undefined;
    return byTownshipId(await this.queries.execute(new GetStatisticsOverview(year, scope)), register);
  }
}
