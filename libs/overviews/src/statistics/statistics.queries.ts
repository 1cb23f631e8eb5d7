import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Statistics, type StatisticsOverview } from './statistics.js';

export class GetStatisticsOverview extends Query<StatisticsOverview> {
  constructor(
    readonly year: number,
    /** Only these townships (a supervisor's 责任区); all when absent. */
    readonly townships?: readonly string[],
  ) {
    super();
  }
}

@QueryHandler(GetStatisticsOverview)
export class GetStatisticsOverviewHandler implements IQueryHandler<GetStatisticsOverview> {
  constructor(@Inject(Statistics) private readonly statistics: Statistics) {}

  execute({ year, townships }: GetStatisticsOverview) {
    return this.statistics.overview(year, townships);
  }
}
