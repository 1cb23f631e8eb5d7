import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner } from '@app/commands';
import { Settings } from '@app/config';
import type { Caller } from '@app/identity';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { attachmentDecider, attachmentStreamId, type AttachmentState } from '../domain/index.js';
import { BlobStore, contentKey, thumbnailKey } from '../blobs/blob-store.js';

export type UploadedAttachment = Extract<AttachmentState, { status: 'uploaded' }>;

/** An attachment as `POST /attachments` answers it. */
export interface AttachmentView {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export const attachmentView = (attachment: UploadedAttachment): AttachmentView => ({
  id: attachment.id,
  name: attachment.name,
  contentType: attachment.contentType,
  sizeBytes: attachment.sizeBytes,
  sha256: attachment.sha256,
  uploadedAt: attachment.uploadedAt,
});

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const READERS_OF_RECORDS = new Set(['admin', 'supervisor', 'auditor']);

/** Attachments as their readers reach them: from their own streams, seen only by those the contract names. */
@Injectable()
export class AttachmentLibrary {
  private readonly s: string;

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(BlobStore) private readonly blobs: BlobStore,
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  /** The attachment as recorded now, whoever asks (for citing: the decider says who may). */
  async load(attachmentId: string): Promise<AttachmentState> {
    if (!ID.test(attachmentId)) return { status: 'none' };
    return (await this.runner.load(attachmentDecider, attachmentStreamId(attachmentId))).state;
  }

  /**
   * The attachment if the caller may see it: its uploader, or anyone who may see a case, statement or report that
   * cites it; null otherwise (the edge answers 404, never saying that it exists).
   */
  async visibleTo(caller: Caller, attachmentId: string): Promise<UploadedAttachment | null> {
    const attachment = await this.load(attachmentId);
    if (attachment.status !== 'uploaded') return null;
    if (attachment.uploadedBy.sub === caller.sub && attachment.uploadedBy.role === caller.role) return attachment;
    const citations = await this.db.query<{ kindergarten_id: string | null; unit_id: string | null }>(
      `SELECT kindergarten_id, unit_id FROM ${this.s}.rm_attachment_citations WHERE attachment_id = $1`,
      [attachmentId],
    );
    const sees = citations.some(
      (citation) =>
        READERS_OF_RECORDS.has(caller.role) ||
        (caller.role === 'kindergarten' && citation.kindergarten_id !== null && citation.kindergarten_id === caller.kindergartenId) ||
        (caller.role === 'department' && citation.unit_id !== null && citation.unit_id === caller.unitId),
    );
    return sees ? attachment : null;
  }

  content(attachment: UploadedAttachment): Promise<Readable | null> {
    return this.blobs.open(contentKey(attachment.sha256));
  }

  thumbnail(attachment: UploadedAttachment): Promise<Readable | null> {
    return attachment.thumbnail ? this.blobs.open(thumbnailKey(attachment.sha256)) : Promise.resolve(null);
  }
}
