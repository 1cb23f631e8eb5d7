import { Inject, Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Clock } from '@app/config';
import { streamCategory } from '@app/event-sourcing';
import { notificationDeliveryFailures, notificationsDelivered } from '@app/metrics';
import { NotificationChannels } from './channels/notification-channels.js';
import { NotificationSources } from './notification-source.js';
import { DELIVERY_QUEUE, workerOptions, type DeliveryJob } from './queues.js';

/** Sends one notification on one channel and records it; a failing channel retries with backoff and blocks no other. */
@Processor(DELIVERY_QUEUE, workerOptions({ concurrency: 4 }))
export class DeliveryProcessor extends WorkerHost {
  /** Set by the module: how connection errors are reported. */
  onError: (error: Error) => void = () => undefined;
  private readonly logger = new Logger('Deliveries');

  constructor(
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<DeliveryJob>): Promise<'sent' | 'no-address' | 'already' | 'disabled'> {
    const { streamId, key, kind, recipient, channel: name, content } = job.data;
    const channel = this.channels.named(name);
    const source = this.sources.for(streamCategory(streamId));
    if (!channel?.enabled || !source) return 'disabled';
    const earlier = (await source.inboxDeliveries(streamId, key)).find((delivery) => delivery.recipient === recipient);
    if (earlier?.deliveredOn.includes(name)) return 'already';
    try {
      if (!(await channel.send({ key, kind, recipient, content }))) {
        this.logger.warn(`${key}: no ${name} address for ${recipient}`);
        return 'no-address';
      }
    } catch (error) {
      notificationDeliveryFailures.inc({ channel: name, final: 'false' });
      this.logger.warn(`${key}: ${name} to ${recipient} failed (attempt ${job.attemptsMade + 1}): ${(error as Error).message}`);
      throw error;
    }
    await source.recordDelivery(streamId, { key, kind, recipient, channel: name, content }, this.clock.now());
    notificationsDelivered.inc({ channel: name });
    return 'sent';
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<DeliveryJob> | undefined): void {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      notificationDeliveryFailures.inc({ channel: job.data.channel, final: 'true' });
      this.logger.error(
        `${job.data.key}: ${job.data.channel} to ${job.data.recipient} given up after ${job.attemptsMade} attempts: ${job.failedReason}`,
      );
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.onError(error);
  }
}
