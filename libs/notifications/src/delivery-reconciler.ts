import { Inject, Injectable, Logger } from '@nestjs/common';
import pMap from 'p-map';
import { Clock, Settings } from '@app/config';
import { streamCategory } from '@app/event-sourcing';
import { SqlDatabase, quoteSchema } from '@app/sql';
import { NotificationChannels } from './channels/notification-channels.js';
import { Deliveries } from './deliveries.js';
import { NotificationSources } from './notification-source.js';

/** How far back an inbox notification may still be owed on e-mail or webhook (a delivery retries for about 34 minutes). */
export const DELIVERY_RECONCILE_WINDOW_MS = 24 * 3600 * 1000;

/**
 * The other half of "Redis holds nothing the record cannot rebuild": the e-mail and webhook deliveries of the inbox
 * notifications of the last day that the record does not show delivered are queued again (under their usual job
 * ids, so a delivery still queued is not doubled, and a delivery recorded meanwhile is skipped by its worker).
 */
@Injectable()
export class DeliveryReconciler {
  private readonly logger = new Logger('Deliveries');

  constructor(
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
  ) {}

  async reconcile(): Promise<{ notifications: number; queued: number }> {
    if (this.channels.enabled.length === 0) return { notifications: 0, queued: 0 };
    const since = new Date(this.clock.now().getTime() - DELIVERY_RECONCILE_WINDOW_MS);
    const rows = await this.database.query<{ stream_id: string; notification_key: string }>(
      `SELECT DISTINCT stream_id, notification_key FROM ${quoteSchema(this.settings.DATABASE_SCHEMA)}.rm_inbox WHERE created_at >= $1`,
      [since.toISOString()],
    );
    const queued = await pMap(
      rows,
      async ({ stream_id: streamId, notification_key: key }) => {
        const source = this.sources.for(streamCategory(streamId));
        return source ? this.deliveries.fanOut(streamId, await source.inboxDeliveries(streamId, key)) : 0;
      },
      { concurrency: 8 },
    );
    const report = { notifications: rows.length, queued: queued.reduce((sum, count) => sum + count, 0) };
    if (report.queued > 0)
      this.logger.log(`deliveries owed by the record re-queued: ${report.queued} (of ${report.notifications} recent notifications)`);
    return report;
  }
}
