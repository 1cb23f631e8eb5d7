import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { NotificationChannels } from './channels/notification-channels.js';
import type { InboxDelivery } from './notification-source.js';
import { DELIVERY_QUEUE, jobId, type DeliveryJob } from './queues.js';

const ATTEMPTS = 12;

/** Queues a notification's deliveries on every configured channel besides the inbox; each retries on its own. */
@Injectable()
export class Deliveries {
  private readonly logger = new Logger('Deliveries');

  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<DeliveryJob>,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
  ) {}

  async fanOut(streamId: string, deliveries: readonly InboxDelivery[]): Promise<number> {
    const jobs = deliveries.flatMap((delivery) =>
      this.channels.enabled
        .filter((channel) => !delivery.deliveredOn.includes(channel.name))
        .map((channel) => ({
          name: channel.name,
          data: { streamId, key: delivery.key, kind: delivery.kind, recipient: delivery.recipient, channel: channel.name, content: delivery.content },
          opts: {
            jobId: jobId(delivery.key, delivery.recipient, channel.name),
            attempts: ATTEMPTS,
            // 1 s, 2 s, 4 s … about 34 minutes in all before a delivery is given up
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
    );
    if (jobs.length > 0) {
      await this.queue.addBulk(jobs);
      this.logger.debug(`queued ${jobs.length} deliveries for ${streamId}`);
    }
    return jobs.length;
  }
}
