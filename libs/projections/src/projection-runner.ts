import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { streamCategory, type EventStore, type StoredEvent } from '@app/event-sourcing';
import { isStoreUnavailable, migrate, quoteSchema, type SqlDatabase } from '@app/sql';
import type { Projection } from './projection.js';

export interface ProjectionLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

const CHECKPOINTS = 'projection_checkpoints';

const checkpointMigrations = (s: string): string[] => [
  `CREATE TABLE ${s}.${CHECKPOINTS} (name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
];

/** Creates the checkpoint table and each projection's tables. */
export const migrateProjections = async (database: SqlDatabase, schema: string, projections: readonly Projection[]): Promise<void> => {
  const s = quoteSchema(schema);
  await migrate(database, schema, 'projection-checkpoints', checkpointMigrations(s));
  for (const projection of projections) await migrate(database, schema, `projection:${projection.name}`, projection.migrations(s));
};

export const readCheckpoint = async (database: SqlDatabase, schema: string, name: string): Promise<number> => {
  const [row] = await database.query<{ position: string }>(
    `SELECT position::text AS position FROM ${quoteSchema(schema)}.${CHECKPOINTS} WHERE name = $1`,
    [name],
  );
  return row ? Number(row.position) : 0;
};

/** The channel on which the runner NOTIFYs, in the transaction that moves the checkpoints, that the read models moved. */
export const checkpointsChannel = (schema: string): string => `projections_${schema}`.slice(0, 63);

/** The lowest checkpoint among the projections (0 if one has none yet): every read model has seen the log up to there. */
export const lowestCheckpoint = async (database: SqlDatabase, schema: string, names: readonly string[]): Promise<number> => {
  const rows = await database.query<{ name: string; position: string }>(
    `SELECT name, position::text AS position FROM ${quoteSchema(schema)}.${CHECKPOINTS} WHERE name = ANY($1::text[])`,
    [names],
  );
  if (rows.length < names.length) return 0;
  return Math.min(...rows.map((row) => Number(row.position)));
};

/**
 * Keeps a group of projections up to date with one reader: catch up from their checkpoints, then follow the log
 * live. Each batch is applied to every projection that has not seen it yet, and their checkpoints move, in one
 * transaction. With several processes, only the holder of the group's lock runs it; the others wait.
 */
export class ProjectionRunner {
  /** Emits `progress` with the position this process has committed up to. */
  readonly progress = new EventEmitter();
  /** The position committed so far by this process (0 before it has run). */
  position = 0;
  private readonly controller = new AbortController();
  private running: Promise<void> | null = null;
  private caughtUpOnce: (() => void) | null = null;
  /** Resolves once the projections have caught up with the log for the first time. */
  readonly caughtUp: Promise<void>;
  private readonly projections: readonly Projection[];

  constructor(
    projections: Projection | readonly Projection[],
    private readonly store: EventStore,
    private readonly database: SqlDatabase,
    private readonly schema: string,
    private readonly logger: ProjectionLogger,
    private readonly options: { batchSize?: number; retryDelayMs?: number; standbyPollMs?: number } = {},
  ) {
    this.projections = Array.isArray(projections) ? projections : [projections as Projection];
    this.caughtUp = new Promise((resolve) => (this.caughtUpOnce = resolve));
    this.progress.setMaxListeners(0);
  }

  /** Whether one of these projections reads streams of the category. */
  reads(category: string): boolean {
    return this.projections.some((projection) => !projection.categories || projection.categories.includes(category));
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  private get lockName(): string {
    return projectionLockName(this.schema, ...this.projections);
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    let standing = false;
    while (!signal.aborted) {
      const lease = await this.database.tryLock(this.lockName).catch((error: unknown) => {
        this.logger.error(`projections ${this.names}: cannot take their lock`, briefly(error));
        return null;
      });
      if (!lease) {
        if (!standing) this.logger.log(`projections ${this.names}: another process runs them; this one stands by`);
        standing = true;
        await sleep(this.options.standbyPollMs ?? 2_000, undefined, { signal }).catch(() => undefined);
        continue;
      }
      standing = false;
      this.logger.log(`projections ${this.names}: this process runs them (lease taken)`);
      const lost = new AbortController();
      void lease.lost.then(() => lost.abort());
      try {
        await this.follow(AbortSignal.any([signal, lost.signal]));
      } catch (error) {
        if (!signal.aborted) {
          this.logger.error(`projections ${this.names} stopped on an error; they resume from their checkpoints`, briefly(error));
          await sleep(this.options.retryDelayMs ?? 1_000, undefined, { signal }).catch(() => undefined);
        }
      } finally {
        await lease.release();
      }
    }
  }

  private get names(): string {
    return this.projections.map((projection) => projection.name).join(', ');
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const s = quoteSchema(this.schema);
    const checkpoints = new Map<Projection, number>();
    for (const projection of this.projections) checkpoints.set(projection, await readCheckpoint(this.database, this.schema, projection.name));
    let committed = Math.min(...checkpoints.values());
    let lastWrite = Date.now();
    this.advance(committed);
    for await (const item of this.store.subscribeToAll({
      afterPosition: committed,
      batchSize: this.options.batchSize ?? 500,
      signal,
      coalesceMs: 3,
    })) {
      if (item.kind === 'caught-up') {
        // checkpoints held back while only other streams' events went by are written now, when idle
        if (this.position > committed) committed = await this.commit(s, [], this.position, checkpoints);
        this.caughtUpOnce?.();
        this.caughtUpOnce = null;
        continue;
      }
      const position = item.events.at(-1)!.position;
      const work = this.projections.flatMap((projection) => {
        const events = item.events.filter((event) => event.position > checkpoints.get(projection)! && reads(projection, event));
        return events.length > 0 ? [{ projection, events }] : [];
      });
      if (work.length === 0 && Date.now() - lastWrite < 5_000) {
        this.advance(position);
        continue;
      }
      committed = await this.commit(s, work, position, checkpoints);
      lastWrite = Date.now();
    }
  }

  private async commit(
    s: string,
    work: readonly { projection: Projection; events: readonly StoredEvent[] }[],
    position: number,
    checkpoints: Map<Projection, number>,
  ): Promise<number> {
    for (const { projection, events } of work) if (projection.transactional === false) await projection.apply(this.database, events, s);
    // read models and their checkpoints commit together, so a commit lost in a server crash is one the runner
    // applies again from the log: no wait for the disk here (the events' own appends do wait)
    await this.database.transaction(
      async (tx) => {
        for (const { projection, events } of work) if (projection.transactional !== false) await projection.apply(tx, events, s);
        // and wakes API processes waiting for them (delivered at commit; same round trip)
        await tx.query(
          `WITH moved AS (
             INSERT INTO ${s}.${CHECKPOINTS} (name, position, updated_at) SELECT name, $2, now() FROM unnest($1::text[]) AS name
             ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now() RETURNING 1)
           SELECT pg_notify($3, $2::text) FROM (SELECT 1 FROM moved LIMIT 1) AS any_moved`,
          [this.projections.map((projection) => projection.name), position, checkpointsChannel(this.schema)],
        );
      },
      { synchronousCommit: false },
    );
    for (const projection of this.projections) checkpoints.set(projection, position);
    this.advance(position);
    return position;
  }

  private advance(position: number): void {
    if (position <= this.position) return;
    this.position = position;
    this.progress.emit('progress', position);
  }
}

/** An unavailable database is an outage to report in a line, not a fault of the code to trace. */
const briefly = (error: unknown): unknown => (isStoreUnavailable(error) ? (error as Error).message : error);

const reads = (projection: Projection, event: StoredEvent): boolean =>
  !projection.categories || projection.categories.includes(streamCategory(event.streamId));

/** Drops a projection's tables and checkpoint so that it rebuilds from the first event. */
export const resetProjection = async (database: SqlDatabase, schema: string, projection: Projection): Promise<void> => {
  const s = quoteSchema(schema);
  await database.transaction(async (tx) => {
    for (const table of projection.tables) await tx.exec(`DROP TABLE IF EXISTS ${s}.${table} CASCADE`);
    await tx.query(`DELETE FROM ${s}.${CHECKPOINTS} WHERE name = $1`, [projection.name]);
    await tx.query(`DELETE FROM ${s}.schema_migrations WHERE component = $1`, [`projection:${projection.name}`]);
  });
  await migrate(database, schema, `projection:${projection.name}`, projection.migrations(s));
};

/**
 * Drops the projections' tables and replays the whole log into them in one pass: each page is applied to every
 * projection that reads its events, and commits with their checkpoints (without waiting for the WAL flush, like the
 * runner: a page lost in a server crash is replayed by the runner from the checkpoints). The caller must hold the
 * projections' lock, so that no running worker writes at the same time.
 */
export const rebuildProjections = async (
  database: SqlDatabase,
  store: EventStore,
  schema: string,
  projections: readonly Projection[],
  onProgress?: (events: number) => void,
): Promise<{ events: number }> => {
  const s = quoteSchema(schema);
  for (const projection of projections) await resetProjection(database, schema, projection);
  let events = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ afterPosition: after, limit: 5000 });
    if (page.events.length === 0) return { events };
    const work = projections.flatMap((projection) => {
      const mine = page.events.filter((event) => reads(projection, event));
      return mine.length > 0 ? [{ projection, events: mine }] : [];
    });
    for (const { projection, events: mine } of work) if (projection.transactional === false) await projection.apply(database, mine, s);
    await database.transaction(
      async (tx) => {
        for (const { projection, events: mine } of work) if (projection.transactional !== false) await projection.apply(tx, mine, s);
        await tx.query(
          `INSERT INTO ${s}.${CHECKPOINTS} (name, position, updated_at) SELECT name, $2, now() FROM unnest($1::text[]) AS name
           ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
          [projections.map((projection) => projection.name), page.lastPosition],
        );
      },
      { synchronousCommit: false },
    );
    events += page.events.length;
    after = page.lastPosition;
    onProgress?.(events);
  }
};

/** Drops one projection's tables and replays the whole log into it (see rebuildProjections). */
export const rebuildProjection = (
  database: SqlDatabase,
  store: EventStore,
  schema: string,
  projection: Projection,
  onProgress?: (events: number) => void,
): Promise<{ events: number }> => rebuildProjections(database, store, schema, [projection], onProgress);

/** One lock per group of projections run together (a rebuild takes the same lock, projection by projection, as a group of one). */
export const projectionLockName = (schema: string, ...projections: Projection[]): string =>
  `projections:${schema}:${projections
    .map((projection) => projection.name)
    .sort()
    .join(',')}`;
