import { Inject, Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { Clock } from '@app/config';
import { streamCategory } from '@app/event-sourcing';
import { notificationsDelivered, reminderLateness } from '@app/metrics';
import { Deliveries } from './deliveries.js';
import { NotificationSources } from './notification-source.js';
import { REMINDER_QUEUE, workerOptions, type ReminderJob } from './queues.js';

/**
 * When a reminder falls due: the stream is read again and decides whether the notification still applies; if so
 * it is recorded in the inboxes (once, with optimistic concurrency), then queued for the other channels. A retried,
 * duplicated or late job therefore records nothing twice.
 */
@Processor(REMINDER_QUEUE, workerOptions({ concurrency: 8 }))
export class ReminderProcessor extends WorkerHost {
  /** Set by the module: how connection errors are reported. */
  onError: (error: Error) => void = () => undefined;
  private readonly logger = new Logger('Reminders');

  constructor(
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<ReminderJob>, token?: string): Promise<{ delivered: number }> {
    const { streamId, key } = job.data;
    const source = this.sources.for(streamCategory(streamId));
    if (!source) return { delivered: 0 };
    const now = this.clock.now();
    const pending = (await source.pending(streamId, now)).find((notification) => notification.key === key);
    const early = pending ? Date.parse(pending.dueAt) - now.getTime() : 0;
    if (early > 0) {
      // woke early by this engine's clock (clocks disagree, or the job was added before its time was known): the
      // stream would record nothing yet, so sleep again for what is left (BullMQ counts in this machine's own time)
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    if (pending) reminderLateness.observe(Math.max(0, now.getTime() - Date.parse(pending.dueAt)) / 1000);
    const deliveries = (await source.notify(streamId, key, now)).filter((delivery) => delivery.key === key);
    const recordedNow = pending?.recipients.length ?? 0;
    if (recordedNow > 0) {
      notificationsDelivered.inc({ channel: 'inbox' }, recordedNow);
      this.logger.log(`${key}: in ${recordedNow} inbox(es)`);
    }
    await this.deliveries.fanOut(streamId, deliveries);
    return { delivered: recordedNow };
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.onError(error);
  }
}
