// Run as a child process (with the TZ under test): upserts the cadence's job schedulers as every engine start does,
// on the queue prefix given, and prints what Redis holds as one JSON line.
import { Queue } from 'bullmq';
import { loadSettings } from '@app/config';
import { cadenceSchedules, upsertCadenceSchedulers } from '@app/plan-supervision';
import { CADENCE_QUEUE } from '@app/notifications';

const settings = loadSettings(process.env);
const queue = new Queue(CADENCE_QUEUE, { connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null }, prefix: settings.QUEUE_PREFIX });
try {
  await upsertCadenceSchedulers(queue, cadenceSchedules(settings));
  const schedulers = await queue.getJobSchedulers(0, -1, true);
  const delayed = await queue.getJobs(['delayed']);
  process.stdout.write(
    `${JSON.stringify({
      tz: process.env['TZ'],
      offsetMinutes: new Date().getTimezoneOffset(),
      schedulers: schedulers.map(({ id, key, pattern, tz, next }) => ({ id: id ?? key, pattern, tz, next })),
      delayed: delayed.map((job) => ({ name: job.name, runAt: job.timestamp + (job.opts.delay ?? 0) })),
    })}\n`,
  );
} finally {
  await queue.close();
}
