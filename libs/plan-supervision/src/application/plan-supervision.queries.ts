import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock, Settings } from '@app/config';
import { CommandRunner } from '@app/commands';
import type { Page } from '@app/projections';
import { assessmentDecider } from '../domain/assessment.decider.js';
import { bulletinDecider } from '../domain/bulletin.decider.js';
import { monthlyReportDecider } from '../domain/monthly-report.decider.js';
import { assessmentStreamId, bulletinStreamId, monthlyReportStreamId } from '../domain/plan-notifications.js';
import { monthlyReportDueAt, type Period, type Quarter } from '../domain/plan-periods.js';
import { PlanSupervisionViews, monthlyReportView, type MonthlyReportView, type PlanTaskView } from '../read-models/plan-supervision-views.js';
import { assessmentView, bulletinView, type AssessmentView, type BulletinView } from '../read-models/plan-views.js';
import { PlanRecord } from './plan-record.js';

export class ListPlanTasks extends Query<Page<PlanTaskView>> {
  constructor(
    readonly cursor?: string,
    readonly limit?: number,
  ) {
    super();
  }
}

export class ListMonthlyReports extends Query<Page<MonthlyReportView>> {
  constructor(
    readonly period: Period,
    readonly cursor?: string,
    readonly limit?: number,
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

export class GetAssessment extends Query<AssessmentView | null> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(ListPlanTasks)
export class ListPlanTasksHandler implements IQueryHandler<ListPlanTasks> {
  constructor(@Inject(PlanSupervisionViews) private readonly views: PlanSupervisionViews) {}
  execute({ cursor, limit }: ListPlanTasks) {
    return this.views.planTasks(cursor, limit);
  }
}

@QueryHandler(ListMonthlyReports)
export class ListMonthlyReportsHandler implements IQueryHandler<ListMonthlyReports> {
  constructor(@Inject(PlanSupervisionViews) private readonly views: PlanSupervisionViews) {}
  execute({ period, cursor, limit }: ListMonthlyReports) {
    return this.views.monthlyReports(period, cursor, limit);
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
    const unit = await this.record.unit(unitId);
    if (unit.status !== 'registered') return null;
    const { state, version } = await this.runner.load(monthlyReportDecider, monthlyReportStreamId(unitId, period));
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

@QueryHandler(GetAssessment)
export class GetAssessmentHandler implements IQueryHandler<GetAssessment> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}
  async execute({ year }: GetAssessment) {
    const { state, version } = await this.runner.load(assessmentDecider, assessmentStreamId(year));
    return state.status === 'opened' ? assessmentView(state, version) : null;
  }
}
