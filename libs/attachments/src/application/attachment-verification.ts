import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type StoredEvent } from '@app/event-sourcing';
import { citedAttachments } from '../domain/index.js';
import { AttachmentLibrary } from './attachment-library.js';

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

/** Re-hashes every attachment the record cites, each stored content once, streamed (never whole in memory). */
@Injectable()
export class AttachmentVerification {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(AttachmentLibrary) private readonly library: AttachmentLibrary,
  ) {}

  /** Over one stream's citations, or the whole log's; `onChecked` after each content re-hashed. */
  async verify(streamId?: string, onChecked?: (done: number, total: number) => void): Promise<AttachmentVerificationReport> {
    const events: AsyncIterable<StoredEvent> | Iterable<StoredEvent> = streamId
      ? await this.store.readStream(streamId, { raw: true })
      : this.store.streamAll({ raw: true, batchSize: 5000 });
    const citations: Array<{ streamId: string; version: number; attachmentId: string; sha256: string }> = [];
    for await (const event of events) {
      for (const cited of citedAttachments(event.data)) citations.push({ streamId: event.streamId, version: event.version, ...cited });
    }
    const hashes = [...new Set(citations.map((citation) => citation.sha256))];
    const found = new Map<string, string | null>();
    for (const sha256 of hashes) {
      found.set(sha256, await this.library.rehash(sha256));
      onChecked?.(found.size, hashes.length);
    }
    const broken: BrokenAttachment[] = [];
    const reported = new Set<string>();
    for (const citation of citations) {
      const actual = found.get(citation.sha256);
      if (actual === citation.sha256 || reported.has(citation.attachmentId)) continue;
      reported.add(citation.attachmentId);
      broken.push({
        streamId: citation.streamId,
        version: citation.version,
        reason: actual === null ? 'attachment-missing' : 'attachment-altered',
        attachmentId: citation.attachmentId,
      });
    }
    return { attachmentsChecked: new Set(citations.map((citation) => citation.attachmentId)).size, broken };
  }
}
