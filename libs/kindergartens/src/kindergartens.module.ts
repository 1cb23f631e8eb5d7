import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@app/commands';
import { GetKindergartenHandler, ListKindergartensHandler, ListPublicKindergartensHandler } from './application/kindergarten.queries.js';
import { KindergartenCommands } from './application/kindergarten-commands.js';
import { KindergartenViews } from './read-models/kindergarten-views.js';

@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [KindergartenCommands, ListKindergartensHandler, GetKindergartenHandler, ListPublicKindergartensHandler, KindergartenViews],
  exports: [KindergartenCommands, KindergartenViews],
})
export class KindergartensModule {}
