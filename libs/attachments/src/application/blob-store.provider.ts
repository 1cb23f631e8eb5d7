import { join, resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { Settings } from '@app/config';
import { BlobStore } from '../blobs/blob-store.js';
import { FolderBlobStore } from '../blobs/folder-blob-store.js';

/**
 * The blob store the settings choose: S3-compatible storage when ATTACHMENTS_S3_BUCKET is set (its client loaded only
 * then), else DATA_DIR/attachments.
 */
export const blobStoreFor = async (settings: Settings): Promise<BlobStore> =>
  settings.ATTACHMENTS_S3_BUCKET
    ? new (await import('../blobs/s3-blob-store.js')).S3BlobStore({
        bucket: settings.ATTACHMENTS_S3_BUCKET,
        endpoint: settings.ATTACHMENTS_S3_ENDPOINT,
        region: settings.ATTACHMENTS_S3_REGION,
        forcePathStyle: settings.ATTACHMENTS_S3_FORCE_PATH_STYLE,
        credentials:
          settings.ATTACHMENTS_S3_ACCESS_KEY_ID && settings.ATTACHMENTS_S3_SECRET_ACCESS_KEY
            ? { accessKeyId: settings.ATTACHMENTS_S3_ACCESS_KEY_ID, secretAccessKey: settings.ATTACHMENTS_S3_SECRET_ACCESS_KEY }
            : undefined,
      })
    : new FolderBlobStore(join(resolve(settings.DATA_DIR), 'attachments'));

export const blobStoreProvider: Provider = { provide: BlobStore, inject: [Settings], useFactory: blobStoreFor };
