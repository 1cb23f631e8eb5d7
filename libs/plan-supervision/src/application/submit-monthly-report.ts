import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Settings } from '@app/config';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { monthlyReportDecider, type MonthlyReportState } from '../domain/monthly-report.decider.js';
import type { MonthlyReportItem } from '../domain/monthly-report.events.js';
import { monthlyReportStreamId } from '../domain/plan-notifications.js';
import { tasksOfUnit } from '../domain/plan-task.decider.js';
import { PlanRecord } from './plan-record.js';

/** A department's monthly report (月报告), for the unit its token names. */
export class SubmitMonthlyReport extends Command<CommandOutcome<MonthlyReportState>> {
  constructor(
    readonly data: { unitId: string; period: string; items: MonthlyReportItem[] },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(SubmitMonthlyReport)
export class SubmitMonthlyReportHandler implements ICommandHandler<SubmitMonthlyReport> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  execute({ data, request }: SubmitMonthlyReport) {
    return this.executor.execute(
      monthlyReportDecider,
      monthlyReportStreamId(data.unitId, data.period),
      { type: 'SubmitMonthlyReport', data },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        context: async () => {
          const [unit, tasks] = await Promise.all([this.record.unit(data.unitId), this.record.tasks()]);
          return {
            now: request.now,
            actor: request.caller,
            dueDay: this.settings.MONTHLY_REPORT_DUE_DAY,
            unitRegistered: unit.status === 'registered',
            knownTasks: tasks.map((task) => task.taskNo),
            unitTasks: tasksOfUnit(data.unitId, tasks),
          };
        },
      },
    );
  }
}
