import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner } from '@app/commands';
import { EventStore, SYSTEM_ACTOR } from '@app/event-sourcing';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { NotificationSource, systemMetadata, type ChannelDelivery, type InboxDelivery } from '@app/notifications';
import type { DueNotification } from '@app/notifications/domain';
import { enrolmentNotifications } from '../domain/enrolment-notifications.js';
import { enrolmentDecider } from '../domain/enrolment.decider.js';

const PAGE = 500;
const kindergartenOf = (streamId: string): string => streamId.slice('enrolment-'.length);

/** Enrolments as a source of notifications (告知, 陈述申辩, 决定, 恢复招生), recorded in `enrolment-{id}` through its decider. */
@Injectable()
export class EnrolmentNotificationSource extends NotificationSource {
  readonly categories = ['enrolment'];

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EventStore) store: EventStore,
  ) {
    super(store);
  }

  async pending(streamId: string, now: Date): Promise<DueNotification[]> {
    const { state } = await this.runner.load(enrolmentDecider, streamId);
    return enrolmentNotifications(state, kindergartenOf(streamId), now);
  }

  // only kindergartens whose enrolment was ever acted on have a stream: few, read one by one
  async *allPending(now: Date): AsyncGenerator<{ streamId: string; notifications: DueNotification[] }> {
    for (let after: string | undefined; ;) {
      const streams = await this.store.listStreams({ category: 'enrolment', afterStreamId: after, limit: PAGE });
      for (const { streamId } of streams) {
        const notifications = await this.pending(streamId, now);
        if (notifications.length > 0) yield { streamId, notifications };
      }
      if (streams.length < PAGE) return;
      after = streams.at(-1)!.streamId;
    }
  }

  async notify(streamId: string, key: string, now: Date): Promise<InboxDelivery[]> {
    const kindergartenId = kindergartenOf(streamId);
    await this.runner.execute(
      enrolmentDecider,
      streamId,
      { type: 'Notify', data: { kindergartenId, key } },
      {
        metadata: systemMetadata(now, key),
        context: async () => ({ now, actor: SYSTEM_ACTOR, kindergartenName: await this.kindergartenName(kindergartenId) }),
      },
    );
    return this.inboxDeliveries(streamId, key);
  }

  async recordDelivery(streamId: string, delivery: ChannelDelivery, now: Date): Promise<void> {
    await this.runner.execute(
      enrolmentDecider,
      streamId,
      { type: 'RecordDelivery', data: delivery },
      { metadata: systemMetadata(now, delivery.key), context: { now, actor: SYSTEM_ACTOR } },
    );
  }

  private async kindergartenName(kindergartenId: string): Promise<string> {
    const { state } = await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    return state.status === 'registered' ? state.name : kindergartenId;
  }
}
