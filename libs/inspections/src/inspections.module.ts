import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConcludeInspectionHandler, RecordFindingHandler } from './application/inspection-commands.js';
import { GetInspectionHandler, ListInspectionsHandler } from './application/inspection.queries.js';
import { ScheduleInspectionHandler } from './application/schedule-inspection.js';
import { InspectionList } from './read-models/inspection-list.js';

@Module({
  imports: [CqrsModule],
  providers: [
    ScheduleInspectionHandler,
    RecordFindingHandler,
    ConcludeInspectionHandler,
    ListInspectionsHandler,
    GetInspectionHandler,
    InspectionList,
  ],
})
export class InspectionsModule {}
