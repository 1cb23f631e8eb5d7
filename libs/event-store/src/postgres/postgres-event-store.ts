import type { Upcasters } from '@app/event-sourcing';
import type { PostgresClient } from '@app/sql';
import { migrateEventStore } from '../sql/event-store-schema.js';
import { SqlEventStore } from '../sql/sql-event-store.js';

const NOTIFY_INTERVAL_MS = 20;

export interface PostgresEventStoreOptions {
  readonly client: PostgresClient;
  readonly schema?: string;
  readonly upcasters?: Upcasters;
  /** Create or upgrade the schema on start-up (default true). */
  readonly migrate?: boolean;
  /** Listen for appends by other processes, to wake subscriptions at once (default true). */
  readonly listen?: boolean;
}

/**
 * The production store on PostgreSQL. Appends in other processes wake this process's subscriptions through
 * LISTEN/NOTIFY, sent outside the append and throttled: a transaction that NOTIFYs takes a cluster-wide lock
 * until it commits, so a NOTIFY inside every append would serialise all appends.
 */
export class PostgresEventStore extends SqlEventStore {
  private stopListening: (() => Promise<void>) | null = null;
  private notifyTimer: NodeJS.Timeout | null = null;
  private notifyPending = false;
  private closed = false;

  private constructor(
    private readonly client: PostgresClient,
    schema: string,
    upcasters?: Upcasters,
  ) {
    super(client, schema, upcasters);
  }

  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    if (options.migrate ?? true) await migrateEventStore(options.client, schema);
    const store = new PostgresEventStore(options.client, schema, options.upcasters);
    if (options.listen ?? true) store.stopListening = options.client.listen(store.channel, () => store.signalAppended());
    return store;
  }

  private get channel(): string {
    return `event_store_${this.schema}`;
  }

  override async appendToStream(...args: Parameters<SqlEventStore['appendToStream']>): ReturnType<SqlEventStore['appendToStream']> {
    const result = await super.appendToStream(...args);
    if (result.events.length > 0) this.notifyOthers();
    return result;
  }

  override async appendToStreams(...args: Parameters<SqlEventStore['appendToStreams']>): ReturnType<SqlEventStore['appendToStreams']> {
    const results = await super.appendToStreams(...args);
    if (results.some((result) => result.events.length > 0)) this.notifyOthers();
    return results;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    await this.stopListening?.();
    this.stopListening = null;
  }

  /** At most one NOTIFY per interval: each one is a commit of its own, and they serialise on the notification queue. */
  private notifyOthers(): void {
    if (this.notifyTimer || this.closed) {
      this.notifyPending = true;
      return;
    }
    void this.client.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      if (this.notifyPending) {
        this.notifyPending = false;
        this.notifyOthers();
      }
    }, NOTIFY_INTERVAL_MS);
  }
}
