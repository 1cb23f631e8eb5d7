import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { SqlDatabase, type Lease, type SqlClient, type TransactionOptions } from './sql-client.js';

export interface EmbeddedDatabaseOptions {
  /** The folder that holds the database (`pgdata/`) and its lock. */
  readonly dataDir: string;
  /** How long to wait for a lock left by a process that died (stale after 30 s); 0 fails at once. */
  readonly lockWaitMs?: number;
  /** A dumped data directory to start from when the folder is new (tests: skips the 3 s initdb). */
  readonly template?: Blob;
  /** PostgreSQL's shared_buffers, e.g. `16MB`: held in memory from the start (PGlite's own default is 128MB). */
  readonly sharedBuffers?: string;
  /** Told when opening has to wait for the folder's lock (held by another process, or left by one that died), and when it ends. */
  readonly onLockWait?: (message: string) => void;
}

// refreshed every STALE_MS / 4: a start that keeps the event loop busy for seconds (PGlite creating its cluster on a
// loaded 2-core box) must not let the lock go stale under the owner's feet (10 s was seen to be too short in CI)
const STALE_MS = 30_000;

/** Thrown when another process (or another open in this one) holds the data folder. */
export class DataDirLockedError extends Error {
  readonly code = 'data-dir-locked';
}

/**
 * PGlite (PostgreSQL in WASM) behind the SqlClient interface. Two PGlite instances on one folder silently
 * diverge, so opening takes an exclusive lock on the folder: a second opener fails with DataDirLockedError.
 */
export class PgliteClient extends SqlDatabase {
  private readonly locks = new Set<string>();

  private constructor(
    readonly db: PGlite,
    private readonly release: (() => Promise<void>) | null,
  ) {
    super();
  }

  /** Opens (creating if needed) the database in `dataDir`, holding the folder's lock until `close()`. */
  static async open(options: EmbeddedDatabaseOptions): Promise<PgliteClient> {
    const dataDir = resolve(options.dataDir);
    await mkdir(join(dataDir, 'pgdata'), { recursive: true });
    const release = await lockDataDir(dataDir, options.lockWaitMs ?? STALE_MS + 2_000, options.onLockWait);
    try {
      const pgdata = join(dataDir, 'pgdata');
      const fresh = options.template && (await readdir(pgdata)).length === 0;
      const db = await PGlite.create(pgdata, {
        ...(fresh ? { loadDataDir: options.template } : {}),
        ...(options.sharedBuffers ? { postgresqlconf: `shared_buffers = ${options.sharedBuffers}` } : {}),
      });
      return new PgliteClient(db, release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Wraps an instance whose owner guarantees it is the only one on its folder (tests, in-memory databases). */
  static fromInstance(db: PGlite): PgliteClient {
    return new PgliteClient(db, null);
  }

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.db.query<Row>(text, params as unknown[]);
    return result.rows;
  }

  async exec(text: string): Promise<void> {
    await this.db.exec(text);
  }

  // the embedded database runs without fsync: every commit is already as relaxed as TransactionOptions allows
  async transaction<T>(work: (client: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await tx.query<Row>(text, params as unknown[])).rows,
        exec: async (text: string) => void (await tx.exec(text)),
      }),
    );
  }

  /** The folder lock already makes this process the only one: locks only exclude other holders in this process. */
  async tryLock(name: string): Promise<Lease | null> {
    if (this.locks.has(name)) return null;
    this.locks.add(name);
    return { lost: new Promise<void>(() => undefined), release: async () => void this.locks.delete(name) };
  }

  /** In the one process that holds the folder: no connection to lose, so `onReconnect` is never called. */
  listen(channel: string, onNotify: () => void): () => Promise<void> {
    const unsubscribing = this.db.listen(channel, () => onNotify());
    return async () => {
      const unsubscribe = await unsubscribing;
      if (!this.db.closed) await unsubscribe();
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    await this.release?.();
  }
}

const lockDataDir = async (dataDir: string, waitMs: number, onWait?: (message: string) => void): Promise<() => Promise<void>> => {
  const started = Date.now();
  const deadline = started + waitMs;
  const lockPath = join(dataDir, 'engine.lock');
  for (let waiting = false; ;) {
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: STALE_MS,
        update: STALE_MS / 4,
        // a lock we can no longer refresh means another process may have taken the folder: stop writing at once
        onCompromised: (error) => {
          throw new DataDirLockedError(`Lost the lock on ${dataDir}: ${error.message}`);
        },
      });
      if (waiting) onWait?.(`Took the lock on ${dataDir} after waiting ${((Date.now() - started) / 1000).toFixed(1)} s: opening the embedded store`);
      return release;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw error;
      if (!waiting && waitMs > 0) {
        waiting = true;
        const refreshed = await stat(lockPath).then(
          (lock) => `refreshed ${Math.max(0, (Date.now() - lock.mtimeMs) / 1000).toFixed(1)} s ago`,
          () => 'just released',
        );
        onWait?.(
          `The data folder ${dataDir} is locked (${lockPath}, ${refreshed}): another engine process holds it, or one that ended ` +
            `without releasing it did. Waiting up to ${(waitMs / 1000).toFixed(0)} s: a lock nobody refreshes expires ${STALE_MS / 1000} s after its last refresh.`,
        );
      }
      if (Date.now() >= deadline) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another process. The embedded store (PGlite) can have only one owner: ` +
            `stop the other engine process, or point DATA_DIR elsewhere. A lock left by a crashed process expires after ${STALE_MS / 1000} s.`,
        );
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    }
  }
};
