export * from './application/attachment-library.js';
export * from './application/attachment-uploads.js';
export * from './application/attachment-verification.js';
export * from './application/blob-store.provider.js';
export * from './blobs/blob-store.js';
export * from './attachments.module.js';
export * from './attachments.feature.js';
export * from './read-models/attachments.projection.js';
