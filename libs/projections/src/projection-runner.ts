import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@app/event-sourcing';
import { migrate, quoteSchema, type SqlDatabase } from '@app/sql';
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
 * Keeps one projection up to date: catch up from its checkpoint, then follow the log live. Each batch and the new
 * checkpoint commit together. With several processes, only the holder of the projection's lock runs it; the others wait.
 */
export class ProjectionRunner {
  private readonly controller = new AbortController();
  private running: Promise<void> | null = null;
  private caughtUpOnce: (() => void) | null = null;
  /** Resolves once the projection has caught up with the log for the first time. */
  readonly caughtUp: Promise<void>;

  constructor(
    private readonly projection: Projection,
    private readonly store: EventStore,
    private readonly database: SqlDatabase,
    private readonly schema: string,
    private readonly logger: ProjectionLogger,
    private readonly options: { batchSize?: number; retryDelayMs?: number; standbyPollMs?: number } = {},
  ) {
    this.caughtUp = new Promise((resolve) => (this.caughtUpOnce = resolve));
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      const lease = await this.database.tryLock(projectionLockName(this.schema, this.projection)).catch((error: unknown) => {
        this.logger.error(`projection ${this.projection.name}: cannot take its lock`, error);
        return null;
      });
      if (!lease) {
        await sleep(this.options.standbyPollMs ?? 2_000, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const lost = new AbortController();
      void lease.lost.then(() => lost.abort());
      try {
        await this.follow(AbortSignal.any([signal, lost.signal]));
      } catch (error) {
        if (!signal.aborted) {
          this.logger.error(`projection ${this.projection.name} stopped on an error; it resumes from its checkpoint`, error);
          await sleep(this.options.retryDelayMs ?? 1_000, undefined, { signal }).catch(() => undefined);
        }
      } finally {
        await lease.release();
      }
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const s = quoteSchema(this.schema);
    const from = await readCheckpoint(this.database, this.schema, this.projection.name);
    for await (const item of this.store.subscribeToAll({ afterPosition: from, batchSize: this.options.batchSize ?? 500, signal })) {
      if (item.kind === 'caught-up') {
        this.caughtUpOnce?.();
        this.caughtUpOnce = null;
        continue;
      }
      const position = item.events.at(-1)!.position;
      await this.database.transaction(async (tx) => {
        await this.projection.apply(tx, item.events, s);
        await tx.query(
          `INSERT INTO ${s}.${CHECKPOINTS} (name, position, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
          [this.projection.name, position],
        );
      });
    }
  }
}

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
 * Drops a projection's tables and replays the whole log into them, batch by batch (each batch commits with its
 * checkpoint). The caller must hold the projection's lock, so that no running worker writes at the same time.
 */
export const rebuildProjection = async (
  database: SqlDatabase,
  store: EventStore,
  schema: string,
  projection: Projection,
  onProgress?: (events: number) => void,
): Promise<{ events: number }> => {
  const s = quoteSchema(schema);
  await resetProjection(database, schema, projection);
  let events = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ afterPosition: after, limit: 2000 });
    if (page.events.length === 0) return { events };
    await database.transaction(async (tx) => {
      await projection.apply(tx, page.events, s);
      await tx.query(
        `INSERT INTO ${s}.${CHECKPOINTS} (name, position, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
        [projection.name, page.lastPosition],
      );
    });
    events += page.events.length;
    after = page.lastPosition;
    onProgress?.(events);
  }
};

export const projectionLockName = (schema: string, projection: Projection): string => `projection:${schema}:${projection.name}`;
