import { Inject } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { Clock } from '@app/config';
import { CADENCE_QUEUE, workerOptions } from '@app/notifications';
import { CADENCE_JOBS, isCadenceJob, type CadenceJobData } from './cadence-jobs.js';
import { PlanCadence, type CadenceOutcome } from './plan-cadence.js';

/** When a scheduler's job was due: BullMQ names each iteration `repeat:<scheduler id>:<millis>`. */
export const scheduledTimeOf = (job: Pick<Job, 'id' | 'opts'>): number | null => {
  const previous = (job.opts as { prevMillis?: unknown }).prevMillis;
  if (typeof previous === 'number') return previous;
  const match = /^repeat:.+:(\d+)$/.exec(job.id ?? '');
  return match ? Number(match[1]) : null;
};

/** Runs the cadence's jobs (from the job schedulers, or added by hand with the same name and data). */
@Processor(CADENCE_QUEUE, workerOptions({}))
export class CadenceProcessor extends WorkerHost {
  /** Set by the lifecycle: how connection errors are reported. */
  onError: (error: Error) => void = () => undefined;

  constructor(
    @Inject(PlanCadence) private readonly cadence: PlanCadence,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<CadenceJobData>): Promise<CadenceOutcome> {
    if (!isCadenceJob(job.name)) throw new UnrecoverableError(`No cadence job ${job.name} (known: ${CADENCE_JOBS.join(', ')})`);
    const scheduled = scheduledTimeOf(job);
    return this.cadence.run(job.name, job.data ?? {}, scheduled === null ? this.clock.now() : new Date(scheduled));
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.onError(error);
  }
}
