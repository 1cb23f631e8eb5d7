/** The little the SQL adapters need from a driver: `pg` and PGlite both fit behind it. */
export interface QueryOptions {
  /** Prepare the statement once per connection under this name (drivers without named statements ignore it). */
  readonly name?: string;
}

export interface TransactionOptions {
  /**
   * false: COMMIT returns without waiting for the WAL flush (PostgreSQL's synchronous_commit off, this transaction
   * only). A crash of the server may then lose the last such transactions, whole; for what can be rebuilt from the record.
   */
  readonly synchronousCommit?: boolean;
}

export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (client: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** The application's SQL database (read models, idempotency keys, and the events with the SQL stores); also its DI token. */
export abstract class SqlDatabase implements SqlClient {
  abstract query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  abstract exec(text: string): Promise<void>;
  abstract transaction<T>(work: (client: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  abstract close(): Promise<void>;
  /**
   * Takes the named lock if no other process holds it, for as long as the returned lease is not released (or
   * this process's connection lives). Null when another process holds it.
   */
  abstract tryLock(name: string): Promise<Lease | null>;
  /**
   * Calls `onNotify` on every NOTIFY on `channel` (sent inside a transaction, it arrives once that commits), on a
   * connection of its own that reconnects after errors, calling `onReconnect` each time it is back (notifications sent
   * while it was away are lost). Returns a function that stops listening.
   */
  abstract listen(channel: string, onNotify: () => void, onReconnect?: () => void): () => Promise<void>;
}

export interface Lease {
  release(): Promise<void>;
  /** Resolves if the lock is lost (the connection holding it broke). */
  readonly lost: Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A validated, quoted schema name, safe to splice into SQL. */
export const quoteSchema = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name "${schema}": use lowercase letters, digits and _`);
  return `"${schema}"`;
};
