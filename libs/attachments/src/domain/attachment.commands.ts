import type { Command } from '@app/event-sourcing';
import type { AttachmentUploaded } from './attachment.events.js';

export type AttachmentCommand =
  Command<'RecordUpload', Omit<AttachmentUploaded['data'], 'uploadedBy' | 'uploadedAt'>> | Command<'RemoveUnused', Record<string, never>>;
