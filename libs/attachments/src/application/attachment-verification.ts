import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type StoredEvent } from '@app/event-sourcing';
import { BlobStore } from '../blobs/blob-store.js';
import { AttachmentManifest, rehashBlob } from './attachment-manifest.js';

/** A cited attachment whose bytes are gone, or no longer hash to what the record cites. */
export interface BrokenAttachment {
  /** The citing event's stream and version. */
  readonly streamId: string;
  readonly version: number;
  readonly reason: 'attachment-missing' | 'attachment-altered';
  readonly attachmentId: string;
}

export interface AttachmentVerificationReport {
  readonly attachmentsChecked: number;
  readonly broken: readonly BrokenAttachment[];
}

/** Re-hashes every attachment the events cite, each stored content once and streamed; `onChecked` after each content. */
export const verifyAttachments = async (
  events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>,
  blobs: BlobStore,
  onChecked?: (done: number, total: number) => void,
): Promise<AttachmentVerificationReport> => {
  const manifest = new AttachmentManifest();
  for await (const event of events) manifest.add(event);
  const cited = manifest.cited();
  const broken: BrokenAttachment[] = [];
  const checked = new Set<string>();
  let done = 0;
  for (const [sha256, holders] of cited) {
    const actual = await rehashBlob(blobs, sha256);
    onChecked?.(++done, cited.size);
    for (const holder of holders) {
      checked.add(holder.attachmentId);
      if (actual === sha256 || broken.some((item) => item.attachmentId === holder.attachmentId)) continue;
      broken.push({
        streamId: holder.streamId,
        version: holder.version,
        reason: actual === null ? 'attachment-missing' : 'attachment-altered',
        attachmentId: holder.attachmentId,
      });
    }
  }
  return { attachmentsChecked: checked.size, broken };
};

/** Verification of the attachments a stream, or the whole record, cites. */
@Injectable()
export class AttachmentVerification {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(BlobStore) private readonly blobs: BlobStore,
  ) {}

  async verify(streamId?: string): Promise<AttachmentVerificationReport> {
    const events = streamId ? await this.store.readStream(streamId, { raw: true }) : this.store.streamAll({ raw: true, batchSize: 5000 });
    return verifyAttachments(events, this.blobs);
  }
}
