import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { AttachmentCleanup } from './application/attachment-cleanup.js';
import { AttachmentLibrary } from './application/attachment-library.js';
import { AttachmentUploads } from './application/attachment-uploads.js';
import { AttachmentVerification } from './application/attachment-verification.js';
import { blobStoreProvider } from './application/blob-store.provider.js';
import { BlobStore } from './blobs/blob-store.js';

/** Evidence: uploads, their bytes in a blob store, who may see them, and their verification. */
@Module({
  imports: [CommandsModule],
  providers: [blobStoreProvider, AttachmentUploads, AttachmentLibrary, AttachmentVerification, AttachmentCleanup],
  exports: [BlobStore, AttachmentUploads, AttachmentLibrary, AttachmentVerification, AttachmentCleanup],
})
export class AttachmentsModule {}
