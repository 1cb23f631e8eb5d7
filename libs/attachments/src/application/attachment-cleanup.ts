import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandRunner } from '@app/commands';
import { Settings } from '@app/config';
import { EventStore, SYSTEM_ACTOR } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import { ReadModels } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { randomUUID } from 'node:crypto';
import { attachmentDecider, attachmentStreamId } from '../domain/index.js';
import { BlobStore, contentKey, thumbnailKey } from '../blobs/blob-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes uploads nothing cited within ATTACHMENT_ORPHAN_DAYS: `AttachmentRemoved`, then their bytes unless another
 * upload still holds the same content. A cited attachment is never removed.
 */
@Injectable()
export class AttachmentCleanup {
  private readonly logger = new Logger('AttachmentCleanup');
  private readonly s: string;

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(BlobStore) private readonly blobs: BlobStore,
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Settings) private readonly settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async removeUnused(now: Date): Promise<{ removed: number }> {
    if (!(await this.caughtUp())) return { removed: 0 };
    const cutoff = new Date(now.getTime() - this.settings.ATTACHMENT_ORPHAN_DAYS * DAY_MS);
    const unused = await this.db.query<{ id: string; sha256: string }>(
      `SELECT a.id, a.sha256 FROM ${this.s}.rm_attachments a
       WHERE a.status = 'uploaded' AND a.uploaded_at < $1
         AND NOT EXISTS (SELECT 1 FROM ${this.s}.rm_attachment_citations c WHERE c.attachment_id = a.id)
       ORDER BY a.uploaded_at LIMIT 1000`,
      [cutoff.toISOString()],
    );
    const correlationId = randomUUID();
    for (const { id } of unused) {
      await this.runner.execute(
        attachmentDecider,
        attachmentStreamId(id),
        { type: 'RemoveUnused', data: {} },
        {
          metadata: { actor: SYSTEM_ACTOR, at: formatShanghai(now), commandId: randomUUID(), correlationId, causationId: null },
          context: () => ({ now, actor: SYSTEM_ACTOR }),
        },
      );
    }
    // an upload of the same bytes, or a citation, may have been recorded since the query: read the record up to now first
    if (unused.length > 0 && (await this.caughtUp())) {
      for (const sha256 of new Set(unused.map((row) => row.sha256))) {
        // bytes another upload holds, or that any record cites (one cited while it was being removed), stay
        const [held] = await this.db.query(
          `SELECT 1 FROM ${this.s}.rm_attachments a WHERE a.sha256 = $1
             AND (a.status = 'uploaded' OR EXISTS (SELECT 1 FROM ${this.s}.rm_attachment_citations c WHERE c.attachment_id = a.id)) LIMIT 1`,
          [sha256],
        );
        if (held) continue;
        await this.blobs.remove(contentKey(sha256));
        await this.blobs.remove(thumbnailKey(sha256));
      }
    }
    if (unused.length > 0)
      this.logger.log(`removed ${unused.length} attachment(s) nothing cited within ${this.settings.ATTACHMENT_ORPHAN_DAYS} days`);
    return { removed: unused.length };
  }

  private async caughtUp(): Promise<boolean> {
    const head = await this.store.headPosition();
    return (await this.readModels.catchUp(head, 'attachment')) && (await this.readModels.catchUp(head, 'rectification'));
  }
}
