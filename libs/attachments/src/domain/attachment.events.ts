import type { Event } from '@app/event-sourcing';

/** Who uploaded an attachment, with the kindergarten or unit they act for: what decides who may cite and see it. */
export interface Uploader {
  readonly sub: string;
  readonly role: string;
  readonly kindergartenId?: string;
  readonly unitId?: string;
}

export type AttachmentUploaded = Event<
  'AttachmentUploaded',
  {
    attachmentId: string;
    name: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    /** A JPEG thumbnail was made (images only). */
    thumbnail: boolean;
    uploadedBy: Uploader;
    uploadedAt: string;
  }
>;

/** An upload nothing cited within ATTACHMENT_ORPHAN_DAYS: its bytes are gone (unless another upload shares them). */
export type AttachmentRemoved = Event<'AttachmentRemoved', { attachmentId: string; reason: 'unused'; removedAt: string }>;

export type AttachmentEvent = AttachmentUploaded | AttachmentRemoved;
