import pg from 'pg';
import { SqlDatabase, type Lease, type QueryOptions, type SqlClient } from './sql-client.js';

export interface PostgresClientOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

/** A `pg` pool behind the SqlClient interface. */
export class PostgresClient extends SqlDatabase {
  readonly pool: pg.Pool;

  constructor(readonly options: PostgresClientOptions) {
    super();
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 20,
      application_name: options.applicationName ?? 'supervision-engine',
    });
    // an idle client losing its server connection must not crash the process; the next checkout reconnects
    this.pool.on('error', () => undefined);
  }

  async query<Row>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<Row[]> {
    const result = options.name
      ? await this.pool.query({ name: options.name, text, values: params as unknown[] })
      : await this.pool.query(text, params as unknown[]);
    return result.rows as Row[];
  }

  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }

  async transaction<T>(work: (client: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    try {
      await connection.query('BEGIN');
      const result = await work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await connection.query(text, params as unknown[])).rows as Row[],
        exec: async (text: string) => void (await connection.query(text)),
      });
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  /** A dedicated connection that LISTENs on `channel`, reconnecting after errors; returns a function that stops it. */
  listen(channel: string, onNotify: () => void, onReconnect: () => void = onNotify): () => Promise<void> {
    let stopped = false;
    let client: pg.Client | null = null;
    let retryTimer: NodeJS.Timeout | null = null;
    const connect = async (delayMs: number): Promise<void> => {
      if (stopped) return;
      const next = new pg.Client({ connectionString: this.options.connectionString, application_name: 'supervision-engine-listen' });
      next.on('notification', () => onNotify());
      next.on('error', () => undefined);
      next.on('end', () => {
        if (client === next && !stopped) retryTimer = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
      });
      try {
        await next.connect();
        if (stopped) {
          await next.end();
          return;
        }
        await next.query(`LISTEN "${channel}"`);
        client = next;
        // notifications sent while we were away are lost: let subscribers look for themselves
        onReconnect();
      } catch {
        await next.end().catch(() => undefined);
        if (!stopped) retryTimer = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
      }
    };
    const connecting = connect(100);
    return async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connecting;
      await client?.end().catch(() => undefined);
    };
  }

  /** A session-level advisory lock on a connection of its own, outside the pool. */
  async tryLock(name: string): Promise<Lease | null> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `supervision-engine-lock ${name}`.slice(0, 63),
    });
    await client.connect();
    const [row] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [name])).rows;
    if (!row?.locked) {
      await client.end();
      return null;
    }
    let released = false;
    const lost = new Promise<void>((resolveLost) => {
      client.on('error', () => resolveLost());
      client.on('end', () => {
        if (!released) resolveLost();
      });
    });
    return {
      lost,
      release: async () => {
        released = true;
        await client.end().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
