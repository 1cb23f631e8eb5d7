import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@app/commands';
import { RectificationCases } from './application/rectification-cases.js';
import { GetRectificationHandler, ListPublicNoticesHandler, ListRectificationsHandler } from './application/rectification.queries.js';
import { RectificationViews } from './read-models/rectification-views.js';

@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [RectificationCases, ListRectificationsHandler, GetRectificationHandler, ListPublicNoticesHandler, RectificationViews],
  exports: [RectificationCases],
})
export class RectificationsModule {}
