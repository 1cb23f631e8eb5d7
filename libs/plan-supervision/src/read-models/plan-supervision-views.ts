import { Inject, Injectable } from '@nestjs/common';
import { Clock, Settings } from '@app/config';
import { DEFAULT_LIMIT, decodeCursor, pageOf, type Page } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import type { MonthlyReportState } from '../domain/monthly-report.decider.js';
import type { AttachedEvidence } from '@app/attachments/domain';
import type { MonthlyReportItem } from '../domain/monthly-report.events.js';
import type { PlanTaskState } from '../domain/plan-task.decider.js';
import { monthlyReportDueAt, periodEnd, type Period } from '../domain/plan-periods.js';
import type { AnnualInspectionResult } from './plan-views.js';

export interface UnitRef {
  readonly id: string;
  readonly name: string;
}

export interface PlanTaskView {
  readonly taskNo: number;
  readonly group: string;
  readonly title: string;
  readonly summary: string;
  readonly timeNodes: readonly string[];
  readonly leadUnits: readonly UnitRef[];
  readonly responsibleUnits: readonly UnitRef[];
  readonly note: string | null;
}

/**
 * A unit's report for a period: on time, late, pending (not submitted, not yet due) or missing (not submitted after
 * the due time, whether or not the engine has recorded MonthlyReportMissed yet).
 */
export interface MonthlyReportView {
  readonly unit: UnitRef;
  readonly period: Period;
  readonly dueAt: string;
  readonly status: 'on-time' | 'late' | 'pending' | 'missing';
  /** The report's items, when submitted (else empty). */
  readonly items: readonly MonthlyReportItem[];
  /** The uploads the report cites (the last version's). */
  readonly evidence: readonly AttachedEvidence[];
  readonly submittedAt: string | null;
  /** Submitted after `dueAt`; null while not submitted. */
  readonly late: boolean | null;
  /** Every version filed, the first one first (an amendment adds one; `items` is the last). */
  readonly versions: readonly {
    readonly items: readonly MonthlyReportItem[];
    readonly evidence: readonly AttachedEvidence[];
    readonly filedAt: string;
  }[];
  /** When the engine recorded MonthlyReportMissed, if it did (a late report keeps it). */
  readonly missedAt: string | null;
  /** Version of `monthlyReport-{unitId}-{period}` (0: nothing recorded yet). */
  readonly version: number;
}

export const monthlyReportView = (
  unit: UnitRef,
  period: Period,
  dueAt: string,
  state: MonthlyReportState | null,
  version: number,
  now: Date,
): MonthlyReportView => {
  const submitted = state?.status === 'submitted' ? state : null;
  const due = state && state.status !== 'pending' ? state.dueAt : dueAt;
  return {
    unit,
    period,
    dueAt: due,
    status: submitted ? (submitted.late ? 'late' : 'on-time') : now.getTime() > Date.parse(due) ? 'missing' : 'pending',
    items: submitted ? submitted.items : [],
    evidence: submitted?.evidence ?? [],
    submittedAt: submitted ? submitted.submittedAt : null,
    late: submitted ? submitted.late : null,
    versions: submitted
      ? (submitted.versions ?? [{ items: submitted.items, filedAt: submitted.submittedAt }]).map((version) => ({
          ...version,
          evidence: version.evidence ?? [],
        }))
      : [],
    missedAt: state && state.status !== 'pending' ? state.missedAt : null,
    version,
  };
};

@Injectable()
export class PlanSupervisionViews {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async planTasks(cursor: string | undefined, limit = DEFAULT_LIMIT, unitId?: string): Promise<Page<PlanTaskView>> {
    const [after] = decodeCursor(cursor) ?? [];
    const rows = await this.db.query<{ task_no: number; state: Extract<PlanTaskState, { status: 'registered' }> }>(
      `SELECT task_no, state FROM ${this.s}.rm_plan_tasks
       WHERE task_no IS NOT NULL AND ($1::integer IS NULL OR task_no > $1) AND ($3::text IS NULL OR $3 = ANY(unit_ids))
       ORDER BY task_no LIMIT $2`,
      [typeof after === 'number' ? after : null, limit + 1, unitId ?? null],
    );
    const units = new Map(
      (await this.db.query<{ id: string; name: string }>(`SELECT id, name FROM ${this.s}.rm_responsible_units WHERE name IS NOT NULL`)).map((row) => [
        row.id,
        row.name,
      ]),
    );
    const ref = (id: string): UnitRef => ({ id, name: units.get(id) ?? id });
    return pageOf(
      rows,
      limit,
      ({ state }) => ({
        taskNo: state.taskNo,
        group: state.group,
        title: state.title,
        summary: state.summary,
        timeNodes: state.timeNodes,
        leadUnits: state.leadUnits.map(ref),
        responsibleUnits: state.responsibleUnits.map(ref),
        note: state.note,
      }),
      (row) => [Number(row.task_no)],
    );
  }

  /** The monthly reports filed in a year, by unit and period, with whether each was late (as first filed). */
  async filedReports(year: number): Promise<Map<string, Map<Period, { late: boolean }>>> {
    const rows = await this.db.query<{ unit_id: string; period: string; late: boolean }>(
      `SELECT unit_id, period, late FROM ${this.s}.rm_monthly_reports WHERE status = 'submitted' AND period LIKE $1`,
      [`${year}-%`],
    );
    const filed = new Map<string, Map<Period, { late: boolean }>>();
    for (const row of rows) {
      const unit = filed.get(row.unit_id) ?? new Map<Period, { late: boolean }>();
      unit.set(row.period, { late: row.late });
      filed.set(row.unit_id, unit);
    }
    return filed;
  }

  /** The year's annual inspections, by kindergarten. */
  async annualInspections(year: number): Promise<AnnualInspectionResult[]> {
    const rows = await this.db.query<{
      id: string;
      kindergarten_id: string;
      status: string;
      outcome: 'passed' | 'failed' | null;
      concluded_at: string | null;
    }>(
      `SELECT id, kindergarten_id, status, outcome, concluded_at FROM ${this.s}.rm_assessment_inspections
       WHERE kind = 'annual' AND year = $1 ORDER BY kindergarten_id, id`,
      [year],
    );
    return rows.map((row) => ({
      kindergartenId: row.kindergarten_id,
      inspectionId: row.id,
      status: row.status,
      outcome: row.outcome,
      concludedAt: row.concluded_at,
    }));
  }

  /**
   * Every unit expected to report for the period (lead or responsible unit of a task, registered before the period
   * ended) with its report, or pending / missing; any other unit appears only if it reported anyway.
   */
  async monthlyReports(period: Period, cursor: string | undefined, limit = DEFAULT_LIMIT, unitId?: string): Promise<Page<MonthlyReportView>> {
    const [after] = decodeCursor(cursor) ?? [];
    const dueAt = monthlyReportDueAt(period, this.settings.MONTHLY_REPORT_DUE_DAY);
    const now = this.clock.now();
    const rows = await this.db.query<{ id: string; name: string; state: MonthlyReportState | null; version: number | null }>(
      `SELECT u.id, u.name, r.state, r.version FROM ${this.s}.rm_responsible_units u
       LEFT JOIN ${this.s}.rm_monthly_reports r ON r.id = u.id || '-' || $1
       WHERE u.name IS NOT NULL AND ($3::text IS NULL OR u.id > $3) AND ($5::text IS NULL OR u.id = $5)
         AND (r.status = 'submitted' OR (u.registered_at < $2::timestamptz AND EXISTS (
           SELECT 1 FROM ${this.s}.rm_plan_tasks t
           WHERE t.task_no IS NOT NULL AND u.id = ANY(t.unit_ids))))
       ORDER BY u.id LIMIT $4`,
      [period, periodEnd(period).toISOString(), typeof after === 'string' ? after : null, limit + 1, unitId ?? null],
    );
    return pageOf(
      rows,
      limit,
      (row) => monthlyReportView({ id: row.id, name: row.name }, period, dueAt, row.state, Number(row.version ?? 0), now),
      (row) => [row.id],
    );
  }
}
