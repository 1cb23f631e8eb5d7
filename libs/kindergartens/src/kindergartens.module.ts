import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { KindergartenCommands } from './application/kindergarten-commands.js';

@Module({
  imports: [CommandsModule],
  providers: [KindergartenCommands],
  exports: [KindergartenCommands],
})
export class KindergartensModule {}
