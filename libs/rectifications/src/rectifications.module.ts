import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@app/commands';
import { RectificationCases } from './application/rectification-cases.js';
import { GetRectificationHandler, ListRectificationsHandler } from './application/rectification.queries.js';
import { RectificationList } from './read-models/rectification-list.js';

@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [RectificationCases, ListRectificationsHandler, GetRectificationHandler, RectificationList],
  exports: [RectificationCases],
})
export class RectificationsModule {}
