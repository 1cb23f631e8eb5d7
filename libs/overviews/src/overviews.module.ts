import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KindergartenOverview } from './kindergarten-overview/kindergarten-overview.js';
import {
  GetKindergartenHandler,
  ListKindergartenIdsInTownshipsHandler,
  ListKindergartensHandler,
  ListPublicKindergartensHandler,
} from './kindergarten-overview/kindergarten-overview.queries.js';
import { PublicBoard } from './public-board/public-board.js';
import { ListPublicNoticesHandler } from './public-board/public-board.queries.js';
import { Statistics } from './statistics/statistics.js';
import { GetStatisticsOverviewHandler } from './statistics/statistics.queries.js';

/** The pages that span features, each read from its own projection. */
@Module({
  imports: [CqrsModule],
  providers: [
    KindergartenOverview,
    ListKindergartensHandler,
    GetKindergartenHandler,
    ListKindergartenIdsInTownshipsHandler,
    ListPublicKindergartensHandler,
    PublicBoard,
    ListPublicNoticesHandler,
    Statistics,
    GetStatisticsOverviewHandler,
  ],
})
export class OverviewsModule {}
