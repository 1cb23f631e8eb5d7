import type { Upcasters } from '@app/event-sourcing';
import type { PgliteClient } from '@app/sql';
import { migrateEventStore } from '../sql/event-store-schema.js';
import { SqlEventStore } from '../sql/sql-event-store.js';

export interface PgliteEventStoreOptions {
  /** An open embedded database; its folder lock guarantees this process is its only writer. */
  readonly client: PgliteClient;
  readonly schema?: string;
  readonly upcasters?: Upcasters;
}

/**
 * The zero-setup store: PostgreSQL in WASM in a local folder. One process owns the folder, so every append
 * is seen by this process's subscriptions directly. PGlite runs with fsync off: see the README on durability.
 */
export class PgliteEventStore extends SqlEventStore {
  private constructor(client: PgliteClient, schema: string, upcasters?: Upcasters) {
    super(client, schema, upcasters);
  }

  static async create(options: PgliteEventStoreOptions): Promise<PgliteEventStore> {
    const schema = options.schema ?? 'public';
    await migrateEventStore(options.client, schema);
    return new PgliteEventStore(options.client, schema, options.upcasters);
  }

  // the database belongs to whoever opened it (it also holds the read models)
  async close(): Promise<void> {}
}
