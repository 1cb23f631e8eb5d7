import { Inject, Injectable, Logger } from '@nestjs/common';
import pMap from 'p-map';
import { Clock, Settings } from '@app/config';
import { SYSTEM_ACTOR } from '@app/event-sourcing';
import { CommandRunner } from '@app/commands';
import { Deliveries, NotificationSources, systemMetadata, type NotificationSource } from '@app/notifications';
import { monthlyReportDecider } from '../domain/monthly-report.decider.js';
import {
  assessmentReminderKey,
  assessmentStreamId,
  bulletinReminderKey,
  bulletinStreamId,
  monthlyReminderKey,
  monthlyReportStreamId,
  type MonthlyReminderRound,
} from '../domain/plan-notifications.js';
import {
  latestEndedQuarter,
  periodContaining,
  periodEnd,
  periodsOverdueAt,
  previousPeriod,
  yearContaining,
  type Period,
  type Quarter,
} from '../domain/plan-periods.js';
import type { CadenceJobData, CadenceJobName } from './cadence-jobs.js';
import { PlanRecord, type RegisteredUnit } from './plan-record.js';

export interface CadenceOutcome {
  readonly job: CadenceJobName;
  /** The periods, quarter or year the run was about. */
  readonly about: readonly string[];
  /** Inbox deliveries of the run's reminders so far (a repeated run finds them already there). */
  readonly delivered: number;
  /** MonthlyReportMissed recorded by this run. */
  readonly missed: number;
}

const CONCURRENCY = 4;

/**
 * What each cadence job does when it fires (api.md, Reminders): reminders to the units for the month just ended, a
 * second one to those still missing, MonthlyReportMissed after the due day, and the supervisors' quarterly and
 * annual reminders. Everything is decided by the period's stream, so a job run twice (two workers, a retry, a job
 * run by hand) records nothing twice.
 */
@Injectable()
export class PlanCadence {
  private readonly logger = new Logger('Cadence');

  constructor(
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Runs a job as scheduled for `scheduledAt`, which says what it is about unless `data` says it. */
  async run(job: CadenceJobName, data: CadenceJobData, scheduledAt: Date): Promise<CadenceOutcome> {
    const outcome = await this.dispatch(job, data, scheduledAt);
    this.logger.log(`${job} (${outcome.about.join(', ')}): ${outcome.delivered} in inboxes, ${outcome.missed} recorded missing`);
    return outcome;
  }

  private dispatch(job: CadenceJobName, data: CadenceJobData, scheduledAt: Date): Promise<CadenceOutcome> {
    switch (job) {
      case 'monthly-report-reminder':
        return this.remindUnits(job, 'first', data.period ?? previousPeriod(periodContaining(scheduledAt)));
      case 'monthly-report-second-reminder':
        return this.remindUnits(job, 'second', data.period ?? previousPeriod(periodContaining(scheduledAt)));
      case 'monthly-report-missed':
        // the latest two due periods: a run that did not happen (a short month, an outage) is caught up by the next
        return this.markMissed(data.period ? [data.period] : periodsOverdueAt(scheduledAt, this.settings.MONTHLY_REPORT_DUE_DAY, 2));
      case 'bulletin-reminder': {
        const quarter: Quarter =
          data.year && data.quarter ? { year: data.year, quarter: data.quarter as Quarter['quarter'] } : latestEndedQuarter(scheduledAt);
        return this.remindSupervisors(job, bulletinStreamId(quarter), bulletinReminderKey(quarter), `${quarter.year}-Q${quarter.quarter}`);
      }
      case 'assessment-reminder': {
        const year = data.year ?? yearContaining(scheduledAt);
        return this.remindSupervisors(job, assessmentStreamId(year), assessmentReminderKey(year), String(year));
      }
    }
  }

  /** The units expected to report for a period: those with a task of the plan, registered before it ended. */
  private async expectedUnits(period: Period): Promise<RegisteredUnit[]> {
    const end = periodEnd(period).getTime();
    return (await this.record.reportingUnits()).filter((unit) => Date.parse(unit.registeredAt) < end);
  }

  private get source(): NotificationSource {
    const source = this.sources.for('monthlyReport');
    if (!source) throw new Error('No notification source for the plan’s periods: register PlanSupervisionNotificationSource');
    return source;
  }

  private async remindUnits(job: CadenceJobName, round: MonthlyReminderRound, period: Period): Promise<CadenceOutcome> {
    const units = await this.expectedUnits(period);
    let delivered = 0;
    await pMap(
      units,
      async (unit) => {
        const streamId = monthlyReportStreamId(unit.id, period);
        const inboxes = await this.source.notify(streamId, monthlyReminderKey(unit.id, period, round), this.clock.now());
        delivered += inboxes.length;
        // queued again on a repeated run: each delivery's job id is its key, recipient and channel
        await this.deliveries.fanOut(streamId, inboxes);
      },
      { concurrency: CONCURRENCY },
    );
    return { job, about: [period], delivered, missed: 0 };
  }

  private async remindSupervisors(job: CadenceJobName, streamId: string, key: string, about: string): Promise<CadenceOutcome> {
    const inboxes = await this.source.notify(streamId, key, this.clock.now());
    await this.deliveries.fanOut(streamId, inboxes);
    return { job, about: [about], delivered: inboxes.length, missed: 0 };
  }

  private async markMissed(periods: readonly Period[]): Promise<CadenceOutcome> {
    let missed = 0;
    for (const period of periods) {
      await pMap(
        await this.expectedUnits(period),
        async (unit) => {
          const now = this.clock.now();
          const result = await this.runner.execute(
            monthlyReportDecider,
            monthlyReportStreamId(unit.id, period),
            { type: 'MarkMonthlyReportMissed', data: { unitId: unit.id, period } },
            {
              metadata: systemMetadata(now, `monthlyReport-${unit.id}-${period}.missed`),
              context: { now, actor: SYSTEM_ACTOR, dueDay: this.settings.MONTHLY_REPORT_DUE_DAY },
            },
          );
          missed += result.events.length;
        },
        { concurrency: CONCURRENCY },
      );
    }
    return { job: 'monthly-report-missed', about: periods, delivered: 0, missed };
  }
}
