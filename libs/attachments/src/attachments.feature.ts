import { AttachmentsModule } from './attachments.module.js';
import { attachmentDecider } from './domain/attachment.decider.js';
import { attachmentsProjection } from './read-models/attachments.projection.js';

/** The attachments feature as the engine assembles it. */
export const attachmentsFeature = {
  module: AttachmentsModule,
  projections: [attachmentsProjection],
  audit: [{ category: 'attachment', label: '附件', decider: attachmentDecider }],
};
