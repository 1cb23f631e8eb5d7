import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@app/commands';
import { InspectionCommands } from './application/inspection-commands.js';
import { GetInspectionHandler, ListInspectionsHandler } from './application/inspection.queries.js';
import { InspectionList } from './read-models/inspection-list.js';

@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [InspectionCommands, ListInspectionsHandler, GetInspectionHandler, InspectionList],
  exports: [InspectionCommands],
})
export class InspectionsModule {}
