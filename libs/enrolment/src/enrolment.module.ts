import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { EnrolmentCommands } from './application/enrolment-commands.js';

@Module({
  imports: [CommandsModule],
  providers: [EnrolmentCommands],
  exports: [EnrolmentCommands],
})
export class EnrolmentModule {}
