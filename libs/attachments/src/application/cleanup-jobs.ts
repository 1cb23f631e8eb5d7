import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { Clock, Settings } from '@app/config';
import { workerOptions } from '@app/notifications';
import { AttachmentCleanup } from './attachment-cleanup.js';

export const ATTACHMENTS_QUEUE = 'attachments';
export const REMOVE_UNUSED_JOB = 'remove-unused-attachments';

/** Runs the attachments' one job: removing the unused uploads as of the engine's clock. */
@Processor(ATTACHMENTS_QUEUE, workerOptions({}))
export class AttachmentJobsProcessor extends WorkerHost {
  private readonly logger = new Logger('AttachmentJobs');
  private lastLogged = 0;

  constructor(
    @Inject(AttachmentCleanup) private readonly cleanup: AttachmentCleanup,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  process(job: Job): Promise<{ removed: number }> {
    if (job.name !== REMOVE_UNUSED_JOB) throw new UnrecoverableError(`No attachments job ${job.name}`);
    return this.cleanup.removeUnused(this.clock.now());
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    // Redis going away is logged at most once a minute: BullMQ reconnects by itself
    if (Date.now() - this.lastLogged < 60_000) return;
    this.lastLogged = Date.now();
    this.logger.warn(`Redis: ${error.message} (BullMQ keeps retrying)`);
  }
}

/** Upserts the daily job scheduler at every start (retrying while Redis is away) and stops the worker. */
@Injectable()
export class AttachmentJobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AttachmentJobs');
  private readonly stopping = new AbortController();

  constructor(
    @InjectQueue(ATTACHMENTS_QUEUE) private readonly queue: Queue,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(AttachmentJobsProcessor) private readonly processor: AttachmentJobsProcessor,
  ) {}

  onApplicationBootstrap(): void {
    void this.upsert();
  }

  private async upsert(): Promise<void> {
    const pattern = this.settings.ATTACHMENT_CLEANUP_CRON;
    for (let delay = 1_000; !this.stopping.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      try {
        await this.queue.upsertJobScheduler(
          REMOVE_UNUSED_JOB,
          { pattern, tz: 'Asia/Shanghai' },
          {
            name: REMOVE_UNUSED_JOB,
            opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { age: 30 * 24 * 3600 } },
          },
        );
        return;
      } catch (error) {
        this.logger.warn(`cannot set the attachments' cleanup scheduler yet (${(error as Error).message}); retrying in ${delay / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    const answered = await Promise.race([
      this.queue.getJobSchedulersCount().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500).unref()),
    ]);
    await this.processor.worker.close(!answered);
  }
}
