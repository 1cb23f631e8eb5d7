import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReinstateEnrolmentHandler, SuspendEnrolmentHandler } from './application/enrolment-commands.js';

@Module({
  imports: [CqrsModule],
  providers: [SuspendEnrolmentHandler, ReinstateEnrolmentHandler],
})
export class EnrolmentModule {}
