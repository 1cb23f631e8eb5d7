import type { Upcasters } from '@app/event-sourcing';
import type { PostgresClient } from '@app/sql';
import { migrateEventStore } from '../sql/event-store-schema.js';
import { SqlEventStore } from '../sql/sql-event-store.js';

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
 * LISTEN/NOTIFY; notifications are coalesced (at most one in flight per process) because a transaction that
 * NOTIFYs takes a cluster-wide lock at commit, which would otherwise serialise every append.
 */
export class PostgresEventStore extends SqlEventStore {
  private stopListening: (() => Promise<void>) | null = null;
  private notifying = false;
  private notifyAgain = false;
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

  async close(): Promise<void> {
    this.closed = true;
    await this.stopListening?.();
    this.stopListening = null;
  }

  private notifyOthers(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void this.client
      .query('SELECT pg_notify($1, $2)', [this.channel, ''])
      .catch(() => undefined)
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain && !this.closed) {
          this.notifyAgain = false;
          this.notifyOthers();
        }
      });
  }
}
