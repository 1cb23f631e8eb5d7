import pg from 'pg';
import { SqlDatabase, type Lease, type QueryOptions, type SqlClient, type TransactionOptions } from './sql-client.js';
import { asStoreUnavailable, isStoreUnavailable } from './store-unavailable.js';

export interface PostgresClientOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
  /** Give up opening a connection, or waiting for a free one in the pool, after this long (ms); 0 or unset: wait. */
  readonly connectTimeoutMs?: number;
  /** The server cancels a statement that runs longer (statement_timeout, ms); 0 or unset: no limit. */
  readonly statementTimeoutMs?: number;
  /** Stop waiting for an answer after this long and drop the connection: a server that hangs (ms); 0 or unset: wait. */
  readonly queryTimeoutMs?: number;
  /** The server ends a session left idle inside a transaction this long (idle_in_transaction_session_timeout, ms). */
  readonly idleInTransactionTimeoutMs?: number;
}

/** How long closing a connection may wait for the server's goodbye before the socket is simply dropped. */
const END_WITHIN_MS = 2_000;

/**
 * A `pg` pool behind the SqlClient interface. Every connection has an 'error' listener from its first moment (a
 * connection breaking with no listener would crash the process), and every failure that means the server is
 * away or too slow comes out as a StoreUnavailableError.
 */
export class PostgresClient extends SqlDatabase {
  readonly pool: pg.Pool;

  constructor(readonly options: PostgresClientOptions) {
    super();
    this.pool = new pg.Pool({ ...this.connectionConfig(options.applicationName ?? 'supervision-engine'), max: options.maxConnections ?? 20 });
    // an idle client losing its server connection must not crash the process; the next checkout reconnects
    this.pool.on('error', () => undefined);
  }

  private connectionConfig(applicationName: string): pg.ClientConfig {
    const { connectTimeoutMs, statementTimeoutMs, queryTimeoutMs, idleInTransactionTimeoutMs } = this.options;
    return {
      connectionString: this.options.connectionString,
      application_name: applicationName.slice(0, 63),
      // a peer gone without a word (a cut network) is noticed by the kernel instead of never
      keepAlive: true,
      ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
      ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
      ...(idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } : {}),
    };
  }

  async query<Row>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<Row[]> {
    try {
      const result = options.name
        ? await this.pool.query({ name: options.name, text, values: params as unknown[] })
        : await this.pool.query(text, params as unknown[]);
      return result.rows as Row[];
    } catch (error) {
      throw asStoreUnavailable(error);
    }
  }

  async exec(text: string): Promise<void> {
    try {
      await this.pool.query(text);
    } catch (error) {
      throw asStoreUnavailable(error);
    }
  }

  async transaction<T>(work: (client: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const connection = await this.pool.connect().catch((error: unknown) => {
      throw asStoreUnavailable(error);
    });
    // checked out, a client is no longer watched by the pool: a backend killed mid-transaction emits 'error' here
    let broken: Error | undefined;
    const onError = (error: Error): void => void (broken ??= error);
    connection.on('error', onError);
    try {
      // one round trip either way (a simple query may hold several statements)
      await connection.query(options.synchronousCommit === false ? 'BEGIN; SET LOCAL synchronous_commit TO off' : 'BEGIN');
      const result = await work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await connection.query(text, params as unknown[])).rows as Row[],
        exec: async (text: string) => void (await connection.query(text)),
      });
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      // a broken or hung connection is dropped, not rolled back: the server rolls back a transaction whose session ends
      if (isStoreUnavailable(error)) broken ??= error as Error;
      else if (!broken) await connection.query('ROLLBACK').catch((rollbackError: Error) => void (broken ??= rollbackError));
      throw asStoreUnavailable(error);
    } finally {
      connection.off('error', onError);
      // released with an error, the pool closes the connection instead of handing it out again
      connection.release(broken);
    }
  }

  listen(channel: string, onNotify: () => void, onReconnect: () => void = onNotify): () => Promise<void> {
    let stopped = false;
    let client: pg.Client | null = null;
    let retryTimer: NodeJS.Timeout | null = null;
    const connect = async (delayMs: number): Promise<void> => {
      if (stopped) return;
      const next = new pg.Client(this.connectionConfig('supervision-engine-listen'));
      next.on('notification', () => onNotify());
      next.on('error', () => undefined);
      next.on('end', () => {
        if (client === next && !stopped) retryTimer = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
      });
      try {
        await next.connect();
        if (stopped) {
          await endWithin(next);
          return;
        }
        await next.query(`LISTEN "${channel}"`);
        client = next;
        // notifications sent while we were away are lost: let subscribers look for themselves
        onReconnect();
      } catch {
        await endWithin(next);
        if (!stopped) retryTimer = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
      }
    };
    const connecting = connect(100);
    return async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connecting;
      if (client) await endWithin(client);
    };
  }

  /** A session-level advisory lock on a connection of its own, outside the pool. */
  async tryLock(name: string): Promise<Lease | null> {
    const client = new pg.Client(this.connectionConfig(`supervision-engine-lock ${name}`));
    let released = false;
    // listening from the start: the connection may break while it connects or asks for the lock
    const lost = new Promise<void>((resolveLost) => {
      client.on('error', () => resolveLost());
      client.on('end', () => {
        if (!released) resolveLost();
      });
    });
    try {
      await client.connect();
      const [row] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [name])).rows;
      if (!row?.locked) {
        released = true;
        await endWithin(client);
        return null;
      }
    } catch (error) {
      released = true;
      await endWithin(client);
      throw asStoreUnavailable(error);
    }
    return {
      lost,
      release: async () => {
        released = true;
        await endWithin(client);
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Ends a connection, dropping its socket if the server does not answer the goodbye (a hung server would keep it forever). */
const endWithin = async (client: pg.Client, ms = END_WITHIN_MS): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    client.end().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  if (!ended) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
};
