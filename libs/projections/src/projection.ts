import type { StoredEvent } from '@app/event-sourcing';
import type { SqlClient } from '@app/sql';

export type SqlTransaction = Pick<SqlClient, 'query' | 'exec'>;

/**
 * A read model kept from the global log. `apply` runs inside the transaction that also moves the projection's
 * checkpoint, so a crash neither skips nor repeats a batch; it must still ignore an event it has already
 * applied (a replayed or duplicated delivery), which projections do by comparing stream versions.
 */
export interface Projection {
  readonly name: string;
  /** Numbered migrations creating its tables; `s` is the quoted schema. */
  migrations(s: string): readonly string[];
  /** Its tables, dropped to rebuild it from zero. */
  readonly tables: readonly string[];
  /** The stream categories it reads (all when absent); it is only given, and only waited for on, those. */
  readonly categories?: readonly string[];
  /**
   * False for a projection whose effects are outside SQL (e.g. delayed jobs in Redis): `apply` then runs before, not
   * inside, the checkpoint's transaction, so that it may read the store itself (PGlite has a single connection).
   * Such effects must be idempotent: a crash between them and the checkpoint replays the batch.
   */
  readonly transactional?: boolean;
  apply(tx: SqlTransaction, events: readonly StoredEvent[], s: string): Promise<void>;
}
