import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { KindergartenCommands } from './application/kindergarten-commands.js';
import { KindergartenNameBackfill } from './application/kindergarten-name-backfill.js';
import { Townships } from './application/townships.js';

@Module({
  imports: [CommandsModule],
  providers: [KindergartenCommands, Townships, KindergartenNameBackfill],
  exports: [KindergartenCommands, Townships, KindergartenNameBackfill],
})
export class KindergartensModule {}
