import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import type { InspectionState } from '../domain/inspection.decider.js';
import { inspectionView, type InspectionView } from './inspection-response.js';

export interface InspectionFilter {
  readonly kindergartenIds?: readonly string[];
  readonly year?: number;
  readonly kind?: string;
  readonly status?: string;
  /** The kindergarten's township as its register keeps it. */
  readonly township?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** Inspections as their list shows them. */
@Injectable()
export class InspectionList {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async list(filter: InspectionFilter): Promise<Page<InspectionView>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const [after] = decodeCursor(filter.cursor) ?? [];
    const rows = await this.db.query<{ id: string; version: number; state: Exclude<InspectionState, { status: 'none' }> }>(
      `SELECT i.id, i.version, i.state FROM ${this.s}.rm_inspections i
       WHERE i.status IS NOT NULL AND ($1::text[] IS NULL OR i.kindergarten_id = ANY($1)) AND ($2::integer IS NULL OR i.year = $2)
         AND ($3::text IS NULL OR i.kind = $3) AND ($4::text IS NULL OR i.id > $4) AND ($6::text IS NULL OR i.status = $6)
         AND ($7::text IS NULL OR i.kindergarten_id IN (SELECT k.id FROM ${this.s}.rm_inspection_kindergartens k WHERE k.township = $7))
       ORDER BY i.id LIMIT $5`,
      [
        filter.kindergartenIds ?? null,
        filter.year ?? null,
        filter.kind ?? null,
        after ?? null,
        limit + 1,
        filter.status ?? null,
        filter.township ?? null,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => inspectionView(row.state, Number(row.version)),
      (row) => [row.id],
    );
  }
}
