import { kindergartenOverviewProjection } from './kindergarten-overview/kindergarten-overview.projection.js';
import { OverviewsModule } from './overviews.module.js';
import { publicBoardProjection } from './public-board/public-board.projection.js';
import { statisticsProjection } from './statistics/statistics.projection.js';

/** The pages that span features, as the engine assembles them: each reads its own projection only. */
export const overviewsFeature = {
  module: OverviewsModule,
  projections: [kindergartenOverviewProjection, publicBoardProjection, statisticsProjection],
};
