import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import { streamTable, type Projection, type SqlTransaction } from '@app/projections';
import { attachmentDecider, citedAttachments, type AttachmentState } from '../domain/index.js';

const attachments = streamTable<AttachmentState>({
  category: 'attachment',
  table: 'rm_attachments',
  decider: attachmentDecider,
  columns: { sha256: 'text', status: 'text', uploaded_at: 'timestamptz' },
  toColumns: (state) => (state.status === 'none' ? {} : { sha256: state.sha256, status: state.status, uploaded_at: state.uploadedAt }),
  indexes: (s) => [
    `CREATE INDEX rm_attachments_unused ON ${s}.rm_attachments (status, uploaded_at)`,
    `CREATE INDEX rm_attachments_sha256 ON ${s}.rm_attachments (sha256)`,
  ],
});

/** Whose record a citing stream is: a case's kindergarten (from its notice), a monthly report's unit. */
const scopeOf = async (tx: SqlTransaction, event: StoredEvent, s: string): Promise<{ kindergartenId: string | null; unitId: string | null }> => {
  const data = event.data as { kindergartenId?: string; unitId?: string };
  if (data.kindergartenId || data.unitId) return { kindergartenId: data.kindergartenId ?? null, unitId: data.unitId ?? null };
  const [row] = await tx.query<{ kindergarten_id: string }>(`SELECT kindergarten_id FROM ${s}.rm_attachment_scopes WHERE stream_id = $1`, [
    event.streamId,
  ]);
  return { kindergartenId: row?.kindergarten_id ?? null, unitId: null };
};

/**
 * Every attachment, and every record citing one with whose record it is: who may see an attachment, and which uploads
 * nothing cites (the orphans). A citation is a fact of the log, inserted once whatever the replays.
 */
export const attachmentsProjection: Projection = {
  name: 'attachments',
  tables: ['rm_attachments', 'rm_attachment_citations', 'rm_attachment_scopes'],
  categories: ['attachment', 'rectification', 'enrolment', 'monthlyReport'],
  migrations: (s) => [
    [
      attachments.create(s),
      `CREATE TABLE ${s}.rm_attachment_scopes (stream_id text PRIMARY KEY, kindergarten_id text NOT NULL)`,
      `CREATE TABLE ${s}.rm_attachment_citations (attachment_id text NOT NULL, event_id text NOT NULL, stream_id text NOT NULL,
         kindergarten_id text, unit_id text, PRIMARY KEY (attachment_id, event_id))`,
    ].join(';\n'),
  ],
  async apply(tx, events, s) {
    await attachments.apply(tx, events, s);
    for (const event of events) {
      if (streamCategory(event.streamId) === 'rectification' && event.type === 'RectificationNoticeIssued') {
        const { kindergartenId } = event.data as { kindergartenId: string };
        await tx.query(`INSERT INTO ${s}.rm_attachment_scopes (stream_id, kindergarten_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          event.streamId,
          kindergartenId,
        ]);
      }
      const cited = citedAttachments(event.data);
      if (cited.length === 0) continue;
      const { kindergartenId, unitId } = await scopeOf(tx, event, s);
      await tx.query(
        `INSERT INTO ${s}.rm_attachment_citations (attachment_id, event_id, stream_id, kindergarten_id, unit_id)
         SELECT id, $2, $3, $4, $5 FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING`,
        [cited.map((citation) => citation.attachmentId), event.id, event.streamId, kindergartenId, unitId],
      );
    }
  },
};
