import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import type { RectificationCase } from '../domain/rectification.decider.js';
import { rectificationView, type RectificationView } from './rectification-response.js';

export interface RectificationFilter {
  readonly kindergartenIds?: readonly string[];
  readonly status?: string;
  readonly overdue?: boolean;
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
    const [after] = decodeCursor(filter.cursor) ?? [];
    const rows = await this.db.query<{ id: string; version: number; state: RectificationCase }>(
      `SELECT id, version, state FROM ${this.s}.rm_rectifications
       WHERE status IS NOT NULL AND ($1::text[] IS NULL OR kindergarten_id = ANY($1)) AND ($2::text IS NULL OR status = $2)
         AND ($3::boolean IS NULL OR overdue = $3) AND ($4::text IS NULL OR id > $4)
       ORDER BY id LIMIT $5`,
      [filter.kindergartenIds ?? null, filter.status ?? null, filter.overdue ?? null, after ?? null, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (row) => rectificationView(row.state, Number(row.version)),
      (row) => [row.id],
    );
  }
}
