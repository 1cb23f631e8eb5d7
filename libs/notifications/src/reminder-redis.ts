import { Redis } from 'ioredis';

/** A Redis connection of the reminders' own, for their bookkeeping beside BullMQ's keys. */
export class ReminderRedis {
  readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { maxRetriesPerRequest: 3, connectionName: 'reminders' });
    this.client.on('error', () => undefined);
  }

  async close(): Promise<void> {
    // QUIT would wait in the offline queue for a Redis that is gone
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
