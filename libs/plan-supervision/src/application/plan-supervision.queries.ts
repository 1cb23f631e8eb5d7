import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock, Settings } from '@app/config';
import { CommandRunner } from '@app/commands';
import { EventStore } from '@app/event-sourcing';
import type { Page } from '@app/projections';
import { assessmentDecider } from '../domain/assessment.decider.js';
import { bulletinDecider } from '../domain/bulletin.decider.js';
import { monthlyReportDecider } from '../domain/monthly-report.decider.js';
import { assessmentStreamId, bulletinStreamId, monthlyReportStreamId } from '../domain/plan-notifications.js';
import { monthlyReportDueAt, periodEnd, PLAN_FIRST_PERIOD, type Period, type Quarter } from '../domain/plan-periods.js';
import { hasTasks } from '../domain/plan-task.decider.js';
import { assessUnits, periodsDueInYear } from '../domain/unit-assessment.js';
import { PlanSupervisionViews, monthlyReportView, type MonthlyReportView, type PlanTaskView } from '../read-models/plan-supervision-views.js';
import { assessmentView, bulletinView, type AssessmentView, type BulletinView } from '../read-models/plan-views.js';
import { PlanRecord } from './plan-record.js';

export class ListPlanTasks extends Query<Page<PlanTaskView>> {
  constructor(
    readonly cursor?: string,
    readonly limit?: number,
    /** Only the tasks this unit leads or shares. */
    readonly unitId?: string,
  ) {
    super();
  }
}

export class ListMonthlyReports extends Query<Page<MonthlyReportView>> {
  constructor(
    readonly period: Period,
    readonly cursor?: string,
    readonly limit?: number,
    readonly unitId?: string,
  ) {
    super();
  }
}

/** Read from the report's own stream: always current, with the version its ETag carries. Null for an unknown unit. */
export class GetMonthlyReport extends Query<MonthlyReportView | null> {
  constructor(
    readonly unitId: string,
    readonly period: Period,
  ) {
    super();
  }
}

export class GetBulletin extends Query<BulletinView | null> {
  constructor(readonly quarter: Quarter) {
    super();
  }
}

/** Every published bulletin, oldest first (a handful a year: read from their streams). */
export class ListBulletins extends Query<{ items: BulletinView[] }> {}

export class GetAssessment extends Query<AssessmentView | null> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(ListPlanTasks)
export class ListPlanTasksHandler implements IQueryHandler<ListPlanTasks> {
  constructor(@Inject(PlanSupervisionViews) private readonly views: PlanSupervisionViews) {}
  execute({ cursor, limit, unitId }: ListPlanTasks) {
    return this.views.planTasks(cursor, limit, unitId);
  }
}

@QueryHandler(ListMonthlyReports)
export class ListMonthlyReportsHandler implements IQueryHandler<ListMonthlyReports> {
  constructor(@Inject(PlanSupervisionViews) private readonly views: PlanSupervisionViews) {}
  execute({ period, cursor, limit, unitId }: ListMonthlyReports) {
    return this.views.monthlyReports(period, cursor, limit, unitId);
  }
}

@QueryHandler(GetMonthlyReport)
export class GetMonthlyReportHandler implements IQueryHandler<GetMonthlyReport> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async execute({ unitId, period }: GetMonthlyReport) {
    if (period < PLAN_FIRST_PERIOD) return null;
    const [unit, tasks] = await Promise.all([this.record.unit(unitId), this.record.tasks()]);
    if (unit.status !== 'registered') return null;
    const { state, version } = await this.runner.load(monthlyReportDecider, monthlyReportStreamId(unitId, period));
    // as the list: a unit that does not owe the period and has not reported for it has no report to show
    const owes = Date.parse(unit.registeredAt) < periodEnd(period).getTime() && hasTasks(unitId, tasks);
    if (!owes && state.status !== 'submitted') return null;
    return monthlyReportView(
      { id: unit.id, name: unit.name },
      period,
      monthlyReportDueAt(period, this.settings.MONTHLY_REPORT_DUE_DAY),
      state,
      version,
      this.clock.now(),
    );
  }
}

@QueryHandler(GetBulletin)
export class GetBulletinHandler implements IQueryHandler<GetBulletin> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}
  async execute({ quarter }: GetBulletin) {
    const { state, version } = await this.runner.load(bulletinDecider, bulletinStreamId(quarter));
    return state.status === 'published' ? bulletinView(state, version) : null;
  }
}

@QueryHandler(ListBulletins)
export class ListBulletinsHandler implements IQueryHandler<ListBulletins> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}
  async execute() {
    const items: BulletinView[] = [];
    for (let after: string | undefined; ;) {
      const streams = await this.store.listStreams({ category: 'bulletin', afterStreamId: after, limit: 500 });
      for (const { streamId } of streams) {
        const { state, version } = await this.runner.load(bulletinDecider, streamId);
        if (state.status === 'published') items.push(bulletinView(state, version));
      }
      if (streams.length < 500) break;
      after = streams.at(-1)!.streamId;
    }
    return { items: items.sort((a, b) => a.year - b.year || a.quarter - b.quarter) };
  }
}

@QueryHandler(GetAssessment)
export class GetAssessmentHandler implements IQueryHandler<GetAssessment> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(PlanSupervisionViews) private readonly views: PlanSupervisionViews,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The campaign, with the departments' scores and the kindergartens' annual inspection results of the year. */
  async execute({ year }: GetAssessment): Promise<AssessmentView | null> {
    const { state, version } = await this.runner.load(assessmentDecider, assessmentStreamId(year));
    if (state.status !== 'opened') return null;
    const [units, tasks, filed, inspections] = await Promise.all([
      this.record.units(),
      this.record.tasks(),
      this.views.filedReports(year),
      this.views.annualInspections(year),
    ]);
    const reporting = units
      .map((unit) => ({ unitId: unit.id, name: unit.name, registeredAt: unit.registeredAt, hasTasks: hasTasks(unit.id, tasks) }))
      .sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
    const periods = periodsDueInYear(year, this.clock.now(), this.settings.MONTHLY_REPORT_DUE_DAY);
    return {
      ...assessmentView(state, version),
      units: assessUnits(reporting, periods, filed),
      annualInspections: {
        scheduled: inspections.filter((inspection) => inspection.status === 'scheduled').length,
        passed: inspections.filter((inspection) => inspection.outcome === 'passed').length,
        failed: inspections.filter((inspection) => inspection.outcome === 'failed').length,
        items: inspections,
      },
    };
  }
}
