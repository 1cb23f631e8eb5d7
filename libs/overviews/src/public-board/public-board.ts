import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { KeptAnswers } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { publicBoardProjection, type BoardNotice } from './public-board.projection.js';

/** A published notice as the public sees it (公示): nothing about reports, people or evidence. */
export interface PublicNoticeView {
  readonly id: string;
  /** 文号; null for a notice issued before v1.1. */
  readonly documentNo: string | null;
  readonly kindergarten: { readonly id: string; readonly name: string };
  readonly findings: readonly string[];
  readonly issuedAt: string;
  readonly dueAt: string;
  readonly status: BoardNotice['status'];
  readonly overdue: boolean;
  /** A withdrawn notice stays on the board, marked 已撤销 with the reason. */
  readonly withdrawal: { readonly label: '已撤销'; readonly reason: string; readonly withdrawnAt: string } | null;
}

export interface PublicSuspensionView {
  readonly kindergarten: { readonly id: string; readonly name: string };
  readonly effectiveFrom: string;
  readonly reason: string;
}

export interface PublicNotices {
  readonly notices: PublicNoticeView[];
  readonly suspensions: PublicSuspensionView[];
}

/** The board, and its JSON text written once for every reader until the board changes. */
export interface PublicNoticesAnswer {
  readonly board: PublicNotices;
  readonly json: string;
}

/**
 * The public notice board: notices issued with `publish: true` (newest first), and the suspensions in force. Read by
 * anyone without a token, so the answer (and its JSON text) is kept until the projection moves (`KeptAnswers`).
 */
@Injectable()
export class PublicBoard {
  private readonly s: string;
  private readonly kept: KeptAnswers<PublicNoticesAnswer>;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
    this.kept = new KeptAnswers(db, settings.DATABASE_SCHEMA, publicBoardProjection.name, 1);
  }

  notices(): Promise<PublicNoticesAnswer> {
    return this.kept.get('board', async () => {
      const board = await this.read();
      return { board, json: JSON.stringify(board) };
    });
  }

  private async read(): Promise<PublicNotices> {
    const notices = await this.db.query<{ notice: BoardNotice; kindergarten_id: string; name: string }>(
      `SELECT n.notice, n.kindergarten_id, k.name FROM ${this.s}.rm_public_board_notices n
       JOIN ${this.s}.rm_public_board_kindergartens k ON k.id = n.kindergarten_id
       WHERE n.publish ORDER BY n.issued_at DESC, n.id LIMIT 1000`,
    );
    const suspensions = await this.db.query<{ id: string; name: string; effective_from: string; reason: string }>(
      `SELECT k.id, k.name, e.effective_from, e.reason
       FROM ${this.s}.rm_public_board_enrolment e JOIN ${this.s}.rm_public_board_kindergartens k ON k.id = e.id
       WHERE e.suspended ORDER BY e.effective_from, k.id`,
    );
    return {
      notices: notices.map(({ notice, kindergarten_id, name }) => ({
        id: notice.id,
        documentNo: notice.documentNo ?? null,
        kindergarten: { id: kindergarten_id, name },
        findings: notice.findings,
        issuedAt: notice.issuedAt,
        dueAt: notice.dueAt,
        status: notice.status,
        overdue: notice.overdue,
        withdrawal: notice.withdrawal ? { label: '已撤销', ...notice.withdrawal } : null,
      })),
      suspensions: suspensions.map((row) => ({
        kindergarten: { id: row.id, name: row.name },
        effectiveFrom: row.effective_from,
        reason: row.reason,
      })),
    };
  }
}
