import { createHash } from 'node:crypto';
import type { StoredEvent } from '@app/event-sourcing';
import { citedAttachments } from '../domain/index.js';
import { type BlobStore, contentKey } from '../blobs/blob-store.js';

/** Where the record holds an attachment's hash: the citing event's stream and version (or the upload's own). */
export interface HashHolder {
  readonly streamId: string;
  readonly version: number;
  readonly attachmentId: string;
  readonly cited: boolean;
}

/**
 * The contents a record needs, read from its events in one pass: every cited attachment, and every upload not removed.
 * What verification re-hashes and what export and import carry.
 */
export class AttachmentManifest {
  private readonly holders = new Map<string, HashHolder[]>();
  private readonly uploads = new Map<string, { sha256: string; holder: HashHolder }>();

  add(event: Pick<StoredEvent, 'streamId' | 'version' | 'type' | 'data'>): void {
    for (const { attachmentId, sha256 } of citedAttachments(event.data))
      this.hold(sha256, { streamId: event.streamId, version: event.version, attachmentId, cited: true });
    const data = event.data as { attachmentId?: string; sha256?: string };
    if (event.type === 'AttachmentUploaded' && data.attachmentId && data.sha256) {
      this.uploads.set(data.attachmentId, {
        sha256: data.sha256,
        holder: { streamId: event.streamId, version: event.version, attachmentId: data.attachmentId, cited: false },
      });
    }
    if (event.type === 'AttachmentRemoved' && data.attachmentId) this.uploads.delete(data.attachmentId);
  }

  /** Only what cited records need (verification). */
  cited(): Map<string, HashHolder[]> {
    return new Map(
      [...this.holders]
        .map(([sha256, holders]) => [sha256, holders.filter((holder) => holder.cited)])
        .filter(([, holders]) => holders.length > 0) as Array<[string, HashHolder[]]>,
    );
  }

  /** Everything the record's attachments need (export, import). */
  all(): Map<string, HashHolder[]> {
    const all = new Map(this.holders);
    for (const { sha256, holder } of this.uploads.values()) all.set(sha256, [...(all.get(sha256) ?? []), holder]);
    return all;
  }

  private hold(sha256: string, holder: HashHolder): void {
    this.holders.set(sha256, [...(this.holders.get(sha256) ?? []), holder]);
  }
}

/** The SHA-256 of a stream's bytes, read through once. */
export const hashOf = async (stream: AsyncIterable<unknown>): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/** The SHA-256 of the bytes a blob store holds for a content hash, or null when it holds none. */
export const rehashBlob = async (blobs: BlobStore, sha256: string): Promise<string | null> => {
  const stream = await blobs.open(contentKey(sha256));
  return stream ? hashOf(stream) : null;
};
