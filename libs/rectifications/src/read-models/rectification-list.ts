import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import type { RectificationCase } from '../domain/rectification.decider.js';
import { OPEN_STATUSES } from '../domain/rectification-status.js';
import { rectificationView, type RectificationView } from './rectification-response.js';

export interface RectificationFilter {
  readonly kindergartenIds?: readonly string[];
  /** A status, or `open`: issued, acknowledged, submitted or returned. */
  readonly status?: string;
  readonly overdue?: boolean;
  /** The kindergarten's township as its register keeps it. */
  readonly township?: string;
  /** Issued on or after this day, on or before that one (Asia/Shanghai). */
  readonly from?: string;
  readonly to?: string;
  /** Due (`dueAt`) on or after this day, on or before that one (Asia/Shanghai). */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  /** Part of the document number, the kindergarten's name or the case id. */
  readonly q?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** Rectification cases as their list shows them. */
@Injectable()
export class RectificationList {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async list(filter: RectificationFilter): Promise<Page<RectificationView>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const [afterIssued, afterId] = decodeCursor(filter.cursor) ?? [];
    const statuses = filter.status === 'open' ? [...OPEN_STATUSES] : filter.status ? [filter.status] : null;
    const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.db.query<{ id: string; version: number; state: RectificationCase; issued_at: Date }>(
      `SELECT r.id, r.version, r.state, r.issued_at FROM ${this.s}.rm_rectifications r
       LEFT JOIN ${this.s}.rm_rectification_kindergartens k ON k.id = r.kindergarten_id
       WHERE r.status IS NOT NULL AND ($1::text[] IS NULL OR r.kindergarten_id = ANY($1)) AND ($2::text[] IS NULL OR r.status = ANY($2))
         AND ($3::boolean IS NULL OR r.overdue = $3)
         AND ($4::timestamptz IS NULL OR (r.issued_at, r.id) < ($4::timestamptz, $5::text))
         AND ($7::text IS NULL OR k.township = $7)
         AND ($8::date IS NULL OR (r.issued_at AT TIME ZONE 'Asia/Shanghai')::date >= $8::date)
         AND ($9::date IS NULL OR (r.issued_at AT TIME ZONE 'Asia/Shanghai')::date <= $9::date)
         AND ($10::text IS NULL OR r.document_no ILIKE $10 OR k.name ILIKE $10 OR r.id ILIKE $10)
         AND ($11::date IS NULL OR r.due_at >= ($11::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
         AND ($12::date IS NULL OR r.due_at < ($12::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
       ORDER BY r.issued_at DESC, r.id DESC LIMIT $6`,
      [
        filter.kindergartenIds ?? null,
        statuses,
        filter.overdue ?? null,
        afterIssued ?? null,
        afterId ?? null,
        limit + 1,
        filter.township ?? null,
        filter.from ?? null,
        filter.to ?? null,
        pattern,
        filter.dueFrom ?? null,
        filter.dueTo ?? null,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => rectificationView(row.state, Number(row.version)),
      (row) => [new Date(row.issued_at).toISOString(), row.id],
    );
  }
}
