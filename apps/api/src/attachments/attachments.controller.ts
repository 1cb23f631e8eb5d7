import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import {
  AttachmentLibrary,
  AttachmentUploads,
  UploadRefusedError,
  attachmentView,
  type AttachmentView,
  type StagedUpload,
  type UploadedAttachment,
  type UploadOutcome,
} from '@app/attachments';
import { NotFoundError } from '@app/event-sourcing';
import type { Caller } from '@app/identity';
import type { CommandRequest } from '@app/commands';
import { Access, CurrentCaller } from '../auth/access.decorator.js';
import { CommandAnswers, type Answer } from '../http/commands/command-answers.js';
import { RequestContext } from '../http/commands/command-request.decorator.js';
import { contentDisposition } from '../http/downloads/content-disposition.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ProblemError } from '../http/problems/problem-details.js';
import { validationFailed } from '../http/validation/validation.js';
import { AttachmentResponse } from './attachment.responses.js';

const UPLOADED: Answer<UploadOutcome, AttachmentView> = {
  readModel: 'attachment',
  view: ({ state }) => {
    if (state.status !== 'uploaded') throw new Error('An upload answered without its attachment');
    return attachmentView(state);
  },
  location: (view) => `/api/v1/attachments/${view.id}`,
};

// shown in the browser; anything else (PDF, Office, video) is saved, never rendered on the API's origin
const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Before the body checks (a guard runs before the interceptors): anything but multipart is the wrong media type. */
@Injectable()
class MultipartOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.switchToHttp().getRequest<FastifyRequest>().isMultipart()) return true;
    throw ProblemError.of(415, 'unsupported-media-type', 'Send multipart/form-data with one part named file');
  }
}

const notFound = (): NotFoundError => new NotFoundError('not-found', 'No such attachment');

/** A multipart body that is not one part `file`: a client's mistake, told as such. */
const malformed = (message: string): ProblemError =>
  validationFailed([{ field: 'file', message, zh: '须以 multipart/form-data 上传，且只含一个名为 file 的文件部分' }], 'Send multipart/form-data with one part named file');

@ApiTags('attachments')
@Controller('attachments')
@StoreProblems()
export class AttachmentsController {
  constructor(
    @Inject(AttachmentUploads) private readonly uploads: AttachmentUploads,
    @Inject(AttachmentLibrary) private readonly library: AttachmentLibrary,
    @Inject(CommandAnswers) private readonly answers: CommandAnswers,
  ) {}

  @Post()
  @HttpCode(201)
  @UseGuards(MultipartOnly)
  @Access('admin', 'supervisor', 'kindergarten', 'department')
  @ApiOperation({
    summary: 'Upload a file as evidence (证明材料); the same bytes are stored once',
    description:
      'Any signed-in role but auditor. `multipart/form-data` with one part `file`, streamed to storage (never held in memory whole) while hashed. The type is told by the bytes, never by the name or the declared type: JPEG, PNG, WebP, HEIC, PDF, DOCX, XLSX or MP4, else 415 `unsupported-file-type`; over `ATTACHMENT_MAX_BYTES` 413 `payload-too-large`; an empty file, a missing `file` part or any other part 400 `validation-failed`. Records `AttachmentUploaded` in `attachment-{id}` and answers 201 with Location.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentResponse, description: 'With Location and ETag' })
  @Problems({ 400: ['validation-failed'], 413: ['payload-too-large'], 415: ['unsupported-media-type', 'unsupported-file-type'] })
  async upload(@Req() request: FastifyRequest, @RequestContext() command: CommandRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    let staged: StagedUpload | undefined;
    try {
      const { file, name } = await this.onePart(request, (part) => this.uploads.stage(part.file));
      staged = file;
      return this.answers.created(reply, await this.uploads.record(file, name, command), UPLOADED);
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      throw error.status === 400 ? malformed(error.message) : ProblemError.of(error.status, error.code, error.message);
    } finally {
      await staged?.discard();
    }
  }

  /** Reads every part to the end (a second part, or a body cut short, is only known there), staging the one `file`. */
  private async onePart(
    request: FastifyRequest,
    stage: (part: MultipartFile) => Promise<StagedUpload>,
  ): Promise<{ file: StagedUpload; name: string }> {
    let staged: { file: StagedUpload; name: string } | undefined;
    let refusal: ProblemError | undefined;
    try {
      for await (const part of request.parts() as AsyncIterable<Multipart>) {
        if (part.type !== 'file' || part.fieldname !== 'file' || staged) {
          refusal ??= malformed(part.type === 'file' && part.fieldname === 'file' ? 'send one file only' : `unexpected part ${part.fieldname}`);
          if (part.type === 'file') part.file.resume();
          continue;
        }
        staged = { file: await stage(part), name: part.filename };
      }
    } catch (error) {
      await staged?.file.discard();
      // the disk's own failures are the engine's; anything else here is the body's (cut short, a broken boundary)
      if ((error as NodeJS.ErrnoException).syscall !== undefined) throw error;
      if ((error as { statusCode?: unknown }).statusCode === 413) throw ProblemError.of(413, 'payload-too-large', 'Too many parts');
      throw malformed(`the multipart body is malformed: ${(error as Error).message}`);
    }
    if (refusal || !staged) {
      await staged?.file.discard();
      throw refusal ?? malformed('the part file is required');
    }
    return staged;
  }

  @Get(':id')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten', 'department')
  @ApiOperation({
    summary: 'The bytes of an attachment',
    description:
      'Its uploader, and anyone who may see a case, statement or report citing it; otherwise 404 `not-found`. The content type detected at upload, `Content-Disposition` with the original name (RFC 6266, UTF-8 `filename*`), `X-Content-Type-Options: nosniff`, `Cache-Control: private`.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes as uploaded', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @Problems({ 404: ['not-found'] })
  async download(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res() reply: FastifyReply) {
    const attachment = await this.visible(caller, id);
    const content = await this.library.content(attachment);
    if (!content) throw notFound();
    return this.send(reply, content, attachment.contentType, attachment.name, INLINE.has(attachment.contentType) ? 'inline' : 'attachment');
  }

  @Get(':id/thumbnail')
  @Access('admin', 'supervisor', 'auditor', 'kindergarten', 'department')
  @ApiOperation({
    summary: 'A JPEG thumbnail of an image attachment, at most 320 px wide',
    description: 'As the attachment itself; images only (another type, or an image that could not be decoded, has none: 404 `not-found`).',
  })
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'JPEG', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } })
  @Problems({ 404: ['not-found'] })
  async thumbnail(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res() reply: FastifyReply) {
    const attachment = await this.visible(caller, id);
    const content = await this.library.thumbnail(attachment);
    if (!content) throw notFound();
    return this.send(reply, content, 'image/jpeg', `${attachment.name.replace(/\.[^.]*$/, '')}-缩略图.jpg`, 'inline');
  }

  private async visible(caller: Caller, id: string): Promise<UploadedAttachment> {
    const attachment = await this.library.visibleTo(caller, id);
    if (!attachment) throw notFound();
    return attachment;
  }

  private send(reply: FastifyReply, content: NodeJS.ReadableStream, type: string, name: string, disposition: 'inline' | 'attachment') {
    return reply
      .type(type)
      .header('content-disposition', contentDisposition(name, disposition))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private')
      .send(content);
  }
}
