import { Inject, Injectable } from '@nestjs/common';
import { formatShanghai } from '@app/calendar/domain';
import { Clock, Settings } from '@app/config';
import { KeptAnswers } from '@app/projections';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { statisticsProjection } from './statistics.projection.js';

export interface StatisticsCounts {
  readonly kindergartens: number;
  /** The year's inspections by where they stand: not yet concluded, concluded passed or failed, cancelled. */
  readonly inspections: { readonly scheduled: number; readonly passed: number; readonly failed: number; readonly cancelled: number };
  /** The cases issued in the year by where they stand; `overdue` counts the open ones past their deadline. */
  readonly cases: { readonly open: number; readonly overdue: number; readonly closed: number; readonly failed: number; readonly withdrawn: number };
  /** Kindergartens whose enrolment is suspended now. */
  readonly suspensions: number;
}

export interface TownshipStatistics extends StatisticsCounts {
  readonly township: string;
  readonly name: string;
}

export interface StatisticsOverview {
  /** When the counts were read (the projection includes every event recorded before it, within READ_MODEL_WAIT_MS). */
  readonly asOf: string;
  readonly year: number;
  readonly townships: readonly TownshipStatistics[];
  readonly totals: StatisticsCounts;
}

const OPEN = new Set(['issued', 'acknowledged', 'submitted', 'returned']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

const empty = (): Mutable<StatisticsCounts> => ({
  kindergartens: 0,
  inspections: { scheduled: 0, passed: 0, failed: 0, cancelled: 0 },
  cases: { open: 0, overdue: 0, closed: 0, failed: 0, withdrawn: 0 },
  suspensions: 0,
});

/**
 * The county's statistics for a year, by township, read from the statistics projection's own tables (four grouped
 * counts), kept until the projection moves (`KeptAnswers`: one indexed read instead of four grouped counts).
 */
@Injectable()
export class Statistics {
  private readonly s: string;
  private readonly kept: KeptAnswers<Omit<StatisticsOverview, 'asOf'>>;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Settings) settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
    this.kept = new KeptAnswers(db, settings.DATABASE_SCHEMA, statisticsProjection.name);
  }

  /** `townships`: only those (a supervisor's 责任区); all when absent. */
  async overview(year: number, townships?: readonly string[]): Promise<StatisticsOverview> {
    const asOf = formatShanghai(this.clock.now());
    const key = `${year}|${townships ? [...townships].sort().join(',') : '*'}`;
    return { asOf, ...(await this.kept.get(key, () => this.count(year, townships))) };
  }

  private async count(year: number, townships?: readonly string[]): Promise<Omit<StatisticsOverview, 'asOf'>> {
    const s = this.s;
    const scope = (parameter: number) => (townships ? `AND k.township = ANY($${parameter}::text[])` : '');
    const inYear = townships ? [year, townships] : [year];
    const always = townships ? [townships] : [];
    const [kindergartens, inspections, cases, suspensions] = await Promise.all([
      this.db.query<{ township: string; count: string }>(
        `SELECT k.township, count(*) AS count FROM ${s}.rm_statistics_kindergartens k
         WHERE k.township IS NOT NULL AND NOT k.closed ${scope(1)} GROUP BY k.township`,
        always,
      ),
      this.db.query<{ township: string; result: string; count: string }>(
        `SELECT k.township, i.result, count(*) AS count FROM ${s}.rm_statistics_inspections i
         JOIN ${s}.rm_statistics_kindergartens k ON k.id = i.kindergarten_id
         WHERE i.year = $1 ${scope(2)} GROUP BY k.township, i.result`,
        inYear,
      ),
      this.db.query<{ township: string; status: string; overdue: boolean; count: string }>(
        `SELECT k.township, c.status, c.overdue, count(*) AS count FROM ${s}.rm_statistics_cases c
         JOIN ${s}.rm_statistics_kindergartens k ON k.id = c.kindergarten_id
         WHERE c.year = $1 ${scope(2)} GROUP BY k.township, c.status, c.overdue`,
        inYear,
      ),
      this.db.query<{ township: string; count: string }>(
        `SELECT k.township, count(*) AS count FROM ${s}.rm_statistics_enrolment e
         JOIN ${s}.rm_statistics_kindergartens k ON k.id = e.id
         WHERE e.suspended ${scope(1)} GROUP BY k.township`,
        always,
      ),
    ]);
    const byTownship = new Map<string, Mutable<StatisticsCounts>>();
    const of = (township: string) => byTownship.get(township) ?? byTownship.set(township, empty()).get(township)!;
    for (const row of kindergartens) of(row.township).kindergartens = Number(row.count);
    for (const row of inspections) {
      const counts = of(row.township).inspections;
      if (row.result in counts) counts[row.result as keyof typeof counts] += Number(row.count);
    }
    for (const row of cases) {
      const counts = of(row.township).cases;
      if (OPEN.has(row.status)) {
        counts.open += Number(row.count);
        if (row.overdue) counts.overdue += Number(row.count);
      } else if (row.status in counts) counts[row.status as keyof typeof counts] += Number(row.count);
    }
    for (const row of suspensions) of(row.township).suspensions = Number(row.count);
    const totals = empty();
    const rows = [...byTownship].sort(([a], [b]) => a.localeCompare(b, 'zh-Hans-CN'));
    for (const [, counts] of rows) add(totals, counts);
    // keyed as the record names the township; byTownshipId keys it by the register's id
    return { year, townships: rows.map(([township, counts]) => ({ township, name: township, ...counts })), totals };
  }
}

export interface TownshipRef {
  readonly id: string;
  readonly name: string;
}

const add = (into: Mutable<StatisticsCounts>, from: StatisticsCounts): void => {
  into.kindergartens += from.kindergartens;
  into.suspensions += from.suspensions;
  for (const key of Object.keys(into.inspections) as (keyof StatisticsCounts['inspections'])[]) into.inspections[key] += from.inspections[key];
  for (const key of Object.keys(into.cases) as (keyof StatisticsCounts['cases'])[]) into.cases[key] += from.cases[key];
};

/**
 * The record names a township by its id or, in events older than the register, by its name: the overview keyed by
 * the register's ids (in the register's order) with their names; a township the register lacks keeps what the
 * record says, after them.
 */
export const byTownshipId = (overview: StatisticsOverview, register: readonly TownshipRef[]): StatisticsOverview => {
  const merged = new Map<string, Mutable<TownshipStatistics>>();
  for (const { township, name: _name, ...counts } of overview.townships) {
    const known = register.find((entry) => entry.id === township || entry.name === township);
    const id = known?.id ?? township;
    const row = merged.get(id) ?? { township: id, name: known?.name ?? township, ...empty() };
    add(row, counts);
    merged.set(id, row);
  }
  const order = (id: string) => {
    const index = register.findIndex((entry) => entry.id === id);
    return index === -1 ? register.length : index;
  };
  return {
    ...overview,
    townships: [...merged.values()].sort((a, b) => order(a.township) - order(b.township) || a.township.localeCompare(b.township)),
  };
};

/** What to ask the projection for a scope of township ids: each id and its registered name (older events carry the name). */
export const townshipKeys = (ids: readonly string[], register: readonly TownshipRef[]): string[] =>
  ids.flatMap((id) => [id, ...register.filter((entry) => entry.id === id).map((entry) => entry.name)]);
