import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contentKey, thumbnailKey, type BlobStore } from '../blobs/blob-store.js';

export interface BlobStoreUnderTest {
  readonly store: BlobStore;
  close(): Promise<void>;
}

/** One suite every blob-store adapter runs: what the attachments feature relies on, nothing about how. */
export const describeBlobStoreContract = (name: string, open: () => Promise<BlobStoreUnderTest>): void => {
  describe(`BlobStore contract: ${name}`, () => {
    let subject: BlobStoreUnderTest;
    let folder: string;

    const file = async (bytes: Buffer): Promise<{ path: string; key: string }> => {
      const path = join(folder, `${createHash('sha256').update(bytes).digest('hex')}-${randomBytes(4).toString('hex')}`);
      await writeFile(path, bytes);
      return { path, key: contentKey(createHash('sha256').update(bytes).digest('hex')) };
    };

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'blob-contract-'));
      subject = await open();
    });

    afterAll(async () => {
      await subject?.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('gives back exactly the bytes put under a key', async () => {
      const bytes = randomBytes(300_000);
      const { path, key } = await file(bytes);
      await subject.store.put(key, path, bytes.length);
      expect(await subject.store.has(key)).toBe(true);
      expect((await buffer((await subject.store.open(key))!)).equals(bytes)).toBe(true);
    });

    it('answers null and false for a key never put', async () => {
      const key = contentKey(randomBytes(32).toString('hex'));
      expect(await subject.store.open(key)).toBeNull();
      expect(await subject.store.has(key)).toBe(false);
    });

    it('keeps the first bytes when a key is put twice, also at once', async () => {
      const bytes = randomBytes(50_000);
      const { path, key } = await file(bytes);
      await Promise.all([subject.store.put(key, path, bytes.length), subject.store.put(key, path, bytes.length)]);
      await subject.store.put(key, path, bytes.length);
      expect((await buffer((await subject.store.open(key))!)).equals(bytes)).toBe(true);
    });

    it('stores a zero-byte blob and a thumbnail key beside the content', async () => {
      const empty = await file(Buffer.alloc(0));
      await subject.store.put(empty.key, empty.path, 0);
      expect((await buffer((await subject.store.open(empty.key))!)).length).toBe(0);
      const thumbnail = thumbnailKey(randomBytes(32).toString('hex'));
      await subject.store.put(thumbnail, empty.path, 0);
      expect(await subject.store.has(thumbnail)).toBe(true);
    });

    it('removes a blob, and removing a missing one is no error', async () => {
      const bytes = randomBytes(1000);
      const { path, key } = await file(bytes);
      await subject.store.put(key, path, bytes.length);
      await subject.store.remove(key);
      expect(await subject.store.has(key)).toBe(false);
      expect(await subject.store.open(key)).toBeNull();
      await expect(subject.store.remove(key)).resolves.toBeUndefined();
    });
  });
};
