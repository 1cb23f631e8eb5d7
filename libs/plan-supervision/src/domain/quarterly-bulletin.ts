import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import { enrolmentDecider, type EnrolmentState } from '@app/enrolment/domain';
import { INSPECTION_KINDS, inspectionDecider, type InspectionKind, type InspectionState } from '@app/inspections/domain';
import { isClosed, kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { OPEN_STATUSES, OWES_REPORT, rectificationDecider, type RectificationState } from '@app/rectifications/domain';
import { monthlyReportDecider, type MonthlyReportState } from './monthly-report.decider.js';
import { monthlyReportStreamId } from './plan-notifications.js';
import { periodEnd, periodsDueInQuarter, quarterEnd, quarterStart, type Period, type Quarter } from './plan-periods.js';
import { hasTasks, planTaskDecider, type PlanTaskState } from './plan-task.decider.js';
import type { PlanTask } from './reference-data.events.js';
import { responsibleUnitDecider, type ResponsibleUnitState } from './responsible-unit.decider.js';

/** What a bulletin needs of an event: where it is, what it says, and when the engine decided it (`metadata.at`). */
export type RecordedEvent = Pick<StoredEvent, 'streamId' | 'type' | 'data' | 'metadata'>;

export interface OutcomeCounts {
  readonly passed: number;
  readonly failed: number;
  /** Scheduled by the quarter's end and not concluded then. */
  readonly pending: number;
}

/** How a unit's report for a period stood at the quarter's end. */
export type ReportStanding = 'on-time' | 'late' | 'missing';

export interface UnitReports {
  readonly unitId: string;
  readonly name: string;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** Only the periods the unit was expected to report for (registered before the period ended, with a task of the plan). */
  readonly reports: readonly { readonly period: Period; readonly standing: ReportStanding }[];
}

/** A township's figures: the county's counts for the kindergartens registered in it at the quarter's end. */
export interface TownshipFigures {
  /** As the kindergartens' records name it (a township id; older records may give its name). */
  readonly township: string;
  /** Kindergartens registered there and not closed at the quarter's end. */
  readonly kindergartens: number;
  readonly inspections: OutcomeCounts;
  readonly notices: { readonly issued: number; readonly published: number };
  readonly cases: { readonly open: number; readonly overdue: number; readonly closed: number; readonly failed: number };
  readonly suspensions: number;
}

/**
 * A quarter's bulletin (季通报), computed from the record as it stood at the quarter's last instant: events whose
 * `metadata.at` (when the engine decided them) is later do not count, so publishing late gives the same numbers.
 * Flows (concluded, issued, closed, failed) count what happened within the quarter; stocks (pending, open, overdue,
 * in force) are as they stood at its end. Monthly reports: see `periodsDueInQuarter`.
 */
export interface BulletinContent {
  readonly from: string;
  readonly asOf: string;
  /** Inspections concluded in the quarter, by outcome, in all and by kind. */
  readonly inspections: OutcomeCounts & { readonly byKind: Readonly<Record<InspectionKind, OutcomeCounts>> };
  /** Rectification notices issued in the quarter, and how many were publicly notified (通报). */
  readonly notices: { readonly issued: number; readonly published: number };
  /** Cases open and overdue at the quarter's end; closed and failed within the quarter. */
  readonly cases: { readonly open: number; readonly overdue: number; readonly closed: number; readonly failed: number };
  /** Kindergartens whose enrolment was suspended at the quarter's end. */
  readonly suspensions: { readonly inForce: number; readonly kindergartenIds: readonly string[] };
  /** The same figures per township, in township order (absent from bulletins published before they were counted). */
  readonly townships?: readonly TownshipFigures[];
  readonly monthlyReports: {
    readonly periods: readonly Period[];
    readonly onTime: number;
    readonly late: number;
    readonly missing: number;
    readonly units: readonly UnitReports[];
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type NoticeCounts = { issued: number; published: number };
type CaseCounts = { open: number; overdue: number; closed: number; failed: number };
type TownshipCounts = {
  township: string;
  kindergartens: number;
  inspections: Mutable<OutcomeCounts>;
  notices: NoticeCounts;
  cases: CaseCounts;
  suspensions: number;
};

const fold = <S>(states: Map<string, S>, decider: { initialState(): S; evolve(state: S, event: never): S }, event: RecordedEvent): void => {
  states.set(event.streamId, decider.evolve(states.get(event.streamId) ?? decider.initialState(), event as never));
};

const emptyOutcomes = (): { passed: number; failed: number; pending: number } => ({ passed: 0, failed: 0, pending: 0 });

/** The bulletin of `quarter` from the whole log (or any part of it holding the quarter's record), folded with each aggregate's own `evolve`. */
export const quarterlyBulletin = (quarter: Quarter, events: Iterable<RecordedEvent>): BulletinContent => {
  const from = quarterStart(quarter);
  const asOf = quarterEnd(quarter);
  const fromMs = Date.parse(from);
  const asOfMs = Date.parse(asOf);
  const within = (written: string | null): boolean => written !== null && Date.parse(written) >= fromMs && Date.parse(written) <= asOfMs;

  const inspections = new Map<string, InspectionState>();
  const cases = new Map<string, RectificationState>();
  const enrolments = new Map<string, EnrolmentState>();
  const reports = new Map<string, MonthlyReportState>();
  const units = new Map<string, ResponsibleUnitState>();
  const tasks = new Map<string, PlanTaskState>();
  const kindergartens = new Map<string, KindergartenState>();
  for (const event of events) {
    // deliveries change no count; anything decided after the quarter's end is not yet in its record
    if (event.type === 'ReminderSent' || Date.parse(event.metadata.at) > asOfMs) continue;
    switch (streamCategory(event.streamId)) {
      case 'inspection':
        fold(inspections, inspectionDecider, event);
        break;
      case 'rectification':
        fold(cases, rectificationDecider, event);
        break;
      case 'enrolment':
        fold(enrolments, enrolmentDecider, event);
        break;
      case 'monthlyReport':
        fold(reports, monthlyReportDecider, event);
        break;
      case 'responsibleUnit':
        fold(units, responsibleUnitDecider, event);
        break;
      case 'planTask':
        fold(tasks, planTaskDecider, event);
        break;
      case 'kindergarten':
        fold(kindergartens, kindergartenDecider, event);
        break;
    }
  }

  // every count below is also added to the township the kindergarten it concerns was registered in
  const byTownship = new Map<string, TownshipCounts>();
  const townshipOf = new Map<string, string>();
  for (const state of kindergartens.values()) {
    if (state.status !== 'registered') continue;
    townshipOf.set(state.id, state.township);
    const figures = byTownship.get(state.township) ?? {
      township: state.township,
      kindergartens: 0,
      inspections: emptyOutcomes(),
      notices: { issued: 0, published: 0 },
      cases: { open: 0, overdue: 0, closed: 0, failed: 0 },
      suspensions: 0,
    };
    if (!isClosed(state)) figures.kindergartens++;
    byTownship.set(state.township, figures);
  }
  const townshipFigures = (kindergartenId: string) => byTownship.get(townshipOf.get(kindergartenId) ?? '');

  const total = emptyOutcomes();
  const byKind = Object.fromEntries(INSPECTION_KINDS.map((kind) => [kind, emptyOutcomes()])) as Record<
    InspectionKind,
    ReturnType<typeof emptyOutcomes>
  >;
  for (const inspection of inspections.values()) {
    if (inspection.status === 'none' || inspection.status === 'cancelled') continue;
    const outcome = inspection.status === 'scheduled' ? 'pending' : within(inspection.concludedAt) ? inspection.outcome : null;
    if (!outcome) continue;
    total[outcome]++;
    byKind[inspection.kind][outcome]++;
    const township = townshipFigures(inspection.kindergartenId);
    if (township) township.inspections[outcome]++;
  }

  const notices: NoticeCounts = { issued: 0, published: 0 };
  const caseCounts: CaseCounts = { open: 0, overdue: 0, closed: 0, failed: 0 };
  for (const state of cases.values()) {
    if (state.status === 'none') continue;
    const township = townshipFigures(state.kindergartenId);
    const counted: Array<keyof CaseCounts> = [];
    if ((OPEN_STATUSES as readonly string[]).includes(state.status)) {
      counted.push('open');
      // overdue as the rule has it at that instant, whether or not the engine had recorded DeadlineMissed yet
      const owesReport = (OWES_REPORT as readonly string[]).includes(state.status);
      if (state.overdue || (owesReport && Date.parse(state.dueAt) < asOfMs)) counted.push('overdue');
    } else if (within(state.closedAt)) {
      counted.push(state.status === 'closed' ? 'closed' : 'failed');
    }
    for (const counts of township ? [{ notices, cases: caseCounts }, township] : [{ notices, cases: caseCounts }]) {
      if (within(state.issuedAt)) {
        counts.notices.issued++;
        if (state.publish) counts.notices.published++;
      }
      for (const key of counted) counts.cases[key]++;
    }
  }

  const suspended = [...enrolments.entries()]
    .filter(([, state]) => state.status === 'suspended')
    .map(([streamId]) => streamId.slice('enrolment-'.length))
    .sort();
  for (const kindergartenId of suspended) {
    const township = townshipFigures(kindergartenId);
    if (township) township.suspensions++;
  }

  const periods = periodsDueInQuarter(quarter);
  const planTasks: PlanTask[] = [...tasks.values()].flatMap((task) => (task.status === 'registered' ? [task] : []));
  const unitReports: UnitReports[] = [...units.values()]
    .flatMap((unit) => (unit.status === 'registered' && hasTasks(unit.id, planTasks) ? [unit] : []))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((unit) => {
      const expected = periods.filter((period) => Date.parse(unit.registeredAt) < periodEnd(period).getTime());
      const standings = expected.map((period) => {
        const report = reports.get(monthlyReportStreamId(unit.id, period));
        const standing: ReportStanding = report?.status !== 'submitted' ? 'missing' : report.late ? 'late' : 'on-time';
        return { period, standing };
      });
      const count = (standing: ReportStanding): number => standings.filter((entry) => entry.standing === standing).length;
      return { unitId: unit.id, name: unit.name, onTime: count('on-time'), late: count('late'), missing: count('missing'), reports: standings };
    });
  const sum = (field: 'onTime' | 'late' | 'missing'): number => unitReports.reduce((acc, unit) => acc + unit[field], 0);

  return {
    from,
    asOf,
    inspections: { ...total, byKind },
    notices,
    cases: caseCounts,
    suspensions: { inForce: suspended.length, kindergartenIds: suspended },
    townships: [...byTownship.values()].sort((a, b) => (a.township < b.township ? -1 : a.township > b.township ? 1 : 0)),
    monthlyReports: { periods, onTime: sum('onTime'), late: sum('late'), missing: sum('missing'), units: unitReports },
  };
};

/** The categories a bulletin reads: a reader of the log may skip the rest. */
export const BULLETIN_CATEGORIES: readonly string[] = [
  'inspection',
  'rectification',
  'enrolment',
  'monthlyReport',
  'responsibleUnit',
  'planTask',
  'kindergarten',
];
