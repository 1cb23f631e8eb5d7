import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Settings } from '@app/config';
import { CADENCE_QUEUE, RedisLossWatch } from '@app/notifications';
import { CadenceProcessor } from './cadence.processor.js';
import { cadenceSchedules, upsertCadenceSchedulers } from './cadence-jobs.js';

/** The cadence's lifecycle: upserts its job schedulers at every start (in the background: Redis may not be up yet), and stops the worker. */
@Injectable()
export class CadenceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cadence');
  private readonly stopping = new AbortController();
  /** Resolves once the schedulers are in Redis (never, if the process stops first). */
  ready: Promise<void> = new Promise(() => undefined);

  constructor(
    @InjectQueue(CADENCE_QUEUE) private readonly queue: Queue,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(CadenceProcessor) private readonly processor: CadenceProcessor,
    @Optional() @Inject(RedisLossWatch) lossWatch?: RedisLossWatch,
  ) {
    // Redis losing its data loses the schedulers too: put them back with the reminders
    lossWatch?.onLoss('the cadence schedulers', () => upsertCadenceSchedulers(this.queue, cadenceSchedules(this.settings)));
    // Redis going away is logged (at most once a minute), not thrown: BullMQ reconnects by itself
    let lastLogged = 0;
    processor.onError = (error) => {
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      this.logger.warn(`Redis: ${error.message} (BullMQ keeps retrying)`);
    };
  }

  onApplicationBootstrap(): void {
    this.ready = this.upsert();
    this.ready.catch(() => undefined);
  }

  private async upsert(): Promise<void> {
    const schedules = cadenceSchedules(this.settings);
    for (let delay = 1_000; !this.stopping.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      try {
        await upsertCadenceSchedulers(this.queue, schedules);
        this.logger.log(`cadence schedulers (Asia/Shanghai): ${schedules.map(({ id, pattern }) => `${id} "${pattern}"`).join(', ')}`);
        return;
      } catch (error) {
        this.logger.warn(`cannot set the cadence schedulers yet (${(error as Error).message}); retrying in ${delay / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    // a graceful close waits for ever on a Redis that is gone: then force it (an unfinished job returns once its lock expires)
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
