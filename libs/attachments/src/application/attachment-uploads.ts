import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandRunner, type CommandOutcome, type CommandRequest } from '@app/commands';
import { attachmentDecider, attachmentStreamId, type AttachmentState } from '../domain/index.js';
import { BlobStore, contentKey, thumbnailKey } from '../blobs/blob-store.js';
import { sanitiseFileName } from './file-names.js';

/** The types an attachment may have, as detected from its bytes (never from its name or declared type). */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'video/mp4': 'mp4',
};

const IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
const THUMBNAIL_WIDTH = 320;

/** An upload refused for what it is (empty, too large, of a type not accepted): the edge answers its status and code. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusedError';
  }
}

/** An upload's bytes in a temporary file, hashed and counted on the way: never held in memory whole. */
export interface StagedUpload {
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** More bytes came than ATTACHMENT_MAX_BYTES allows (the parser stopped reading them). */
  readonly truncated: boolean;
  discard(): Promise<void>;
}

/** Streams a part to a temporary file in `directory`, hashing and counting as it goes. */
export const stageUpload = async (file: Readable & { truncated?: boolean }, directory = tmpdir()): Promise<StagedUpload> => {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(
      file,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(path),
    );
  } catch (error) {
    await discard();
    throw error;
  }
  return { path, sha256: hash.digest('hex'), sizeBytes, truncated: file.truncated === true, discard };
};

export type UploadOutcome = CommandOutcome<AttachmentState>;

/** Records uploads: the bytes in the blob store (once per content), a thumbnail for images, `AttachmentUploaded`. */
@Injectable()
export class AttachmentUploads {
  private readonly logger = new Logger(AttachmentUploads.name);

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(BlobStore) private readonly blobs: BlobStore,
  ) {}

  /** Streams a part to the blob store's staging folder, hashing and counting as it goes. */
  stage(file: Readable & { truncated?: boolean }): Promise<StagedUpload> {
    return stageUpload(file, this.blobs.stagingDirectory);
  }

  async record(staged: StagedUpload, givenName: string | undefined, request: CommandRequest): Promise<UploadOutcome> {
    if (staged.truncated) throw new UploadRefusedError(413, 'payload-too-large', 'The file is larger than this engine accepts');
    if (staged.sizeBytes === 0) throw new UploadRefusedError(400, 'validation-failed', 'The file is empty');
    // loaded on the first upload, not at start: the engine starts as fast without them
    const { fileTypeFromFile } = await import('file-type');
    const detected = await fileTypeFromFile(staged.path);
    const extension = detected ? ACCEPTED_TYPES[detected.mime] : undefined;
    if (!detected || !extension) {
      throw new UploadRefusedError(
        415,
        'unsupported-file-type',
        'Only JPEG, PNG, WebP, HEIC, PDF, DOCX, XLSX and MP4 files are accepted (told by their bytes)',
      );
    }
    const thumbnail = IMAGES.has(detected.mime) && (await this.storeThumbnail(staged));
    await this.blobs.put(contentKey(staged.sha256), staged.path, staged.sizeBytes);
    const attachmentId = randomUUID();
    const outcome = await this.runner.execute(
      attachmentDecider,
      attachmentStreamId(attachmentId),
      {
        type: 'RecordUpload',
        data: {
          attachmentId,
          name: sanitiseFileName(givenName, extension),
          contentType: detected.mime,
          sizeBytes: staged.sizeBytes,
          sha256: staged.sha256,
          thumbnail,
        },
      },
      { metadata: request.metadata, context: () => ({ now: request.now, actor: request.caller }) },
    );
    // the cleanup may have removed the same bytes, unused, between the put and the record: put them back
    if (!(await this.blobs.has(contentKey(staged.sha256)))) await this.blobs.put(contentKey(staged.sha256), staged.path, staged.sizeBytes);
    return outcome;
  }

  /** A JPEG at most 320 px wide, turned upright; an image sharp cannot decode (some HEIC) just has none. */
  private async storeThumbnail(staged: StagedUpload): Promise<boolean> {
    const path = `${staged.path}.thumbnail.jpg`;
    try {
      const { default: sharp } = await import('sharp');
      // one thumbnail at a time holds little: no libvips operation cache kept between uploads
      sharp.cache(false);
      const { size } = await sharp(staged.path, { limitInputPixels: 100_000_000 })
        .rotate()
        .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
        .jpeg({ quality: 80 })
        .toFile(path);
      await this.blobs.put(thumbnailKey(staged.sha256), path, size);
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'StoreUnavailableError') throw error;
      this.logger.warn({ err: error }, 'no thumbnail for an image that could not be decoded');
      return false;
    } finally {
      await rm(path, { force: true });
    }
  }
}
