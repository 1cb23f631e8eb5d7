import { monthlyReportDueAt, periodEnd, periodOf, PLAN_FIRST_PERIOD, type Period } from './plan-periods.js';

/** A unit's monthly reports over a year, as the annual assessment counts them (the plan: 督导考核结果纳入年度考核). */
export interface UnitAssessment {
  readonly unitId: string;
  readonly name: string;
  /** Reports owed: months of the year inside the plan, due by now, ended after the unit was registered, of a unit with tasks. */
  readonly owed: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** round(100 × (onTime + 0.5 × late) / owed); null when nothing was owed. */
  readonly score: number | null;
}

export interface ReportingUnit {
  readonly unitId: string;
  readonly name: string;
  readonly registeredAt: string;
  readonly hasTasks: boolean;
}

/** The year's months whose reports were due by `now`, from the plan's first month on. */
export const periodsDueInYear = (year: number, now: Date, dueDay: number): Period[] =>
  Array.from({ length: 12 }, (_, index) => periodOf(year, index + 1)).filter(
    (period) => period >= PLAN_FIRST_PERIOD && Date.parse(monthlyReportDueAt(period, dueDay)) < now.getTime(),
  );

/**
 * Each unit's score for the year: a report filed is owed even by a unit that was not expected to file it; each owed
 * report is on time, late or missing.
 */
export const assessUnits = (
  units: readonly ReportingUnit[],
  periods: readonly Period[],
  filed: ReadonlyMap<string, ReadonlyMap<Period, { readonly late: boolean }>>,
): UnitAssessment[] =>
  units.flatMap((unit) => {
    const reports = filed.get(unit.unitId) ?? new Map<Period, { late: boolean }>();
    const owedPeriods = periods.filter(
      (period) => reports.has(period) || (unit.hasTasks && Date.parse(unit.registeredAt) < periodEnd(period).getTime()),
    );
    if (owedPeriods.length === 0 && !unit.hasTasks) return [];
    const onTime = owedPeriods.filter((period) => reports.get(period)?.late === false).length;
    const late = owedPeriods.filter((period) => reports.get(period)?.late === true).length;
    const owed = owedPeriods.length;
    return [
      {
        unitId: unit.unitId,
        name: unit.name,
        owed,
        onTime,
        late,
        missing: owed - onTime - late,
        score: owed > 0 ? Math.round((100 * (onTime + 0.5 * late)) / owed) : null,
      },
    ];
  });
