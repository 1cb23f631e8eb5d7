import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { KindergartenCommands } from './application/kindergarten-commands.js';
import { Townships } from './application/townships.js';

@Module({
  imports: [CommandsModule],
  providers: [KindergartenCommands, Townships],
  exports: [KindergartenCommands, Townships],
})
export class KindergartensModule {}
