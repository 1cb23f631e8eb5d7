import { Inject, Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/calendar/domain';
import { Settings, parseReminderOffsets } from '@app/config';
import { EventStore, SYSTEM_ACTOR } from '@app/event-sourcing';
import { CommandRunner } from '@app/commands';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { NotificationSource, systemMetadata, type ChannelDelivery, type InboxDelivery } from '@app/notifications';
import type { DueNotification, ReminderOffset } from '@app/notifications/domain';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { rectificationNotifications } from '../domain/rectification-notifications.js';
import { rectificationDecider, type RectificationState } from '../domain/rectification.decider.js';

const PAGE = 1_000;

/** The engine's own acts are attributed to `system`; the notification key ties them to the job that caused them. */
/** Rectification cases as a source of notifications: the case's stream decides, through its decider, what to record. */
@Injectable()
export class RectificationNotificationSource extends NotificationSource {
  readonly categories = ['rectification'];
  private readonly offsets: readonly ReminderOffset[];
  private readonly s: string;

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EventStore) store: EventStore,
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    @Inject(Settings) settings: Settings,
  ) {
    super(store);
    this.offsets = parseReminderOffsets(settings.REMINDER_OFFSETS);
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async pending(streamId: string, now: Date): Promise<DueNotification[]> {
    const { state } = await this.runner.load(rectificationDecider, streamId);
    return rectificationNotifications(state, this.offsets, now);
  }

  async *allPending(now: Date): AsyncGenerator<{ streamId: string; notifications: DueNotification[] }> {
    for (let after = ''; ;) {
      const rows = await this.database.query<{ id: string; state: RectificationState; delivered: string[] | null }>(
        `SELECT id, state, delivered FROM ${this.s}.rm_rectifications WHERE id > $1 ORDER BY id LIMIT ${PAGE}`,
        [after],
      );
      for (const row of rows) {
        const notifications = rectificationNotifications({ ...row.state, sent: row.delivered ?? row.state.sent }, this.offsets, now);
        if (notifications.length > 0) yield { streamId: `rectification-${row.id}`, notifications };
      }
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }

  async notify(streamId: string, key: string, now: Date): Promise<InboxDelivery[]> {
    await this.runner.execute(
      rectificationDecider,
      streamId,
      { type: 'Notify', data: { key } },
      {
        metadata: systemMetadata(now, key),
        context: async (state) => ({
          now,
          actor: SYSTEM_ACTOR,
          calendar: this.calendar,
          reminderOffsets: this.offsets,
          kindergartenName: state.status === 'none' ? undefined : await this.kindergartenName(state.kindergartenId),
        }),
      },
    );
    return this.inboxDeliveries(streamId, key);
  }

  async recordDelivery(
    streamId: string,
    delivery: ChannelDelivery,
    now: Date,
  ): Promise<void> {
    await this.runner.execute(
      rectificationDecider,
      streamId,
      { type: 'RecordDelivery', data: delivery },
      { metadata: systemMetadata(now, delivery.key), context: { now, actor: SYSTEM_ACTOR, calendar: this.calendar } },
    );
  }

  private async kindergartenName(kindergartenId: string): Promise<string> {
    const { state } = await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    return state.status === 'registered' ? state.name : kindergartenId;
  }
}
