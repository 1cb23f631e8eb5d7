import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore } from './blob-store.js';

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Blobs as files in a folder (`DATA_DIR/attachments`), one per key; written beside and renamed, so never seen half-written. */
export class FolderBlobStore extends BlobStore {
  constructor(private readonly root: string) {
    super();
  }

  override get stagingDirectory(): string {
    return join(this.root, 'staging');
  }

  async put(key: string, file: string): Promise<void> {
    const target = this.path(key);
    if (await this.has(key)) return;
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      // a staged upload on the same file system becomes the blob without a copy
      await link(file, partial).catch(() => copyFile(file, partial));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async open(key: string): Promise<Readable | null> {
    const stream = createReadStream(this.path(key));
    try {
      await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
      return stream;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!/^(sha256|thumbnail)\/[0-9a-f]{64}(\.jpg)?$/.test(key)) throw new Error(`Not a blob key: ${key}`);
    return join(this.root, key);
  }
}
