import { Redis } from 'ioredis';

/**
 * How long to wait before reconnecting to Redis after the `times`-th failed attempt: 250 ms more each time, at most 2 s.
 * BullMQ's own default grows as e^times up to 20 s, so a Redis back after a restart would sit unused (reminders not
 * rebuilt, jobs not added) for up to 20 s; the engine's connections all use this instead.
 */
export const redisReconnectDelay = (times: number): number => Math.min(250 * times, 2_000);

/** A Redis connection of the reminders' own, for their bookkeeping beside BullMQ's keys. */
export class ReminderRedis {
  readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { maxRetriesPerRequest: 3, connectionName: 'reminders', retryStrategy: redisReconnectDelay });
    this.client.on('error', () => undefined);
  }

  async close(): Promise<void> {
    // QUIT would wait in the offline queue for a Redis that is gone
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
