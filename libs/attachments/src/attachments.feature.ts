import { AttachmentsModule } from './attachments.module.js';
import { AttachmentsWorkerModule } from './attachments-worker.module.js';
import { attachmentDecider } from './domain/attachment.decider.js';
import { attachmentsProjection } from './read-models/attachments.projection.js';

/** The attachments feature as the engine assembles it. */
export const attachmentsFeature = {
  module: AttachmentsModule,
  workerModule: AttachmentsWorkerModule,
  projections: [attachmentsProjection],
  audit: [{ category: 'attachment', label: '附件', decider: attachmentDecider }],
};
