import type { Queue } from 'bullmq';
import type { Settings } from '@app/config';

/** Every cadence job; each has exactly one handler (PlanCadence) and one job scheduler of the same id. */
export const CADENCE_JOBS = [
  'monthly-report-reminder',
  'monthly-report-second-reminder',
  'monthly-report-missed',
  'bulletin-reminder',
  'assessment-reminder',
] as const;
export type CadenceJobName = (typeof CADENCE_JOBS)[number];

export const isCadenceJob = (name: string): name is CadenceJobName => (CADENCE_JOBS as readonly string[]).includes(name);

/** Overrides for a job run by hand; a scheduled run works its period out from the time it was scheduled for. */
export interface CadenceJobData {
  readonly period?: string;
  readonly year?: number;
  readonly quarter?: number;
}

export const CADENCE_TIME_ZONE = 'Asia/Shanghai';

export interface CadenceSchedule {
  readonly id: CadenceJobName;
  readonly pattern: string;
}

type CadenceSettings = Pick<
  Settings,
  | 'MONTHLY_REPORT_DUE_DAY'
  | 'CADENCE_MONTHLY_REPORT_CRON'
  | 'CADENCE_MONTHLY_REPORT_SECOND_CRON'
  | 'CADENCE_MONTHLY_REPORT_MISSED_CRON'
  | 'CADENCE_BULLETIN_CRON'
  | 'CADENCE_ASSESSMENT_CRON'
>;

/** The cron patterns (in Asia/Shanghai) of the settings; the second reminder and the missed check follow the due day unless set. */
export const cadenceSchedules = (settings: CadenceSettings): CadenceSchedule[] => [
  { id: 'monthly-report-reminder', pattern: settings.CADENCE_MONTHLY_REPORT_CRON },
  { id: 'monthly-report-second-reminder', pattern: settings.CADENCE_MONTHLY_REPORT_SECOND_CRON ?? `0 9 ${settings.MONTHLY_REPORT_DUE_DAY - 1} * *` },
  { id: 'monthly-report-missed', pattern: settings.CADENCE_MONTHLY_REPORT_MISSED_CRON ?? `5 0 ${settings.MONTHLY_REPORT_DUE_DAY + 1} * *` },
  { id: 'bulletin-reminder', pattern: settings.CADENCE_BULLETIN_CRON },
  { id: 'assessment-reminder', pattern: settings.CADENCE_ASSESSMENT_CRON },
];

export const CADENCE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: { age: 90 * 24 * 3600 },
};

/**
 * Upserts one job scheduler per cadence job (id = job name): at every start, so a changed pattern takes effect, and
 * without duplicates. (In BullMQ 6, `Queue.add` with `repeat` is silently a one-shot job.)
 */
export const upsertCadenceSchedulers = async (queue: Pick<Queue, 'upsertJobScheduler'>, schedules: readonly CadenceSchedule[]): Promise<void> => {
  for (const { id, pattern } of schedules) {
    await queue.upsertJobScheduler(id, { pattern, tz: CADENCE_TIME_ZONE }, { name: id, data: {}, opts: CADENCE_JOB_OPTIONS });
  }
};
