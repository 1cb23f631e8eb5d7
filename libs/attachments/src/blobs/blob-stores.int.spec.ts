import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '@app/sql';
import { describeBlobStoreContract, startS3Server } from '../testing/index.js';
import { contentKey } from './blob-store.js';
import { FolderBlobStore } from './folder-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

describeBlobStoreContract('folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'blobs-'));
  return { store: new FolderBlobStore(root), close: () => rm(root, { recursive: true, force: true }) };
});

describeBlobStoreContract('S3 (s3rver)', async () => {
  const server = await startS3Server();
  const store = new S3BlobStore({
    bucket: server.bucket,
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
  return {
    store,
    close: async () => {
      store.destroy();
      await server.close();
    },
  };
});

describe('S3BlobStore with its server down', () => {
  it('says the store is unavailable (a 503 at the edge), not that the blob is missing', async () => {
    const server = await startS3Server();
    await server.close();
    const store = new S3BlobStore({
      bucket: server.bucket,
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });
    await expect(store.has(contentKey('0'.repeat(64)))).rejects.toBeInstanceOf(StoreUnavailableError);
    store.destroy();
  });
});
