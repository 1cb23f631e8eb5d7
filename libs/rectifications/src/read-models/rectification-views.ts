import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import type { RectificationCase } from '../domain/rectification.decider.js';
import { rectificationView, type RectificationView } from './rectification-view.js';

export interface RectificationFilter {
  readonly kindergartenIds?: readonly string[];
  readonly status?: string;
  readonly overdue?: boolean;
  readonly cursor?: string;
  readonly limit?: number;
}

/** A published notice as the public sees it (公示): nothing about reports, people or evidence. */
export interface PublicNoticeView {
  readonly id: string;
  readonly kindergarten: { readonly id: string; readonly name: string };
  readonly findings: readonly string[];
  readonly issuedAt: string;
  readonly dueAt: string;
  readonly status: RectificationCase['status'];
  readonly overdue: boolean;
}

export interface PublicSuspensionView {
  readonly kindergarten: { readonly id: string; readonly name: string };
  readonly effectiveFrom: string;
  readonly reason: string;
}

@Injectable()
export class RectificationViews {
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

  /** Notices issued with `publish: true` (newest first), and the suspensions in force. */
  async publicNotices(): Promise<{ notices: PublicNoticeView[]; suspensions: PublicSuspensionView[] }> {
    const notices = await this.db.query<{ state: RectificationCase; name: string }>(
      `SELECT r.state, k.name FROM ${this.s}.rm_rectifications r JOIN ${this.s}.rm_kindergartens k ON k.id = r.kindergarten_id
       WHERE r.publish ORDER BY r.issued_at DESC, r.id LIMIT 1000`,
    );
    const suspensions = await this.db.query<{ id: string; name: string; effective_from: string; reason: string }>(
      `SELECT k.id, k.name, e.state->>'effectiveFrom' AS effective_from, e.state->>'reason' AS reason
       FROM ${this.s}.rm_enrolment e JOIN ${this.s}.rm_kindergartens k ON k.id = e.id
       WHERE e.status = 'suspended' ORDER BY e.state->>'effectiveFrom', k.id`,
    );
    return {
      notices: notices.map(({ state, name }) => ({
        id: state.id,
        kindergarten: { id: state.kindergartenId, name },
        findings: state.findings.map((finding) => finding.description),
        issuedAt: state.issuedAt,
        dueAt: state.dueAt,
        status: state.status,
        overdue: state.overdue,
      })),
      suspensions: suspensions.map((row) => ({
        kindergarten: { id: row.id, name: row.name },
        effectiveFrom: row.effective_from,
        reason: row.reason,
      })),
    };
  }
}
