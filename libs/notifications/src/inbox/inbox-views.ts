import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock, Settings } from '@app/config';
import type { Caller } from '@app/identity';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';
import { formatShanghai } from '@app/calendar/domain';
import type { NotificationKind, Recipient } from '../domain/notification.js';

export interface InboxItem {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  readonly refs: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** Who a caller receives notifications as: their kindergarten, all supervisors, or their unit. */
export const recipientsOf = (caller: Caller): Recipient[] => {
  switch (caller.role) {
    case 'kindergarten':
      return caller.kindergartenId ? [`kindergarten:${caller.kindergartenId}`] : [];
    case 'supervisor':
      return ['supervisors'];
    case 'department':
      return caller.unitId ? [`unit:${caller.unitId}`] : [];
    default:
      return [];
  }
};

/**
 * A row to `supervisors` about a kindergarten is shown only to the supervisors who see it (`$n`: the ids of the
 * kindergartens the caller sees; null: all of them).
 */
const inSight = (parameter: number): string =>
  `(i.recipient <> 'supervisors' OR $${parameter}::text[] IS NULL OR i.refs->>'kindergartenId' IS NULL OR i.refs->>'kindergartenId' = ANY($${parameter}::text[]))`;

interface Row {
  id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  refs: Record<string, string>;
  created_at: Date;
  read_at: Date | null;
}

const toItem = (row: Row): InboxItem => ({
  id: row.id,
  kind: row.kind,
  subject: row.subject,
  body: row.body,
  refs: row.refs,
  createdAt: formatShanghai(new Date(row.created_at)),
  readAt: row.read_at ? formatShanghai(new Date(row.read_at)) : null,
});

/** The caller's notifications, newest first, and their own read marks (kept apart, so a rebuild of the inbox keeps them). */
@Injectable()
export class InboxViews implements OnModuleInit {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async onModuleInit(): Promise<void> {
    await migrate(this.db, this.settings.DATABASE_SCHEMA, 'inbox-reads', [
      `CREATE TABLE ${this.s}.inbox_reads (notification_id uuid NOT NULL, user_sub text NOT NULL, read_at timestamptz NOT NULL, PRIMARY KEY (notification_id, user_sub))`,
    ]);
  }

  /** `unread`: only what this user has not read yet; `kindergartenIds`: the kindergartens the caller sees (absent: all). */
  async list(
    caller: Caller,
    cursor: string | undefined,
    limit = DEFAULT_LIMIT,
    unread = false,
    kindergartenIds?: readonly string[],
  ): Promise<Page<InboxItem>> {
    const [afterTime, afterId] = decodeCursor(cursor) ?? [];
    const rows = await this.db.query<Row>(
      `SELECT i.id, i.kind, i.subject, i.body, i.refs, i.created_at, r.read_at FROM ${this.s}.rm_inbox i
       LEFT JOIN ${this.s}.inbox_reads r ON r.notification_id = i.id AND r.user_sub = $2
       WHERE i.recipient = ANY($1::text[]) AND ($3::timestamptz IS NULL OR (i.created_at, i.id) < ($3::timestamptz, $4::uuid))
         AND (NOT $6::boolean OR r.read_at IS NULL) AND ${inSight(7)}
       ORDER BY i.created_at DESC, i.id DESC LIMIT $5`,
      [recipientsOf(caller), caller.sub, afterTime ?? null, afterId ?? null, limit + 1, unread, kindergartenIds ?? null],
    );
    return pageOf(rows, limit, toItem, (row) => [new Date(row.created_at).toISOString(), row.id]);
  }

  /** How many of the caller's notifications this user has not read. */
  async unreadCount(caller: Caller, kindergartenIds?: readonly string[]): Promise<number> {
    const [row] = await this.db.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM ${this.s}.rm_inbox i
       WHERE i.recipient = ANY($1::text[]) AND ${inSight(3)}
         AND NOT EXISTS (SELECT 1 FROM ${this.s}.inbox_reads r WHERE r.notification_id = i.id AND r.user_sub = $2)`,
      [recipientsOf(caller), caller.sub, kindergartenIds ?? null],
    );
    return Number(row?.count ?? 0);
  }

  /** Marks the notification read for this user (the first time only); null if it is not theirs. */
  async markRead(caller: Caller, id: string, kindergartenIds?: readonly string[]): Promise<InboxItem | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
    const [mine] = await this.db.query<{ id: string }>(
      `SELECT i.id FROM ${this.s}.rm_inbox i WHERE i.id = $1 AND i.recipient = ANY($2::text[]) AND ${inSight(3)}`,
      [id, recipientsOf(caller), kindergartenIds ?? null],
    );
    if (!mine) return null;
    await this.db.query(`INSERT INTO ${this.s}.inbox_reads (notification_id, user_sub, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      id,
      caller.sub,
      this.clock.now().toISOString(),
    ]);
    const [row] = await this.db.query<Row>(
      `SELECT i.id, i.kind, i.subject, i.body, i.refs, i.created_at, r.read_at FROM ${this.s}.rm_inbox i
       LEFT JOIN ${this.s}.inbox_reads r ON r.notification_id = i.id AND r.user_sub = $2 WHERE i.id = $1`,
      [id, caller.sub],
    );
    return row ? toItem(row) : null;
  }
}
