import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { StoreUnavailableError } from '@app/sql';
import { BlobStore } from './blob-store.js';

export interface S3BlobStoreOptions {
  readonly bucket: string;
  readonly endpoint?: string;
  readonly region: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly forcePathStyle: boolean;
}

const isNotFound = (error: unknown): boolean =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);

/** A refusal by the server (403, 400 …) is a fault to see; no answer at all, or a 5xx, is an outage to wait out. */
const unavailable = (error: unknown): unknown => {
  if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode ?? 500) < 500) return error;
  return new StoreUnavailableError(`The attachment store is unavailable: ${(error as Error).message}`, { cause: error });
};

/** Blobs as objects in an S3-compatible bucket (`@aws-sdk/client-s3`): AWS, MinIO, Ceph, OSS, COS … */
export class S3BlobStore extends BlobStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    super();
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      maxAttempts: 2,
      // no aws-chunked trailing checksums: many S3-compatible servers store the chunk framing as the object's bytes
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, file: string, sizeBytes: number): Promise<void> {
    if (await this.has(key)) return;
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: createReadStream(file), ContentLength: sizeBytes }));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return answer.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw unavailable(error);
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw unavailable(error);
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw unavailable(error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
