import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { EventStore, SYSTEM_ACTOR, streamCategory } from '@app/event-sourcing';
import { CommandRunner } from '@app/commands';
import { NotificationSource, systemMetadata, type ChannelDelivery, type InboxDelivery } from '@app/notifications';
import type { DueNotification } from '@app/notifications/domain';
import { assessmentDecider } from '../domain/assessment.decider.js';
import { bulletinDecider } from '../domain/bulletin.decider.js';
import { monthlyReportDecider } from '../domain/monthly-report.decider.js';
import { parseAssessmentStreamId, parseBulletinStreamId, parseMonthlyReportStreamId } from '../domain/plan-notifications.js';
import { responsibleUnitDecider, responsibleUnitStreamId } from '../domain/responsible-unit.decider.js';

/**
 * The plan's periods as a source of notifications: monthly reports, quarterly bulletins and annual assessments. Their
 * reminders are sent when the cadence's job schedulers fire (see PlanCadence), not from delayed jobs, so nothing is
 * pending for the reminder scheduler; each delivery is recorded in the period's stream through its decider.
 */
@Injectable()
export class PlanSupervisionNotificationSource extends NotificationSource {
  readonly categories = ['monthlyReport', 'bulletin', 'assessment'];

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EventStore) store: EventStore,
    @Inject(Settings) private readonly settings: Settings,
  ) {
    super(store);
  }

  async pending(): Promise<DueNotification[]> {
    return [];
  }

  async *allPending(): AsyncGenerator<{ streamId: string; notifications: DueNotification[] }> {
    return;
  }

  async notify(streamId: string, key: string, now: Date): Promise<InboxDelivery[]> {
    const options = { metadata: systemMetadata(now, key) };
    const monthly = parseMonthlyReportStreamId(streamId);
    const quarter = parseBulletinStreamId(streamId);
    const year = parseAssessmentStreamId(streamId);
    if (monthly) {
      const unit = (await this.runner.load(responsibleUnitDecider, responsibleUnitStreamId(monthly.unitId))).state;
      await this.runner.execute(
        monthlyReportDecider,
        streamId,
        { type: 'Notify', data: { ...monthly, key } },
        {
          ...options,
          context: {
            now,
            actor: SYSTEM_ACTOR,
            dueDay: this.settings.MONTHLY_REPORT_DUE_DAY,
            unitName: unit.status === 'registered' ? unit.name : undefined,
          },
        },
      );
    } else if (quarter) {
      await this.runner.execute(
        bulletinDecider,
        streamId,
        { type: 'Notify', data: { ...quarter, key } },
        { ...options, context: { now, actor: SYSTEM_ACTOR } },
      );
    } else if (year !== null) {
      await this.runner.execute(
        assessmentDecider,
        streamId,
        { type: 'Notify', data: { year, key } },
        { ...options, context: { now, actor: SYSTEM_ACTOR } },
      );
    }
    return this.inboxDeliveries(streamId, key);
  }

  async recordDelivery(
    streamId: string,
    delivery: ChannelDelivery,
    now: Date,
  ): Promise<void> {
    const command = { type: 'RecordDelivery' as const, data: delivery };
    const options = { metadata: systemMetadata(now, delivery.key) };
    switch (streamCategory(streamId)) {
      case 'monthlyReport':
        await this.runner.execute(monthlyReportDecider, streamId, command, {
          ...options,
          context: { now, actor: SYSTEM_ACTOR, dueDay: this.settings.MONTHLY_REPORT_DUE_DAY },
        });
        return;
      case 'bulletin':
        await this.runner.execute(bulletinDecider, streamId, command, { ...options, context: { now, actor: SYSTEM_ACTOR } });
        return;
      case 'assessment':
        await this.runner.execute(assessmentDecider, streamId, command, { ...options, context: { now, actor: SYSTEM_ACTOR } });
        return;
    }
  }
}
