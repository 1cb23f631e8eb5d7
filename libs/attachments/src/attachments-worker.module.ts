import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AttachmentJobsLifecycle, AttachmentJobsProcessor, ATTACHMENTS_QUEUE } from './application/cleanup-jobs.js';
import { AttachmentsModule } from './attachments.module.js';

/** The attachments' background work on BullMQ: the daily removal of unused uploads. */
@Module({
  imports: [AttachmentsModule, BullModule.registerQueue({ name: ATTACHMENTS_QUEUE })],
  providers: [AttachmentJobsProcessor, AttachmentJobsLifecycle],
})
export class AttachmentsWorkerModule {}
