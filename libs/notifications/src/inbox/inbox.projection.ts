import type { StoredEvent } from '@app/event-sourcing';
import type { Projection } from '@app/projections';
import type { ReminderSent } from '../domain/notification.js';

/** The in-app inbox: every notification recorded on the inbox channel, one row per recipient (an event id each). */
export const inboxProjection: Projection = {
  name: 'inbox',
  tables: ['rm_inbox'],
  migrations: (s) => [
    `CREATE TABLE ${s}.rm_inbox (
       id uuid PRIMARY KEY, recipient text NOT NULL, kind text NOT NULL, subject text NOT NULL, body text NOT NULL,
       refs jsonb NOT NULL, stream_id text NOT NULL, notification_key text NOT NULL, created_at timestamptz NOT NULL);
     CREATE INDEX rm_inbox_recipient ON ${s}.rm_inbox (recipient, created_at DESC, id DESC)`,
  ],
  async apply(tx, events: readonly StoredEvent[], s) {
    const rows = events
      .filter((event) => event.type === 'ReminderSent' && (event.data as ReminderSent['data']).channel === 'inbox')
      .map((event) => {
        const data = event.data as ReminderSent['data'];
        return {
          id: event.id,
          recipient: data.recipient,
          kind: data.kind,
          subject: data.subject,
          body: data.body,
          refs: data.refs,
          stream_id: event.streamId,
          notification_key: data.key,
          created_at: event.recordedAt.toISOString(),
        };
      });
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO ${s}.rm_inbox (id, recipient, kind, subject, body, refs, stream_id, notification_key, created_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, recipient text, kind text, subject text, body text, refs jsonb,
         stream_id text, notification_key text, created_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};
