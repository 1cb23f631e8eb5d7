import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { enrolmentView, type EnrolmentCaseState, type EnrolmentView } from '@app/enrolment/domain';
import type { Closure, Disclosure, Ownership } from '@app/kindergartens/domain';

export interface SuspensionView {
  readonly rectificationId: string;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly suspendedAt: string;
}

export interface KindergartenView {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly ownership: Ownership;
  readonly registeredAt: string;
  readonly disclosure: Disclosure | null;
  readonly closed: boolean;
  readonly closure: Closure | null;
  readonly enrolmentStatus: 'open' | 'suspended';
  readonly enrolmentVersion: number;
  readonly suspension: SuspensionView | null;
  readonly enrolment: EnrolmentView;
  readonly openRectifications: number;
  readonly latestAnnual: { readonly year: number; readonly outcome: string } | null;
  readonly latestQuality: { readonly year: number; readonly outcome: string } | null;
  readonly version: number;
}

/** What the public may see of a kindergarten (公示): no notes, no people. */
export interface PublicKindergartenView {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly ownership: Ownership;
  readonly closed: boolean;
  readonly closedOn: string | null;
  readonly enrolmentStatus: 'open' | 'suspended';
  readonly disclosure: Omit<Disclosure, 'notes'> | null;
  readonly latestAnnual: { readonly year: number; readonly outcome: string } | null;
  readonly latestQuality: { readonly year: number; readonly outcome: string } | null;
}

export interface KindergartenFilter {
  /** Only these kindergartens (a kindergarten user's scope). */
  readonly ids?: readonly string[];
  readonly township?: string;
  /** Part of the name. */
  readonly q?: string;
  readonly ownership?: string;
  readonly enrolmentStatus?: 'open' | 'suspended';
  readonly cursor?: string;
  readonly limit?: number;
}

interface Row {
  id: string;
  version: number;
  name: string;
  township: string;
  ownership: Ownership;
  registered_at: string;
  disclosure: Disclosure | null;
  closure: Closure | null;
  enrolment_version: number | null;
  enrolment_status: 'open' | 'suspended' | null;
  enrolment_state: EnrolmentCaseState | null;
  rectification_id: string | null;
  effective_from: string | null;
  reason: string | null;
  suspended_at: string | null;
  open_rectifications: number;
  latest_annual: { year: number; outcome: string } | null;
  latest_quality: { year: number; outcome: string } | null;
}

/** Kindergartens as lists and pages show them, with their enrolment, open cases and latest results. */
@Injectable()
export class KindergartenOverview {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async list(filter: KindergartenFilter): Promise<Page<KindergartenView>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const [after] = decodeCursor(filter.cursor) ?? [];
    const rows = await this.query(
      `($1::text[] IS NULL OR k.id = ANY($1)) AND ($2::text IS NULL OR k.township = $2) AND ($3::text IS NULL OR k.ownership = $3)
       AND ($4::text IS NULL OR coalesce(e.status, 'open') = $4) AND ($5::text IS NULL OR k.id > $5)
       AND ($7::text IS NULL OR strpos(lower(k.name), lower($7)) > 0)
       ORDER BY k.id LIMIT $6`,
      [
        filter.ids ?? null,
        filter.township ?? null,
        filter.ownership ?? null,
        filter.enrolmentStatus ?? null,
        after ?? null,
        limit + 1,
        filter.q ?? null,
      ],
    );
    return pageOf(rows, limit, toView, (row) => [row.id]);
  }

  async get(id: string): Promise<KindergartenView | null> {
    const [row] = await this.query('k.id = $1', [id]);
    return row ? toView(row) : null;
  }

  async idsInTownships(townshipKeys: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM ${this.s}.rm_kindergarten_overview WHERE township = ANY($1::text[]) ORDER BY id`,
      [townshipKeys],
    );
    return rows.map((row) => row.id);
  }

  async listPublic(cursor: string | undefined, limit: number): Promise<Page<PublicKindergartenView>> {
    const [after] = decodeCursor(cursor) ?? [];
    const rows = await this.query('($1::text IS NULL OR k.id > $1) ORDER BY k.id LIMIT $2', [after ?? null, limit + 1]);
    return pageOf(rows, limit, toPublicView, (row) => [row.id]);
  }

  private query(where: string, params: readonly unknown[]): Promise<Row[]> {
    const s = this.s;
    const latest = (kind: string) =>
      `(SELECT jsonb_build_object('year', i.year, 'outcome', i.outcome) FROM ${s}.rm_kindergarten_overview_inspections i
        WHERE i.kindergarten_id = k.id AND i.kind = '${kind}' ORDER BY i.year DESC, i.concluded_at DESC LIMIT 1)`;
    return this.db.query<Row>(
      `SELECT k.id, k.version, k.name, k.township, k.ownership, k.registered_at, k.disclosure, k.closure,
         e.version AS enrolment_version, e.status AS enrolment_status, e.state AS enrolment_state, e.rectification_id, e.effective_from, e.reason, e.suspended_at,
         (SELECT count(*)::int FROM ${s}.rm_kindergarten_overview_cases c WHERE c.kindergarten_id = k.id AND c.open) AS open_rectifications,
         ${latest('annual')} AS latest_annual, ${latest('quality')} AS latest_quality
       FROM ${s}.rm_kindergarten_overview k LEFT JOIN ${s}.rm_kindergarten_overview_enrolment e ON e.id = k.id
       WHERE k.name IS NOT NULL AND ${where}`,
      params,
    );
  }
}

const toView = (row: Row): KindergartenView => {
  const suspended = row.enrolment_status === 'suspended';
  return {
    id: row.id,
    name: row.name,
    township: row.township,
    ownership: row.ownership,
    registeredAt: row.registered_at,
    disclosure: row.disclosure,
    closed: row.closure != null,
    closure: row.closure,
    enrolmentStatus: suspended ? 'suspended' : 'open',
    enrolmentVersion: Number(row.enrolment_version ?? 0),
    suspension: suspended
      ? {
          rectificationId: row.rectification_id!,
          effectiveFrom: row.effective_from!,
          reason: row.reason!,
          suspendedAt: row.suspended_at!,
        }
      : null,
    enrolment: enrolmentView(row.enrolment_state ?? { status: 'open', lastReinstatedAt: null }),
    openRectifications: Number(row.open_rectifications),
    latestAnnual: row.latest_annual,
    latestQuality: row.latest_quality,
    version: Number(row.version),
  };
};

const toPublicView = (row: Row): PublicKindergartenView => {
  const view = toView(row);
  const disclosure = view.disclosure;
  return {
    id: view.id,
    name: view.name,
    township: view.township,
    ownership: view.ownership,
    closed: view.closed,
    closedOn: view.closure?.closedOn ?? null,
    enrolmentStatus: view.enrolmentStatus,
    disclosure: disclosure && {
      teachers: disclosure.teachers,
      caregivers: disclosure.caregivers,
      children: disclosure.children,
      monthlyFeeYuan: disclosure.monthlyFeeYuan,
      publishedAt: disclosure.publishedAt,
    },
    latestAnnual: view.latestAnnual,
    latestQuality: view.latestQuality,
  };
};
