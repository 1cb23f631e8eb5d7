import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';

/**
 * Where attachments' bytes live, by key (`sha256/<hex>` for content, so the same bytes are stored once).
 * Adapters: a folder under DATA_DIR, S3-compatible object storage; both run `describeBlobStoreContract`.
 * An unreachable store throws StoreUnavailableError (503 with Retry-After at the edge).
 */
export abstract class BlobStore {
  /** Where uploads are staged before `put`: beside the blobs when that lets `put` link instead of copy. */
  get stagingDirectory(): string {
    return tmpdir();
  }

  /** Stores the file's bytes under `key`; a key already present is kept as it is (content-addressed: same bytes). */
  abstract put(key: string, file: string, sizeBytes: number): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  abstract open(key: string): Promise<Readable | null>;
  abstract has(key: string): Promise<boolean>;
  /** Removes the bytes; a missing key is not an error. */
  abstract remove(key: string): Promise<void>;
}

export const contentKey = (sha256: string): string => `sha256/${sha256}`;
export const thumbnailKey = (sha256: string): string => `thumbnail/${sha256}.jpg`;
