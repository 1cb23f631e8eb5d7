import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConcludeInspectionHandler, RecordFindingHandler } from './application/inspection-commands.js';
import { GetInspectionHandler, ListInspectionsHandler } from './application/inspection.queries.js';
import { ScheduleInspectionHandler } from './application/schedule-inspection.js';
import { InspectionViews } from './read-models/inspection-views.js';

@Module({
  imports: [CqrsModule],
  providers: [
    ScheduleInspectionHandler,
    RecordFindingHandler,
    ConcludeInspectionHandler,
    ListInspectionsHandler,
    GetInspectionHandler,
    InspectionViews,
  ],
})
export class InspectionsModule {}
